export { FindingPath, RuleLink } from './RuleLink';
