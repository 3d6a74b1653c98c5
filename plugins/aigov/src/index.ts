/**
 * aigov for Backstage: AI workload compliance and live GPU usage on every service, and team
 * scorecards from the aigov backend.
 *
 * @packageDocumentation
 */
export {
  aigovPlugin,
  AigovScorecardPage,
  EntityAigovContent,
  EntityAigovCard,
  EntityGpuUsageCard,
} from './plugin';
export { isAigovAvailable } from './conditions';
export { aigovApiRef, AigovClient, AigovResponseFormatError } from './api';
export type { AigovApi, AigovGroupName, AigovHistoryOptions } from './api';
export { AigovIcon } from './components/AigovIcon';
export { DEFAULT_CUSTOM_RESOURCES } from '@aigov/rules';
export type { CustomResourceSpec } from '@aigov/rules';
