export { formatJson, toJsonReport, JSON_REPORT_VERSION } from './json';
export { formatText } from './text';
export type { TextOptions } from './text';
export { REPORT_FORMATS } from './types';
export type { ReportFormat, ReportInput } from './types';
