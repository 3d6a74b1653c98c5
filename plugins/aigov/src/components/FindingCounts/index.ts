export { FindingCounts } from './FindingCounts';
