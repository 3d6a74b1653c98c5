import { formatJson } from './json';
import { formatJunit } from './junit';
import type { JunitOptions } from './junit';
import { formatMarkdown } from './markdown';
import type { MarkdownOptions } from './markdown';
import { formatSarif } from './sarif';
import type { SarifOptions } from './sarif';
import { formatText } from './text';
import type { TextOptions } from './text';
import type { ReportFormat, ReportInput } from './types';

export { formatJson, toJsonReport, JSON_REPORT_VERSION } from './json';
export { formatText } from './text';
export type { TextOptions } from './text';
export {
  formatSarif,
  toSarifLog,
  sarifArtifactLocation,
  SARIF_VERSION,
  SARIF_SCHEMA,
  SARIF_FINGERPRINT_KEY,
  SRCROOT,
  AIGOV_INFORMATION_URI,
} from './sarif';
export type { SarifLog, SarifOptions } from './sarif';
export { formatMarkdown, MARKDOWN_MAX_BYTES } from './markdown';
export { escapeMarkdown, ruleTextMarkdown } from './escape-markdown';
export type { MarkdownOptions, MarkdownComparison } from './markdown';
export { formatJunit, escapeXmlText, escapeXmlAttribute } from './junit';
export type { JunitOptions } from './junit';
export { REPORT_FORMATS } from './types';
export type { ReportFormat, ReportInput } from './types';

/** The options of every format; each format reads its own and ignores the rest. */
export type FormatOptions = TextOptions & SarifOptions & MarkdownOptions & JunitOptions;

/** Renders a report in one of the formats of `REPORT_FORMATS`. */
export function formatReport(
  format: ReportFormat,
  input: ReportInput,
  options: FormatOptions = {},
): string {
  switch (format) {
    case 'text':
      return formatText(input, options);
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input, options);
    case 'markdown':
      return formatMarkdown(input, options);
    case 'junit':
      return formatJunit(input, options);
  }
}
