import { createRouteRef } from '@backstage/core-plugin-api';

/** The scorecard page (`/aigov` in both frontend systems by default). */
export const rootRouteRef = createRouteRef({ id: 'aigov' });

/** The "AI Compliance" entity tab; the overview card links to it. */
export const entityContentRouteRef = createRouteRef({ id: 'aigov:entity-content' });
