import { defineRule } from '../../src/engine/rule';
import { RuleTester, RuleTesterError } from '../../src/testing';
import type { RuleTests } from '../../src/testing';
import { imageRule } from '../engine/fixtures';

/** Runs a RuleTester suite synchronously, collecting each case's outcome instead of registering tests. */
function outcomes(tests: RuleTests, rule = imageRule): Record<string, string> {
  const results: Record<string, string> = {};
  const saved = { describe: RuleTester.describe, it: RuleTester.it };
  RuleTester.describe = (_name, fn) => fn();
  RuleTester.it = (name, fn) => {
    try {
      fn();
      results[name] = 'pass';
    } catch (e) {
      results[name] =
        e instanceof RuleTesterError ? `fail: ${e.message.split('\n')[0]}` : `error: ${String(e)}`;
    }
  };
  try {
    new RuleTester().run(rule, tests);
  } finally {
    RuleTester.describe = saved.describe;
    RuleTester.it = saved.it;
  }
  return results;
}

const BAD_POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:bad
`;

describe('RuleTester', () => {
  it('passes exact expectations and re-runs invalid cases as other kinds', () => {
    expect(
      outcomes({
        valid: [BAD_POD.replace(':bad', ':1.0')],
        invalid: [
          { name: 'bad', code: BAD_POD, errors: [{ messageId: 'bad', line: 7, column: 14 }] },
        ],
      }),
    ).toEqual({
      'valid #1': 'pass',
      bad: 'pass',
      'bad (as Deployment)': 'pass',
      'bad (as CronJob)': 'pass',
      'bad (as PyTorchJob)': 'pass',
    });
  });

  it('fails on a wrong line, column, count or message', () => {
    const r = outcomes({
      valid: [],
      invalid: [
        { name: 'line', code: BAD_POD, errors: [{ messageId: 'bad', line: 6 }], variants: [] },
        {
          name: 'column',
          code: BAD_POD.replace('app:bad', 'app2:bad'),
          errors: [{ messageId: 'bad', line: 7, column: 9 }],
          variants: [],
        },
        {
          name: 'count',
          code: BAD_POD.replace('p}', 'q}'),
          errors: [
            { messageId: 'bad', line: 7 },
            { messageId: 'bad', line: 7 },
          ],
          variants: [],
        },
        {
          name: 'message',
          code: BAD_POD.replace('p}', 'r}'),
          errors: [{ messageId: 'bad', line: 7, message: 'nope' }],
          variants: [],
        },
      ],
    });
    expect(r).toEqual({
      line: 'fail: security/test-image: finding 1 differs',
      column: 'fail: security/test-image: finding 1 differs',
      count: 'fail: security/test-image: expected 2 finding(s), got 1',
      message:
        'fail: security/test-image: finding 1 message "Container "app" uses app:bad." does not contain "nope"',
    });
  });

  it('fails a valid case that reports, and a case that does not load', () => {
    const r = outcomes({ valid: [BAD_POD, { name: 'broken yaml', code: 'kind: [' }], invalid: [] });
    expect(r['valid #1']).toBe('fail: security/test-image: expected no findings, got:');
    expect(r['broken yaml']).toBe(
      'fail: security/test-image: the test case does not load cleanly:',
    );
  });

  it('rejects unknown message ids, duplicate cases and invalid cases without errors up front', () => {
    expect(() =>
      outcomes({
        valid: [],
        invalid: [{ code: BAD_POD, errors: [{ messageId: 'bda', line: 7 }] }],
      }),
    ).toThrow('unknown messageId "bda"');
    expect(() => outcomes({ valid: [BAD_POD, BAD_POD], invalid: [] })).toThrow(
      'duplicate test case',
    );
    expect(() => outcomes({ valid: [], invalid: [{ code: BAD_POD, errors: [] }] })).toThrow(
      'at least one finding',
    );
  });

  it('catches a rule that forgets a kind', () => {
    const podsOnly = defineRule({
      meta: { ...imageRule.meta, id: 'security/pods-only', messages: { bad: 'bad image' } },
      check(ctx) {
        for (const { container, template, manifest } of ctx.containers()) {
          const r = ctx.on(template, container);
          if (manifest.kind === 'Pod' && String(container.value.image).endsWith(':bad'))
            r.report('bad', [...container.path, 'image']);
        }
      },
    });
    const r = outcomes(
      {
        valid: [],
        invalid: [{ name: 'pod', code: BAD_POD, errors: [{ messageId: 'bad', line: 7 }] }],
      },
      podsOnly,
    );
    expect(r.pod).toBe('pass');
    expect(r['pod (as Deployment)']).toBe(
      'fail: security/pods-only: as a Deployment the case gives different findings.',
    );
    expect(r['pod (as PyTorchJob)']).toMatch(/^fail: /);
  });
});
