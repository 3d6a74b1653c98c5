export { AigovContent } from './AigovContent';
export { ComplianceReport } from './ComplianceReport';
export type { ComplianceReportProps } from './ComplianceReport';
