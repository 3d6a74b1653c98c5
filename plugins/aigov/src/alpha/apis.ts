import { ApiBlueprint, discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { AigovClient, aigovApiRef } from '../api';

/** The aigov backend client (`api:aigov`). */
export const aigovApi = ApiBlueprint.make({
  params: (defineParams) =>
    defineParams({
      api: aigovApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new AigovClient({ discoveryApi, fetchApi }),
    }),
});
