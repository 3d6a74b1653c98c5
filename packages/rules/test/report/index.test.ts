import {
  REPORT_FORMATS,
  formatJson,
  formatJunit,
  formatMarkdown,
  formatReport,
  formatSarif,
  formatText,
} from '../../src/report';
import * as core from '../../src';
import { DEPLOYMENT, scanYaml } from './fixtures';

describe('formatReport', () => {
  it('dispatches every format to its reporter with its options', () => {
    const input = scanYaml({ 'k8s/app.yaml': DEPLOYMENT });
    expect(formatReport('text', input, { color: true })).toBe(formatText(input, { color: true }));
    expect(formatReport('json', input)).toBe(formatJson(input));
    expect(formatReport('sarif', input, { toolVersion: '9.9.9' })).toBe(
      formatSarif(input, { toolVersion: '9.9.9' }),
    );
    const md = {
      maxBytes: 2000,
      title: 'Review',
      fileUrl: (f: string, l: number) => `u/${f}#${l}`,
    };
    expect(formatReport('markdown', input, md)).toBe(formatMarkdown(input, md));
    expect(formatReport('junit', input, { failureSeverity: 'error' })).toBe(
      formatJunit(input, { failureSeverity: 'error' }),
    );
    for (const format of REPORT_FORMATS)
      expect(formatReport(format, input).length).toBeGreaterThan(0);
  });

  it('is exported from the package entry point', () => {
    expect(core.formatReport).toBe(formatReport);
    expect(typeof core.formatSarif).toBe('function');
    expect(typeof core.formatMarkdown).toBe('function');
    expect(typeof core.formatJunit).toBe('function');
  });
});
