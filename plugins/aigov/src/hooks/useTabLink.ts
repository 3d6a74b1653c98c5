import { useRouteRef } from '@backstage/core-plugin-api';
import { entityContentRouteRef } from '../routes';

/**
 * The link to the entity's "AI Compliance" tab, or undefined when the app did not mount it
 * (the card then shows no link instead of failing).
 */
export function useTabLink(): string | undefined {
  try {
    // useRouteRef throws only after calling its hooks, the same ones on every render, so
    // catching keeps the hook order stable.
    return useRouteRef(entityContentRouteRef)();
  } catch {
    return undefined;
  }
}
