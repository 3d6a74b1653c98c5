/**
 * The new frontend system's aigov plugin (default export), for `@backstage/frontend-defaults`
 * apps: `createApp({ features: [aigovPlugin] })` or package discovery (`app.packages: all`).
 *
 * @packageDocumentation
 */
export { aigovFrontendPlugin as default } from './alpha/plugin';
export { aigovApi } from './alpha/apis';
export { aigovScorecardPage } from './alpha/pages';
export { entityAigovContent } from './alpha/entityContent';
export { entityAigovCard, entityGpuUsageCard } from './alpha/entityCards';
