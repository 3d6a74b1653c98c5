/**
 * aigov for Backstage, backend: scheduled scoring of every entity with Kubernetes annotations,
 * score history, team rollups and a REST API behind permissions.
 *
 * @packageDocumentation
 */
export { aigovPlugin as default } from './plugin';
export { SCORING_TASK_ID } from './scoring/ScoringTask';
