import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import kubernetesPlugin from '@backstage/plugin-kubernetes/alpha';
import aigovPlugin from '@aigov/backstage-plugin/alpha';
import { signInPageModule } from './modules/signInPage';

/**
 * The aigov demo portal: the catalog, the Kubernetes plugin and the aigov plugin in the new
 * frontend system. Everything else (routes, entity pages, navigation) comes from the plugins'
 * extensions; app-config.yaml tunes them.
 */
const app = createApp({
  features: [catalogPlugin, kubernetesPlugin, aigovPlugin, signInPageModule],
});

export default app.createRoot();
