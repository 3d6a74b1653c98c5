import type { Finding, Severity } from '../../src/model';
import {
  MARKDOWN_MAX_BYTES,
  escapeMarkdown,
  formatMarkdown,
  ruleTextMarkdown,
} from '../../src/report';
import type { ReportInput } from '../../src/report';
import { CLEAN, CPU_RULE_ID, DEPLOYMENT, POD, manyPods, scanYaml, withSeverity } from './fixtures';

const DOCS = `https://github.com/aigov-dev/aigov/blob/main/docs/rules/${CPU_RULE_ID}.md`;
const RULE_LINK = `[\`${CPU_RULE_ID}\`](${DOCS})`;
const FIX =
  '↳ Set resources.requests.cpu to what the container needs at steady load (for example "2" or "500m").';
const fileUrl = (file: string, line: number): string =>
  `https://github.com/o/r/blob/abc123/${file}#L${line}`;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function sample(): ReportInput {
  return scanYaml({ 'k8s/app.yaml': DEPLOYMENT, 'k8s/pod.yaml': POD, 'clean.yaml': CLEAN });
}

/** `count` findings cycling through error, warning, info (distinct fingerprints). */
function mixed(count: number, file = 'many.yaml'): ReportInput {
  const input = scanYaml({ [file]: manyPods(count) });
  const cycle: Severity[] = ['error', 'warning', 'info'];
  return {
    ...input,
    findings: input.findings.map((f, i) => withSeverity(f, cycle[i % 3] ?? 'info', `${i}`)),
  };
}

const MARK: Record<Severity, string> = {
  error: '- ❌ **error**',
  warning: '- ⚠️ **warning**',
  info: '- ℹ️ **info**',
};

/** Findings shown, by severity, in a piece of the output. */
function shown(text: string): Record<Severity, number> {
  const lines = text.split('\n');
  const count = (s: Severity): number => lines.filter((l) => l.startsWith(MARK[s])).length;
  return { error: count('error'), warning: count('warning'), info: count('info') };
}

function between(text: string, start: string, end?: string): string {
  const from = text.indexOf(start);
  if (from < 0) return '';
  const to = end === undefined ? -1 : text.indexOf(end, from + start.length);
  return to < 0 ? text.slice(from) : text.slice(from, to);
}

