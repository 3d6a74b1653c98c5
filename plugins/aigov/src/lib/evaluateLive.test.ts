import { DEFAULT_CUSTOM_RESOURCES, evaluateLive } from '@aigov/rules';
import { fetchLiveObjects } from '../api/kubernetesObjects';
import { FakeKubernetesApi } from '../testUtils/FakeKubernetesApi';
import type { FakeCluster } from '../testUtils/FakeKubernetesApi';
import {
  deployment,
  deploymentWithPods,
  entity,
  inferenceService,
  networkPolicy,
} from '../testUtils/objects';
import { evaluateLiveObjects, objectKey, sortForView } from './evaluateLive';
import type { LiveObjectsInput } from './evaluateLive';
import { must } from '../testUtils/must';

async function evaluate(clusters: FakeCluster[], options: { customQueryError?: string } = {}) {
  const api = new FakeKubernetesApi({ clusters, ...options });
  const input = await fetchLiveObjects({ kubernetesApi: api }, entity, DEFAULT_CUSTOM_RESOURCES);
  return evaluateLiveObjects(input);
}

const ids = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);

describe('evaluateLiveObjects', () => {
  it('evaluates controllers once, with the cluster on every finding, worst first', async () => {
    const r = await evaluate([
      { name: 'gpu-east', objects: [...deploymentWithPods(), networkPolicy()] },
    ]);
    // The Deployment and the NetworkPolicy; its ReplicaSet and pods repeat its template.
    expect(r.clusters).toEqual([{ name: 'gpu-east', objects: 2 }]);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.cluster === 'gpu-east' && f.object?.name === 'llm')).toBe(
      true,
    );
    expect(ids(r)).toContain('gpu/shm-missing');
    const ranks = r.findings.map((f) => ({ error: 3, warning: 2, info: 1 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(r.counts.error + r.counts.warning + r.counts.info).toBe(r.findings.length);
    expect(r.status).toBe('ok');
    const key = objectKey('gpu-east', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'ml',
      name: 'llm',
    });
    expect(r.objectScores.get(key)?.overall).toBeLessThan(100);
  });

  it('runs absence rules for kinds every cluster answered for, and not for refused ones', async () => {
    const answered = await evaluate([{ name: 'gpu-east', objects: deploymentWithPods() }]);
    expect(answered.completeKinds).toEqual(
      expect.arrayContaining(['NetworkPolicy', 'Deployment', 'PodDisruptionBudget']),
    );
    expect(ids(answered)).toContain('security/network-policy-missing');

    const withPolicy = await evaluate([
      { name: 'gpu-east', objects: [...deploymentWithPods(), networkPolicy()] },
    ]);
    expect(ids(withPolicy)).not.toContain('security/network-policy-missing');

    const refused = await evaluate([
      {
        name: 'gpu-east',
        objects: deploymentWithPods(),
        failures: { 'networking.k8s.io/networkpolicies': 403 },
      },
    ]);
    expect(refused.completeKinds).not.toContain('NetworkPolicy');
    expect(ids(refused)).not.toContain('security/network-policy-missing');
    expect(refused.status).toBe('partial');
    expect(refused.clusterErrors).toEqual([
      expect.objectContaining({
        cluster: 'gpu-east',
        errorType: 'UNAUTHORIZED_ERROR',
        statusCode: 403,
      }),
    ]);
  });

  it('counts a custom resource definition that is not installed (404) as answered', async () => {
    const r = await evaluate([
      {
        name: 'gpu-east',
        objects: deploymentWithPods(),
        failures: { 'keda.sh/scaledobjects': 404 },
      },
    ]);
    expect(r.completeKinds).toContain('ScaledObject');
    expect(ids(r)).toContain('scaling/autoscaler-missing');
    expect(r.status).toBe('ok');
    expect(r.clusterErrors).toEqual([
      expect.objectContaining({
        errorType: 'NOT_FOUND',
        resourcePath: '/apis/keda.sh/v1alpha1/scaledobjects',
      }),
    ]);
  });

  it('keeps the answering cluster’s results when another is unreachable, and concludes no absence', async () => {
    const r = await evaluate([
      { name: 'gpu-east', objects: deploymentWithPods() },
      { name: 'gpu-west', unreachable: true },
    ]);
    expect(r.clusters.map((c) => c.name)).toEqual(['gpu-east', 'gpu-west']);
    expect(r.clusters[0]?.objects).toBe(1); // the Deployment: its ReplicaSet and pods are owned
    expect(r.clusterErrors).toEqual([
      expect.objectContaining({ cluster: 'gpu-west', errorType: 'FETCH_ERROR' }),
    ]);
    expect(r.completeKinds).toEqual([]);
    expect(ids(r)).toContain('gpu/shm-missing');
    expect(ids(r)).not.toContain('security/network-policy-missing');
    expect(r.status).toBe('partial');
  });

  it('evaluates the objects when the custom resources request fails', async () => {
    const r = await evaluate(
      [{ name: 'gpu-east', objects: [...deploymentWithPods(), inferenceService()] }],
      {
        customQueryError: 'Request failed with 500 Internal Server Error',
      },
    );
    expect(r.customError).toBe('Request failed with 500 Internal Server Error');
    expect(r.status).toBe('partial');
    expect(r.completeKinds).not.toContain('NetworkPolicy');
    expect(r.findings.some((f) => f.object?.kind === 'InferenceService')).toBe(false);
    expect(ids(r)).toContain('gpu/shm-missing');
  });

  it('evaluates custom resources, filling in the apiVersion the backend may leave out', () => {
    const isvc = inferenceService();
    const { apiVersion: _drop, ...withoutApiVersion } = isvc;
    const input: LiveObjectsInput = {
      workloads: { items: [] },
      custom: {
        items: [
          {
            cluster: { name: 'gpu-east' },
            resources: [{ type: 'customresources', resources: [withoutApiVersion] }],
            errors: [],
            podMetrics: [],
          },
        ],
      },
      customResources: DEFAULT_CUSTOM_RESOURCES,
    };
    const r = evaluateLiveObjects(input);
    expect(r.clusters).toEqual([{ name: 'gpu-east', objects: 1 }]);
    expect(r.score.checks).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.object?.apiVersion === 'serving.kserve.io/v1beta1')).toBe(
      true,
    );
  });

  it('marks findings suppressed by annotation and keeps them out of the score', async () => {
    const d = deployment();
    (d.metadata as Record<string, unknown>).annotations = {
      'aigov.dev/ignore': 'gpu/shm-missing',
      'aigov.dev/ignore-reason': 'model fits in RAM',
    };
    const plain = await evaluate([{ name: 'c', objects: [deployment()] }]);
    const r = await evaluate([{ name: 'c', objects: [d] }]);
    const shm = r.findings.find((f) => f.ruleId === 'gpu/shm-missing');
    expect(shm?.suppressed).toEqual({ kind: 'annotation', reason: 'model fits in RAM' });
    expect(r.counts.suppressed).toBe(1);
    expect(r.counts.warning).toBe(plain.counts.warning - 1);
    expect(r.score.overall).toBeGreaterThan(plain.score.overall);
  });

  it('checks the pods of a controller that is not in the response once, for all of them', async () => {
    // Only the pod template carries the entity's label: the Deployment and ReplicaSet are not listed.
    const [d, rs, ...pods] = deploymentWithPods({}, ['n1', 'n2', 'n3']);
    const withController = await evaluate([{ name: 'c', objects: [must(d), must(rs), ...pods] }]);
    const podsOnly = await evaluate([
      {
        name: 'c',
        objects: pods.map((p) => ({
          ...p,
          metadata: {
            ...(p.metadata as object),
            labels: { 'backstage.io/kubernetes-id': 'llm-chat' },
          },
        })),
      },
    ]);
    expect(podsOnly.clusters).toEqual([{ name: 'c', objects: 1 }]);
    expect(
      podsOnly.findings.every((f) => f.object?.kind === 'Pod' && f.object.name === 'llm-7d9f-1'),
    ).toBe(true);
    const key = objectKey('c', {
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'ml',
      name: 'llm-7d9f-1',
    });
    expect(podsOnly.replicas.get(key)).toBe(3);
    // The same rules fail as on the Deployment's template (the pod kind adds nothing of its own here).
    const rules = (r: typeof podsOnly) => new Set(r.findings.map((f) => f.ruleId));
    expect([...rules(podsOnly)].filter((id) => !rules(withController).has(id))).toEqual([]);
    expect(withController.replicas.size).toBe(0);
  });

  it('is the rules core’s evaluateLive, the one the backend scores with, in view order', async () => {
    const api = new FakeKubernetesApi({
      clusters: [
        {
          name: 'gpu-east',
          objects: [...deploymentWithPods({}, ['n1', 'n2', 'n3']), inferenceService()],
          failures: { 'keda.sh/scaledobjects': 404 },
        },
        { name: 'gpu-west', objects: deploymentWithPods({ namespace: 'ml-west' }) },
      ],
    });
    const input = await fetchLiveObjects({ kubernetesApi: api }, entity, DEFAULT_CUSTOM_RESOURCES);
    const view = evaluateLiveObjects(input);
    const core = evaluateLive(input);
    expect(view.score).toEqual(core.score);
    expect(view.status).toBe(core.status);
    expect(view.completeKinds).toEqual(core.completeKinds);
    expect(view.clusters).toEqual(core.clusters);
    expect(view.clusterErrors).toEqual(core.clusterErrors);
    expect(view.ruleErrors).toEqual(core.ruleErrors);
    const fingerprints = (fs: { fingerprint: string }[]) => fs.map((f) => f.fingerprint).sort();
    expect(fingerprints(view.findings)).toEqual(fingerprints(core.findings));
    expect(new Set(view.findings)).toEqual(new Set(core.findings));
    // Worst first; within a severity, by cluster, then object.
    const order = view.findings.map((f) => [
      3 - { error: 3, warning: 2, info: 1 }[f.severity],
      f.cluster,
    ]);
    expect(order).toEqual([...order].sort());
    // Every evaluated object has a score; they add up to the overall one.
    expect(view.objectScores.size).toBe(core.manifests.length);
    const checks = [...view.objectScores.values()].reduce((n, s) => n + s.checks, 0);
    expect(checks).toBe(core.score.checks);
  });

  it('does not throw on malformed responses', () => {
    const bad: unknown[] = [
      null,
      42,
      { items: 'x' },
      { items: [null, { cluster: null }, { cluster: { name: 'c' }, resources: 'x', errors: 'y' }] },
      {
        items: [
          {
            cluster: { name: 'c' },
            resources: [{ type: 'pods', resources: [null, 1, { spec: 'x' }] }],
            errors: [null, 'x', { errorType: 42 }],
          },
        ],
      },
    ];
    for (const b of bad) {
      const r = evaluateLiveObjects({
        workloads: b,
        custom: b,
        customResources: DEFAULT_CUSTOM_RESOURCES,
      });
      expect(r.score.overall).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('sortForView', () => {
  it('orders by severity, suppressed last, then cluster, kind, namespace, name, container, rule and path', () => {
    const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
    const findings = Array.from({ length: 400 }, (_, i) => ({
      ruleId: pick(['gpu/shm-missing', 'gpu/limit-missing', 'security/run-as-root'], i * 7),
      messageId: 'm',
      severity: pick(['error', 'warning', 'info'] as const, i * 5),
      category: 'gpu' as const,
      message: 'm',
      remediation: 'r',
      docsUrl: 'd',
      path: pick(['spec', 'spec.containers[0]', 'spec.containers[0].resources'], i * 11),
      fingerprint: `f${i}`,
      ...(i % 13 === 0 ? {} : { cluster: pick(['west', 'east', 'East'], i * 3) }),
      ...(i % 17 === 0
        ? {}
        : {
            object: {
              apiVersion: 'v1',
              kind: pick(['Pod', 'Deployment'], i),
              name: pick(['b', 'a', 'a-1', 'Z'], i * 2),
              ...(i % 4 ? { namespace: pick(['ml', 'ml-2'], i) } : {}),
            },
          }),
      ...(i % 3 ? { container: pick(['vllm', 'sidecar'], i) } : {}),
      ...(i % 9 === 0 ? { suppressed: { kind: 'annotation' as const } } : {}),
    }));
    // The order spelled out: one key per finding, compared by UTF-16 code units.
    const key = (f: (typeof findings)[number]) =>
      [
        { error: 0, warning: 1, info: 2 }[f.severity],
        f.suppressed ? 1 : 0,
        f.cluster ?? '',
        f.object?.kind ?? '',
        f.object?.namespace ?? '',
        f.object?.name ?? '',
        f.container ?? '',
        f.ruleId,
        f.path,
      ].join('\u0000');
    const expected = [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(sortForView(findings).map((f) => f.fingerprint)).toEqual(
      expected.map((f) => f.fingerprint),
    );
    expect(sortForView([])).toEqual([]);
  });
});
