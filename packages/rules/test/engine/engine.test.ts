import { Bundle } from '../../src/bundle/bundle';
import type { Completeness } from '../../src/bundle/bundle';
import { load } from '../../src/load/loader';
import { resolveConfig } from '../../src/engine/config';
import { scan } from '../../src/engine/scan';
import { gradeOf, scoreChecks } from '../../src/engine/score';
import type { Check } from '../../src/engine/evaluate';
import type { Manifest } from '../../src/model';
import { DEPLOYMENT, errorRule, imageRule, infoRule, testRules, throwingRule } from './fixtures';

const run = (text: string, config = {}, complete = true, rules = testRules) =>
  scan([{ file: 'd.yaml', text }], { config, complete, rules });

describe('configuration', () => {
  it('recommended keeps default severities and leaves recommended:false rules off', () => {
    const c = resolveConfig({}, testRules);
    expect(Object.fromEntries(c.levels)).toEqual({
      'security/test-image': 'warning',
      'reliability/test-info': 'off',
      'gpu/test-error': 'error',
    });
  });

  it('strict raises infos to warnings and turns everything on; all keeps defaults', () => {
    expect(
      resolveConfig({ extends: 'strict' }, testRules).levels.get('reliability/test-info'),
    ).toBe('warning');
    expect(resolveConfig({ extends: 'all' }, testRules).levels.get('reliability/test-info')).toBe(
      'info',
    );
  });

  it('the exact id wins over category/*', () => {
    const c = resolveConfig(
      { rules: { 'security/*': 'off', 'security/test-image': 'error', 'gpu/*': 'info' } },
      testRules,
    );
    expect(c.levels.get('security/test-image')).toBe('error');
    expect(c.levels.get('gpu/test-error')).toBe('info');
    expect([...c.configured].sort()).toEqual(['gpu/test-error', 'security/test-image']);
  });
});

describe('evaluation', () => {
  it('reports findings with exact positions, objects, containers and paths', () => {
    const r = run(DEPLOYMENT);
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column, f.container, f.path])).toEqual([
      ['security/test-image', 13, 18, 'api', 'spec.template.spec.containers[0].image'],
      ['gpu/test-error', 14, 17, 'broken', 'spec.template.spec.containers[1].name'],
    ]);
    expect(r.findings[0]).toMatchObject({
      file: 'd.yaml',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'api' },
      message: 'Container "api" uses api:bad.',
      severity: 'warning',
    });
  });

  it('skips rules that need the complete set on a partial one', () => {
    expect(run(DEPLOYMENT, {}, false).findings.map((f) => f.ruleId)).toEqual([
      'security/test-image',
    ]);
  });

  it('runs a rule on a set complete only for some kinds when it names those kinds', () => {
    const kindsRule = {
      ...errorRule,
      meta: { ...errorRule.meta, completeKinds: ['PodDisruptionBudget'] },
    };
    const ids = (complete: Completeness) =>
      scan([{ file: 'd.yaml', text: DEPLOYMENT }], { complete, rules: [errorRule, kindsRule] })
        .findings.length;
    expect(ids({ kinds: ['PodDisruptionBudget', 'Service'] })).toBe(1); // only the rule that names its kinds
    expect(ids({ kinds: ['Service'] })).toBe(0);
    expect(ids(true)).toBe(2);
    expect(ids(false)).toBe(0);
  });

  it('a throwing rule is reported as a rule error and the others still run', () => {
    const r = run(DEPLOYMENT, {}, true, [throwingRule, imageRule]);
    expect(r.ruleErrors).toEqual([{ ruleId: 'storage/test-throws', message: 'boom' }]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['security/test-image']);
  });

  it('records passes: a subject with no finding counts as a passed check', () => {
    const r = run(DEPLOYMENT.replace('api:bad', 'api:1.0'));
    expect(r.checks.map((c) => [c.ruleId, c.failed])).toEqual([
      ['security/test-image', false],
      ['security/test-image', false],
      ['gpu/test-error', false],
      ['gpu/test-error', true],
    ]);
  });
});

describe('suppression', () => {
  const annotated = (annotations: string) =>
    DEPLOYMENT.replace('  namespace: ml\n', `  namespace: ml\n  annotations:\n${annotations}`);

  it('aigov.dev/ignore suppresses listed rules and categories, keeping the finding marked', () => {
    const r = run(
      annotated(
        '    aigov.dev/ignore: "security/*, gpu/test-error"\n    aigov.dev/ignore-reason: accepted for the demo\n',
      ),
    );
    expect(r.findings.map((f) => [f.ruleId, f.suppressed])).toEqual([
      ['security/test-image', { kind: 'annotation', reason: 'accepted for the demo' }],
      ['gpu/test-error', { kind: 'annotation', reason: 'accepted for the demo' }],
    ]);
    expect(r.score.overall).toBe(100);
  });

  it('aigov.dev/ignore.<container> applies to that container only', () => {
    const r = run(annotated('    aigov.dev/ignore.broken: gpu/test-error\n'));
    expect(r.findings.map((f) => [f.container, Boolean(f.suppressed)])).toEqual([
      ['api', false],
      ['broken', true],
    ]);
  });

  it('strict refuses annotations without a reason', () => {
    const text = annotated('    aigov.dev/ignore: security/test-image\n');
    expect(
      run(text, { extends: 'strict' }).findings.find((f) => f.ruleId === 'security/test-image')
        ?.suppressed,
    ).toBeUndefined();
    expect(run(text).findings.find((f) => f.ruleId === 'security/test-image')?.suppressed).toEqual({
      kind: 'annotation',
    });
  });

  it('config exemptions match namespace, kind, name and container patterns', () => {
    const config = {
      exemptions: [
        {
          namespace: 'm*',
          kind: 'Deployment',
          name: 'api',
          container: 'bro*',
          rules: ['gpu/*'],
          reason: 'sidecar owned by another team',
        },
      ],
    };
    const r = run(DEPLOYMENT, config);
    expect(r.findings.map((f) => [f.container, f.suppressed])).toEqual([
      ['api', undefined],
      ['broken', { kind: 'exemption', reason: 'sidecar owned by another team' }],
    ]);
    expect(
      run(DEPLOYMENT, {
        exemptions: [{ namespace: 'other', rules: ['*'], reason: 'x' }],
      }).findings.every((f) => !f.suppressed),
    ).toBe(true);
  });
});