describe('markdown', () => {
  it('opens with a verdict and a table by category', () => {
    const input = sample();
    const md = formatMarkdown(input);
    const { overall, grade } = input.score;
    const lines = md.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      '## aigov',
      '',
      `⚠️ **2 warnings** · score **${overall}/100 (${grade})**`,
      '',
      'Scanned 3 files with 3 objects · 1 finding suppressed',
      '',
      '| Category | Score | Grade | Errors | Warnings | Info |',
      '| --- | ---: | :---: | ---: | ---: | ---: |',
      `| Resources | ${input.score.categories.resources?.score} | ${input.score.categories.resources?.grade} | 0 | 2 | 0 |`,
      '',
    ]);
    expect(md.endsWith('\n')).toBe(true);
    expect(formatMarkdown(input, { title: 'Kubernetes review' })).toMatch(
      /^## Kubernetes review\n/,
    );
  });

  it('says so when there is nothing to report', () => {
    const md = formatMarkdown(scanYaml({ 'clean.yaml': CLEAN }));
    expect(md).toContain('✅ **No problems found** · score **100/100 (A)**');
    expect(md).not.toContain('### Findings');
    expect(md).not.toContain('<details>');
  });

  it('groups findings by file and object, each with severity, line, rule, message and fix', () => {
    const md = formatMarkdown(sample());
    const findings = between(md, '### Findings (2)', '<details>');
    expect(findings.split('\n')).toEqual([
      '### Findings (2)',
      '',
      '#### 📄 k8s/app.yaml',
      '',
      '**Deployment ml/api**',
      '',
      `- ⚠️ **warning** line 13 — Container "server" has no CPU request. ${RULE_LINK}`,
      `  <br>${FIX}`,
      '',
      '#### 📄 k8s/pod.yaml',
      '',
      '**Pod train\\_\\*job\\***',
      '',
      `- ⚠️ **warning** line 6 — Container "&lt;b&gt;@&#8203;octocat&lt;/b&gt;\\|\\\`x\\\`" has no CPU request. ${RULE_LINK}`,
      `  <br>${FIX}`,
      '',
      '',
    ]);
  });

  it('links each line to the scanned revision when given a fileUrl', () => {
    const md = formatMarkdown(sample(), { fileUrl });
    expect(md).toContain(
      `- ⚠️ **warning** [line 13](https://github.com/o/r/blob/abc123/k8s/app.yaml#L13) — Container "server"`,
    );
    const odd = formatMarkdown(sample(), { fileUrl: (f, l) => `https://x/a b(${f})#L${l}` });
    expect(odd).toContain('[line 13](https://x/a%20b%28k8s/app.yaml%29#L13)');
  });

  it('lists suppressed findings apart, with their reasons', () => {
    const md = formatMarkdown(sample());
    expect(between(md, '<details>', '</details>').split('\n')).toEqual([
      '<details>',
      '<summary>1 suppressed finding (1 warning)</summary>',
      '',
      '#### 📄 k8s/app.yaml',
      '',
      '**Deployment ml/api**',
      '',
      `- ⚠️ **warning** line 15 — Container "sidecar" has no CPU request. ${RULE_LINK}`,
      '  <br>Suppressed by an annotation: the sidecar is &lt;tiny&gt; &amp; idle',
      '',
      '',
    ]);
    const exempted = formatMarkdown(
      scanYaml(
        { 'pod.yaml': POD },
        { exemptions: [{ kind: 'Pod', rules: [CPU_RULE_ID], reason: 'best *effort*' }] },
      ),
    );
    expect(exempted).toContain(
      '<br>Suppressed by an exemption in the configuration: best \\*effort\\*',
    );
    expect(exempted).toContain('✅ **No problems found**');
  });

  it('escapes markdown and HTML in names, files and messages', () => {
    expect(escapeMarkdown('a_b *c* `d` [e](f) <img src=x> & | ~ # \\')).toBe(
      'a\\_b \\*c\\* \\`d\\` \\[e\\](f) &lt;img src=x&gt; &amp; \\| \\~ \\# \\\\',
    );
    expect(escapeMarkdown('ping @team and @org/admins, mail a@b')).toBe(
      'ping @&#8203;team and @&#8203;org/admins, mail a@&#8203;b',
    );
    expect(escapeMarkdown('two\nlines\r\n# heading\u0007')).toBe('two lines \\# heading');
    expect(escapeMarkdown('lone \ud800 surrogate, pair 😀')).toBe('lone \ufffd surrogate, pair 😀');

    const input = sample();
    const [f] = input.findings;
    if (!f) throw new Error('expected a finding');
    const hostile: Finding = {
      ...f,
      file: 'k8s/[x](javascript:alert(1)).yaml',
      message: 'Container "x" has no CPU request.\n\n<script>alert(1)</script>\n- [ ] @everyone',
    };
    const md = formatMarkdown({ ...input, findings: [hostile] });
    expect(md).toContain('#### 📄 k8s/\\[x\\](javascript:alert(1)).yaml');
    expect(md).toContain(
      '— Container "x" has no CPU request.  &lt;script&gt;alert(1)&lt;/script&gt; - \\[ \\] @&#8203;everyone',
    );
    expect(md).not.toMatch(/<script>|@everyone|(?<!\\)\]\(javascript/);
  });

  it('keeps the code spans of rule metadata and escapes the rest', () => {
    expect(
      ruleTextMarkdown('Render it (`helm template <release> -f a_b.yaml`), then use mig-<n>g_*'),
    ).toBe('Render it (`helm template <release> -f a_b.yaml`), then use mig-&lt;n&gt;g\\_\\*');
    expect(ruleTextMarkdown('an odd ` backtick')).toBe('an odd \\` backtick');
  });

  describe('with a comparison against the base branch', () => {
    function compared(): { md: string; input: ReportInput } {
      const input = sample();
      const [server, sidecar, pod] = input.findings;
      if (!server || !sidecar || !pod) throw new Error('expected three findings');
      const gone = withSeverity(pod, 'error', 'gone');
      const md = formatMarkdown(input, {
        fileUrl,
        comparison: { new: [pod], existing: [server, sidecar], fixed: [gone] },
      });
      return { md, input };
    }

    it('puts new findings first, lists fixed ones and folds existing ones', () => {
      const { md, input } = compared();
      const { overall, grade } = input.score;
      expect(md.split('\n').slice(2, 5)).toEqual([
        '⚠️ **This change introduces 1 warning** · 1 fixed · 1 existing',
        '',
        `Score **${overall}/100 (${grade})** · 2 findings in all (2 warnings) · Scanned 3 files with 3 objects · 1 finding suppressed`,
      ]);
      const order = [
        '### Introduced by this change (1)',
        '### Fixed by this change (1)',
        '<summary>1 existing finding (1 warning), already on the base branch</summary>',
        '<summary>1 suppressed finding (1 warning)</summary>',
      ].map((s) => md.indexOf(s));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(between(md, '### Introduced', '### Fixed')).toContain(
        '[line 6](https://github.com/o/r/blob/abc123/k8s/pod.yaml#L6)',
      );
      // Fixed findings carry the base's lines: not linked to the head.
      expect(between(md, '### Fixed', '<details>').split('\n')).toEqual([
        '### Fixed by this change (1)',
        '',
        `- ✅ error ${RULE_LINK} — Container "&lt;b&gt;@&#8203;octocat&lt;/b&gt;\\|\\\`x\\\`" has no CPU request. \\[gone\\] (k8s/pod.yaml:6, Pod train\\_\\*job\\*)`,
        '',
        '',
      ]);
      // The suppressed sidecar is listed once, as suppressed, not as existing.
      expect(shown(between(md, '<summary>1 existing', '</details>'))).toEqual({
        error: 0,
        warning: 1,
        info: 0,
      });
    });

    it('says when a change introduces nothing', () => {
      const input = sample();
      const md = formatMarkdown(input, {
        comparison: { new: [], existing: input.findings, fixed: [] },
      });
      // The suppressed sidecar is not counted as existing.
      expect(md).toContain('✅ **This change introduces no new problems** · 0 fixed · 2 existing');
      expect(md).not.toContain('### Introduced');
      expect(md).not.toContain('### Fixed');
    });
  });

  describe('size budget', () => {
    it('keeps everything when it fits', () => {
      const md = formatMarkdown(mixed(30));
      expect(shown(md)).toEqual({ error: 10, warning: 10, info: 10 });
      expect(md).not.toContain('not shown');
    });

    it('stays under the default budget with thousands of findings and says what it left out', () => {
      const input = mixed(6000);
      const started = Date.now();
      const md = formatMarkdown(input);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(bytes(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
      expect(bytes(md)).toBeGreaterThan(MARKDOWN_MAX_BYTES - 1000);
      const kept = shown(md);
      expect(kept.error).toBeGreaterThan(100);
      expect(kept.warning + kept.info).toBe(0);
      const left = 2000 - kept.error;
      expect(md).toContain(
        `_… ${6000 - kept.error} findings (${left} errors, 2000 warnings and 2000 info) not shown, to keep this report within its size limit._`,
      );
      expect(md).toContain('### Findings (6000)');
      expect(md).toContain('❌ **2000 errors, 2000 warnings and 2000 info**');
    });

    it('drops info before warnings before errors, at every budget', () => {
      const input = mixed(300);
      const full = bytes(formatMarkdown(input, { maxBytes: Infinity }));
      for (const maxBytes of [3000, 10_000, 30_000, 50_000, 70_000, 90_000, full - 1, full]) {
        const md = formatMarkdown(input, { maxBytes });
        expect(bytes(md)).toBeLessThanOrEqual(maxBytes);
        const kept = shown(md);
        if (kept.warning > 0) expect(kept.error).toBe(100);
        if (kept.info > 0) expect(kept.warning).toBe(100);
        const omitted = {
          error: 100 - kept.error,
          warning: 100 - kept.warning,
          info: 100 - kept.info,
        };
        const total = omitted.error + omitted.warning + omitted.info;
        if (total === 0) {
          expect(maxBytes).toBe(full);
          expect(md).not.toContain('not shown');
          continue;
        }
        const parts = (['error', 'warning', 'info'] as const)
          .filter((s) => omitted[s] > 0)
          .map((s) =>
            s === 'info'
              ? `${omitted[s]} info`
              : `${omitted[s]} ${s}${omitted[s] === 1 ? '' : 's'}`,
          );
        const what =
          parts.length === 1
            ? `${parts[0]} finding${total === 1 ? '' : 's'}`
            : `${total} findings (${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]})`;
        expect(md).toContain(`_… ${what} not shown, to keep this report within its size limit._`);
      }
    });

    it('words a single omitted severity the short way', () => {
      const input = mixed(30);
      const full = bytes(formatMarkdown(input));
      const md = formatMarkdown(input, { maxBytes: full - 1 });
      expect(shown(md)).toEqual({ error: 10, warning: 10, info: 9 });
      expect(md).toContain(
        '_… 1 info finding not shown, to keep this report within its size limit._',
      );
    });

    it('leaves out suppressed, then existing, then fixed before new findings', () => {
      const input = mixed(90);
      const all = input.findings;
      const fresh = all.slice(0, 30);
      const existing = all.slice(30, 60);
      const fixed = all.slice(60, 75).map((f) => withSeverity(f, 'error', 'fixed'));
      const suppressed = all.slice(75).map((f): Finding => ({
        ...f,
        suppressed: { kind: 'annotation', reason: 'known' },
      }));
      const withSuppressed = { ...input, findings: [...all.slice(0, 75), ...suppressed] };
      const comparison = { new: fresh, existing, fixed };
      const render = (maxBytes: number): string =>
        formatMarkdown(withSuppressed, { comparison, maxBytes });
      const sections = (md: string) => ({
        new:
          shown(between(md, '### Introduced', '### Fixed')).error +
          shown(between(md, '### Introduced', '### Fixed')).warning +
          shown(between(md, '### Introduced', '### Fixed')).info,
        fixed: between(md, '### Fixed', '<details>')
          .split('\n')
          .filter((l) => l.startsWith('- ✅')).length,
        existing: Object.values(shown(between(md, 'existing finding', '</details>'))).reduce(
          (a, b) => a + b,
          0,
        ),
        suppressed: Object.values(shown(between(md, 'suppressed finding', '</details>'))).reduce(
          (a, b) => a + b,
          0,
        ),
      });
      const full = bytes(render(Infinity));
      expect(sections(render(Infinity))).toEqual({
        new: 30,
        fixed: 15,
        existing: 30,
        suppressed: 15,
      });
      let previous = { new: 30, fixed: 15, existing: 30, suppressed: 15 };
      for (let maxBytes = full; maxBytes > 2000; maxBytes -= 1500) {
        const md = render(maxBytes);
        expect(bytes(md)).toBeLessThanOrEqual(maxBytes);
        const now = sections(md);
        if (now.suppressed > 0) expect([now.new, now.fixed, now.existing]).toEqual([30, 15, 30]);
        if (now.existing > 0) expect([now.new, now.fixed]).toEqual([30, 15]);
        if (now.fixed > 0) expect(now.new).toBe(30);
        // Shrinking the budget never brings anything back.
        for (const k of ['new', 'fixed', 'existing', 'suppressed'] as const)
          expect(now[k]).toBeLessThanOrEqual(previous[k]);
        previous = now;
      }
      expect(previous.new).toBeLessThan(30);
      expect(previous.suppressed + previous.existing + previous.fixed).toBe(0);
      const small = render(6000);
      expect(small).toContain(
        '_… 15 findings (5 warnings and 10 info) not shown, to keep this report within its size limit._',
      );
      expect(between(small, '### Fixed', '<details>')).toContain('_… 15 error findings not shown');
      expect(between(small, 'existing finding', '</details>')).toContain(
        '_… 30 findings (10 errors, 10 warnings and 10 info) not shown',
      );
      expect(between(small, 'suppressed finding', '</details>')).toContain(
        '_… 15 findings (5 errors, 5 warnings and 5 info) not shown',
      );
    });

    it('counts bytes, not characters', () => {
      const input = mixed(60, 'ünïcödé/файл-😀.yaml');
      for (const maxBytes of [4000, 9000, 15_000]) {
        const md = formatMarkdown(input, { maxBytes });
        expect(bytes(md)).toBeLessThanOrEqual(maxBytes);
        expect(md.length).toBeLessThan(bytes(md));
      }
    });

    it('truncates, and says so, when even the summary does not fit', () => {
      const md = formatMarkdown(mixed(30), { maxBytes: 300 });
      expect(bytes(md)).toBeLessThanOrEqual(300);
      expect(md).toMatch(/^## aigov\n/);
      expect(md).toMatch(/_… report truncated to 300 bytes\._\n$/);
    });
  });
});
