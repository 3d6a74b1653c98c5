export { SeverityBadge, SeverityCounts } from './SeverityCounts';