describe('fingerprints', () => {
  it('stay the same when lines move or containers are reordered, and differ per object', () => {
    const before = run(DEPLOYMENT).findings.map((f) => f.fingerprint);
    const moved = `# a comment\n---\n${DEPLOYMENT.replace('metadata:\n  name: api', 'metadata:\n  labels: {team: a}\n  name: api')}`;
    expect(run(moved).findings.map((f) => f.fingerprint)).toEqual(before);
    const reordered = DEPLOYMENT.replace(
      '        - name: api\n          image: api:bad\n        - name: broken\n          image: side:1.0\n',
      '        - name: broken\n          image: side:1.0\n        - name: api\n          image: api:bad\n',
    );
    expect(
      run(reordered)
        .findings.map((f) => f.fingerprint)
        .sort(),
    ).toEqual([...before].sort());
    const renamed = run(
      DEPLOYMENT.replace('name: api\n  namespace', 'name: api2\n  namespace'),
    ).findings.map((f) => f.fingerprint);
    expect(renamed.some((f) => before.includes(f))).toBe(false);
  });

  it('are unique within a scan, even for identical objects in two files', () => {
    const r = scan(
      [
        { file: 'a.yaml', text: DEPLOYMENT },
        { file: 'b.yaml', text: DEPLOYMENT },
      ],
      { rules: testRules, complete: true },
    );
    const fps = r.findings.map((f) => f.fingerprint);
    expect(new Set(fps).size).toBe(fps.length);
  });
});

describe('scores', () => {
  const m = {} as Manifest;
  const check = (
    severity: Check['severity'],
    failed: boolean,
    category: Check['category'] = 'gpu',
    suppressed = false,
  ): Check => ({ ruleId: 'x', category, severity, manifest: m, failed, suppressed });

  it('weights error 3, warning 2, info 1 and floors', () => {
    // passed: warning 2 + info 1 = 3 of 6
    expect(
      scoreChecks([check('error', true), check('warning', false), check('info', false)]).overall,
    ).toBe(50);
    // 8 of 9 = 88.9 → 88 (B, not A)
    const s = scoreChecks([
      check('error', false),
      check('error', false),
      check('warning', false),
      check('info', true),
    ]);
    expect([s.overall, s.grade]).toEqual([88, 'B']);
  });

  it('scores categories separately and treats suppressed failures as passed', () => {
    const s = scoreChecks([
      check('error', true, 'gpu'),
      check('warning', true, 'security', true),
      check('info', false, 'security'),
    ]);
    expect(s.categories).toEqual({
      gpu: { score: 0, grade: 'F' },
      security: { score: 100, grade: 'A' },
    });
    expect([s.checks, s.failed]).toEqual([3, 1]);
  });

  it('grades at the documented thresholds; nothing applicable scores 100', () => {
    expect([90, 89, 80, 79, 70, 69, 60, 59].map(gradeOf)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
      'F',
    ]);
    expect(scoreChecks([])).toMatchObject({ overall: 100, grade: 'A' });
  });

  it('a scan scores its checks, escalation included', () => {
    const r = run(DEPLOYMENT, { extends: 'all' }, true, [imageRule, infoRule, errorRule]);
    // test-image: 2 warnings (1 failed); test-info: 1 info failed; test-error: 2 errors (1 failed)
    expect(r.score.overall).toBe(Math.floor(((2 + 3) / (4 + 1 + 6)) * 100));
  });
});

describe('references between objects', () => {
  it('resolve to the closest version when the set holds several (same file, then same directory)', () => {
    const deployment = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ml}
spec:
  replicas: ${replicas}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: api:1.0}]
`;
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api, namespace: ml}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
  minReplicas: 2
  maxReplicas: 4
`;
    const loaded = load([
      { file: 'prod/app.yaml', text: `${deployment(3)}---\n${hpa}` },
      { file: 'dev/app.yaml', text: deployment(1) },
      { file: 'dev/hpa.yaml', text: hpa },
    ]);
    const bundle = new Bundle(loaded.manifests);
    const target = (file: string) => {
      const scaler = bundle.manifests.find(
        (m) =>
          m.kind === 'HorizontalPodAutoscaler' &&
          m.origin.type === 'file' &&
          m.origin.file === file,
      );
      const t = scaler && bundle.scaleTargetOf(scaler);
      return t?.origin.type === 'file' ? t.origin.file : undefined;
    };
    expect(target('prod/app.yaml')).toBe('prod/app.yaml');
    expect(target('dev/hpa.yaml')).toBe('dev/app.yaml');
  });
});
