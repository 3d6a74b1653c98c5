import {
  csvField,
  scoresCsvColumns,
  scoresToCsv,
  type AigovEntityScore,
} from '@aigov/backstage-plugin-common';
import { RULE_CATEGORIES } from '@aigov/rules';

const CSV_COLUMNS = scoresCsvColumns(RULE_CATEGORIES);

const score: AigovEntityScore = {
  entityRef: 'component:default/llm-chat',
  kind: 'Component',
  namespace: 'default',
  name: 'llm-chat',
  title: 'LLM chat, "v2"',
  owner: 'group:default/ml',
  score: 72,
  grade: 'C',
  status: 'partial',
  categories: { gpu: { score: 50, grade: 'F' }, security: { score: 90, grade: 'A' } },
  counts: { error: 1, warning: 2, info: 3, suppressed: 4 },
  checks: 20,
  failed: 6,
  objects: 3,
  scannedAt: '2025-11-28T12:00:00.000Z',
  lastError: { message: '=HYPERLINK("x")', at: '2025-11-28T13:00:00.000Z' },
};

describe('CSV export', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(undefined)).toBe('');
  });

  it('writes a header and one CRLF line per entity, a column per category', () => {
    const csv = scoresToCsv([score], RULE_CATEGORIES);
    const [header, line, end] = csv.split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(header).toContain('score_gpu');
    expect(end).toBe('');
    const cells = Object.fromEntries(
      CSV_COLUMNS.map((c, i) => [
        c,
        (line ?? '').match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.[i]?.replace(/,$/, ''),
      ]),
    );
    expect(cells).toMatchObject({
      entity_ref: 'component:default/llm-chat',
      title: '"LLM chat, ""v2"""',
      score: '72',
      grade: 'C',
      status: 'partial',
      errors: '1',
      suppressed: '4',
      score_gpu: '50',
      score_scaling: '',
      last_error: `"'=HYPERLINK(""x"")"`,
    });
  });
});
