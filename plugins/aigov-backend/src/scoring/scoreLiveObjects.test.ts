import {
  DEFAULT_CUSTOM_RESOURCES,
  evaluateLive,
  evaluateManifests,
  fromObjectsByEntity,
  resolveConfig,
  allRules,
  scoreChecks,
} from '@aigov/rules';
import { scoreLiveObjects } from './scoreLiveObjects';
import { combineWeights, scoreOfWeights, weighChecks } from './weights';

const rules = resolveConfig({}, allRules);
const options = { customResources: DEFAULT_CUSTOM_RESOURCES, rules };

const BUILT_IN_TYPES = [
  'pods',
  'services',
  'configmaps',
  'limitranges',
  'resourcequotas',
  'deployments',
  'replicasets',
  'horizontalpodautoscalers',
  'jobs',
  'cronjobs',
  'ingresses',
  'statefulsets',
  'daemonsets',
];

function deployment(name: string, gpu: boolean) {
  return {
    metadata: { name, namespace: 'ml', uid: `uid-${name}`, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'server',
              image: 'vllm/vllm-openai:v0.6.3',
              resources: gpu ? { limits: { 'nvidia.com/gpu': 1 } } : { requests: { cpu: '1' } },
            },
          ],
        },
      },
    },
  };
}

function workloads(objects: object[], errors: object[] = [], cluster = 'east') {
  return {
    items: [
      {
        cluster: { name: cluster },
        resources: BUILT_IN_TYPES.map((type) => ({
          type,
          resources: type === 'deployments' ? objects : [],
        })),
        errors,
        podMetrics: [],
      },
    ],
  };
}

const noCustomErrors = { items: [] };

