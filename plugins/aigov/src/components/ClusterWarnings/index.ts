export { ClusterWarnings } from './ClusterWarnings';
export type { ClusterWarningsProps } from './ClusterWarnings';