describe('scoreLiveObjects', () => {
  it('scores like the rules core, and keeps the weights behind the score', () => {
    const live = { workloads: workloads([deployment('llm', true)]), custom: noCustomErrors };
    const scan = scoreLiveObjects(live, options);
    expect(scan.status).toBe('ok');
    expect(scan.objects).toBe(1);
    expect(scan.findings.length).toBeGreaterThan(0);

    const direct = evaluateManifests(fromObjectsByEntity(live.workloads).manifests, {
      config: rules,
      complete: { kinds: scan.completeKinds },
    });
    expect(scan.score).toBe(direct.score.overall);
    expect(scan.grade).toBe(direct.score.grade);
    expect(scan.checks).toBe(direct.score.checks);
    expect(scan.failed).toBe(direct.score.failed);
    for (const [category, c] of Object.entries(direct.score.categories)) {
      expect(scan.categories[category as keyof typeof scan.categories]).toMatchObject(c);
    }
    expect(scan.findings.map((f) => f.ruleId).sort()).toEqual(
      direct.findings.map((f) => f.ruleId).sort(),
    );
    // errors first
    const severities = scan.findings.map((f) => f.severity);
    expect(severities.indexOf('error')).toBeLessThanOrEqual(
      Math.max(0, severities.indexOf('warning')),
    );
  });

  it('is the rules core’s evaluateLive, the function the entity page evaluates with', () => {
    const pod = (n: number) => ({
      metadata: {
        name: `llm-7d9f-${n}`,
        namespace: 'ml',
        uid: `pod-${n}`,
        labels: { app: 'llm' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'llm-7d9f', uid: 'rs', controller: true }],
      },
      spec: deployment('llm', true).spec.template.spec,
    });
    // The same refusal in both answers: one error, and Deployment is not read completely.
    const refused = {
      errorType: 'UNKNOWN_ERROR',
      statusCode: 403,
      resourcePath: '/apis/apps/v1/namespaces/ml/deployments',
    };
    const live = {
      workloads: {
        items: [
          {
            cluster: { name: 'east' },
            resources: BUILT_IN_TYPES.map((type) => ({
              type,
              resources:
                type === 'deployments'
                  ? [deployment('embed', false)]
                  : type === 'pods'
                    ? [pod(1), pod(2), pod(3)]
                    : [],
            })),
            errors: [],
          },
          {
            cluster: { name: 'west' },
            resources: BUILT_IN_TYPES.filter((t) => t !== 'deployments').map((type) => ({
              type,
              resources: [],
            })),
            errors: [refused],
          },
        ],
      },
      custom: {
        items: [
          {
            cluster: { name: 'east' },
            resources: [
              {
                type: 'customresources',
                resources: [
                  {
                    kind: 'NetworkPolicy',
                    metadata: { name: 'llm', namespace: 'ml', uid: 'np' },
                    spec: { podSelector: { matchLabels: { app: 'llm' } } },
                  },
                ],
              },
            ],
            errors: [
              {
                errorType: 'NOT_FOUND',
                statusCode: 404,
                resourcePath: '/apis/keda.sh/v1alpha1/scaledobjects',
              },
            ],
          },
          {
            cluster: { name: 'west' },
            resources: [],
            errors: [refused],
          },
        ],
      },
    };
    const scan = scoreLiveObjects(live, options);
    const core = evaluateLive(
      { ...live, customResources: DEFAULT_CUSTOM_RESOURCES },
      { config: rules },
    );
    expect({ score: scan.score, grade: scan.grade }).toEqual({
      score: core.score.overall,
      grade: core.score.grade,
    });
    expect([scan.checks, scan.failed]).toEqual([core.score.checks, core.score.failed]);
    for (const [category, c] of Object.entries(core.score.categories)) {
      expect(scan.categories[category as keyof typeof scan.categories]).toMatchObject(c);
    }
    expect(scan.findings.map((f) => f.fingerprint).sort()).toEqual(
      core.findings.map((f) => f.fingerprint).sort(),
    );
    expect(scan.findings).toEqual(expect.arrayContaining(core.findings.map((f) => ({ ...f }))));
    expect(scan.status).toBe(core.status);
    expect(scan.completeKinds).toEqual(core.completeKinds);
    expect(scan.clusters).toEqual(core.clusters);
    expect(scan.clusterErrors).toEqual(core.clusterErrors);
    // The three pods of one ReplicaSet are one workload; the refusal is said once.
    expect(scan.objects).toBe(3);
    expect(scan.clusterErrors.filter((e) => e.cluster === 'west')).toHaveLength(1);
    expect(scan.status).toBe('partial');
    expect(scan.completeKinds).not.toContain('Deployment');
    expect(scan.completeKinds).toEqual(
      expect.arrayContaining(['Pod', 'NetworkPolicy', 'InferenceService', 'ScaledObject']),
    );
  });

  it('runs rules that conclude absence only for kinds read completely', () => {
    const complete = scoreLiveObjects(
      { workloads: workloads([deployment('llm', true)]), custom: noCustomErrors },
      options,
    );
    expect(complete.completeKinds).toContain('NetworkPolicy');
    expect(complete.findings.map((f) => f.ruleId)).toContain('security/network-policy-missing');

    const notAsked = scoreLiveObjects({ workloads: workloads([deployment('llm', true)]) }, options);
    expect(notAsked.completeKinds).not.toContain('NetworkPolicy');
    expect(notAsked.findings.map((f) => f.ruleId)).not.toContain('security/network-policy-missing');
    expect(notAsked.status).toBe('ok');
  });

  it('flags a scan partial when a cluster or the custom resources could not be read', () => {
    const clusterDown = scoreLiveObjects(
      {
        workloads: {
          items: [
            ...workloads([deployment('llm', true)]).items,
            {
              cluster: { name: 'west' },
              resources: [],
              errors: [{ errorType: 'FETCH_ERROR', message: 'ECONNREFUSED' }],
            },
          ],
        },
        custom: noCustomErrors,
      },
      options,
    );
    expect(clusterDown.status).toBe('partial');
    expect(clusterDown.completeKinds).toEqual([]);
    expect(clusterDown.clusterErrors).toEqual([
      { cluster: 'west', errorType: 'FETCH_ERROR', message: 'ECONNREFUSED' },
    ]);
    expect(clusterDown.objects).toBe(1);

    const customFailed = scoreLiveObjects(
      { workloads: workloads([deployment('llm', true)]), customError: 'HTTP 500: boom' },
      options,
    );
    expect(customFailed.status).toBe('partial');
    expect(customFailed.completeKinds).not.toContain('NetworkPolicy');
    expect(customFailed.completeKinds).toContain('Deployment');
    expect(customFailed.clusterErrors).toEqual([
      {
        cluster: '*',
        errorType: 'FETCH_ERROR',
        message: 'Custom resources could not be read: HTTP 500: boom',
      },
    ]);
  });

  it('scores an entity with no objects 100 with nothing checked', () => {
    const scan = scoreLiveObjects({ workloads: { items: [] }, custom: { items: [] } }, options);
    expect(scan).toMatchObject({
      score: 100,
      grade: 'A',
      checks: 0,
      objects: 0,
      findings: [],
      status: 'ok',
    });
  });

  it('reads a malformed answer as no objects rather than failing', () => {
    const scan = scoreLiveObjects(
      { workloads: { items: [{ cluster: 5, resources: 'x' }] }, custom: null },
      options,
    );
    expect(scan.objects).toBe(0);
    expect(scan.score).toBe(100);
  });
});

describe('weights', () => {
  it('add up across entities to the score their checks get together', () => {
    const a = evaluateManifests(fromObjectsByEntity(workloads([deployment('a', true)])).manifests, {
      config: rules,
      complete: true,
    });
    const b = evaluateManifests(
      fromObjectsByEntity(workloads([deployment('b', false)])).manifests,
      { config: rules, complete: true },
    );
    const wa = weighChecks(a.checks);
    const wb = weighChecks(b.checks);
    expect(scoreOfWeights(wa.overall)).toEqual({ score: a.score.overall, grade: a.score.grade });

    const together = scoreChecks([...a.checks, ...b.checks]);
    const combined = combineWeights([
      { passedWeight: wa.overall.passed, totalWeight: wa.overall.total, categories: wa.categories },
      { passedWeight: wb.overall.passed, totalWeight: wb.overall.total, categories: wb.categories },
    ]);
    expect(scoreOfWeights(combined.overall)).toEqual({
      score: together.overall,
      grade: together.grade,
    });
    for (const [category, c] of Object.entries(together.categories)) {
      expect(combined.categories[category as keyof typeof combined.categories]).toMatchObject(c);
    }
  });

  it('scores nothing applicable as 100', () => {
    expect(scoreOfWeights({ passed: 0, total: 0 })).toEqual({ score: 100, grade: 'A' });
    expect(scoreOfWeights({ passed: 179, total: 200 })).toEqual({ score: 89, grade: 'B' });
  });
});
