import { evaluateLive } from '../../src/live/evaluate-live';
import { fromObjectsByEntity } from '../../src/live/objects-by-entity';
import { mergeObjectsResponses } from '../../src/live/responses';
import { DEFAULT_CUSTOM_RESOURCES } from '../../src/live/resource-types';
import { evaluateManifests } from '../../src/engine/scan';
import { resolveConfig } from '../../src/engine/config';
import { allRules } from '../../src/rules';
import {
  answers,
  deployment,
  deploymentWithPods,
  inferenceService,
  networkPolicy,
  objectsAnswer,
  podDisruptionBudget,
  replicaSet,
  standalonePod,
} from './fixtures';
import type { FakeCluster, Obj } from './fixtures';

const ids = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);
const evaluate = (clusters: FakeCluster[], options?: Parameters<typeof answers>[1]) =>
  evaluateLive(answers(clusters, options));

describe('evaluateLive', () => {
  it('evaluates each workload once, with its cluster on every finding', () => {
    const r = evaluate([{ name: 'gpu-east', objects: [...deploymentWithPods(), networkPolicy()] }]);
    // The Deployment and the NetworkPolicy; its ReplicaSet and pods repeat its template.
    expect(r.clusters).toEqual([{ name: 'gpu-east', objects: 2 }]);
    expect(r.manifests.map((m) => m.kind)).toEqual(['Deployment', 'NetworkPolicy']);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.cluster === 'gpu-east' && f.object?.name === 'llm')).toBe(
      true,
    );
    expect(ids(r)).toContain('gpu/shm-missing');
    expect(r.status).toBe('ok');
    expect(r.clusterErrors).toEqual([]);
    expect(r.score.overall).toBeLessThan(100);
    expect(r.replicas.size).toBe(0);
  });

  it('is the rules core’s evaluation of the merged objects, complete for the answered kinds', () => {
    const input = answers([
      { name: 'gpu-east', objects: [...deploymentWithPods(), inferenceService(), networkPolicy()] },
    ]);
    const r = evaluateLive(input);
    const direct = evaluateManifests(
      fromObjectsByEntity(mergeObjectsResponses(input.workloads, input.custom), {
        customResources: input.customResources,
      }).manifests,
      { complete: { kinds: r.completeKinds } },
    );
    expect(r.score).toEqual(direct.score);
    expect(r.findings).toEqual(direct.findings);
    expect(r.checks.length).toBe(direct.checks.length);
  });

  it('runs absence rules for kinds every cluster answered for, and not for refused ones', () => {
    const answered = evaluate([{ name: 'gpu-east', objects: deploymentWithPods() }]);
    expect(answered.completeKinds).toEqual(
      expect.arrayContaining(['NetworkPolicy', 'Deployment', 'PodDisruptionBudget']),
    );
    expect(ids(answered)).toContain('security/network-policy-missing');
    expect(ids(answered)).toContain('reliability/pdb-missing');

    const withPolicy = evaluate([
      {
        name: 'gpu-east',
        objects: [...deploymentWithPods(), networkPolicy(), podDisruptionBudget()],
      },
    ]);
    expect(ids(withPolicy)).not.toContain('security/network-policy-missing');
    expect(ids(withPolicy)).not.toContain('reliability/pdb-missing');
    expect(withPolicy.score.overall).toBeGreaterThan(answered.score.overall);

    const refused = evaluate([
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
      {
        cluster: 'gpu-east',
        errorType: 'UNKNOWN_ERROR',
        statusCode: 403,
        resourcePath: '/apis/networking.k8s.io/v1/networkpolicies',
        message: 'UNKNOWN_ERROR (HTTP 403) fetching /apis/networking.k8s.io/v1/networkpolicies',
      },
    ]);
  });

  it('counts a custom resource definition that is not installed (404) as answered', () => {
    const r = evaluate([
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

  it('keeps the answering cluster’s results when another is unreachable, and concludes no absence', () => {
    const r = evaluate([
      { name: 'gpu-east', objects: deploymentWithPods() },
      { name: 'gpu-west', title: 'West', unreachable: true },
    ]);
    expect(r.clusters).toEqual([
      { name: 'gpu-east', objects: 1 },
      { name: 'gpu-west', title: 'West', objects: 0 },
    ]);
    // Both requests met the unreachable cluster: said once.
    expect(r.clusterErrors).toEqual([
      expect.objectContaining({ cluster: 'gpu-west', errorType: 'FETCH_ERROR' }),
    ]);
    expect(r.completeKinds).toEqual([]);
    expect(ids(r)).toContain('gpu/shm-missing');
    expect(ids(r)).not.toContain('security/network-policy-missing');
    expect(r.status).toBe('partial');
  });

  it('evaluates the objects when the custom resources request fails', () => {
    const r = evaluate(
      [{ name: 'gpu-east', objects: [...deploymentWithPods(), inferenceService()] }],
      { customError: 'Request failed with 500 Internal Server Error' },
    );
    expect(r.customError).toBe('Request failed with 500 Internal Server Error');
    expect(r.status).toBe('partial');
    expect(r.completeKinds).not.toContain('NetworkPolicy');
    expect(r.completeKinds).toContain('Deployment');
    expect(r.findings.some((f) => f.object?.kind === 'InferenceService')).toBe(false);
    expect(ids(r)).toContain('gpu/shm-missing');
  });

  it('does not conclude the absence of custom kinds when none were asked for', () => {
    const r = evaluateLive({
      workloads: objectsAnswer([{ name: 'gpu-east', objects: deploymentWithPods() }]),
      customResources: [],
    });
    expect(r.completeKinds).not.toContain('NetworkPolicy');
    expect(ids(r)).not.toContain('security/network-policy-missing');
    expect(r.status).toBe('ok');
  });

  it('evaluates custom resources, filling in the apiVersion the backend may leave out', () => {
    const { apiVersion: _drop, ...withoutApiVersion } = inferenceService();
    const r = evaluateLive({
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
    });
    expect(r.clusters).toEqual([{ name: 'gpu-east', objects: 1 }]);
    expect(r.score.checks).toBeGreaterThan(0);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings.every((f) => f.object?.apiVersion === 'serving.kserve.io/v1beta1')).toBe(
      true,
    );
  });

  it('marks findings suppressed by annotation and keeps them out of the score', () => {
    const suppressed = deployment({
      annotations: {
        'aigov.dev/ignore': 'gpu/shm-missing',
        'aigov.dev/ignore-reason': 'model fits in RAM',
      },
    });
    const plain = evaluate([{ name: 'c', objects: [deployment()] }]);
    const r = evaluate([{ name: 'c', objects: [suppressed] }]);
    const shm = r.findings.find((f) => f.ruleId === 'gpu/shm-missing');
    expect(shm?.suppressed).toEqual({ kind: 'annotation', reason: 'model fits in RAM' });
    expect(r.score.overall).toBeGreaterThan(plain.score.overall);
  });

  it('checks the pods of a controller that is not in the response once, for all of them', () => {
    const d = deployment({ replicas: 3 });
    const rs = replicaSet(d);
    const withController = evaluate([{ name: 'c', objects: deploymentWithPods({}, 3) }]);
    // Only the pod template carries the entity's label: the Deployment and ReplicaSet are not listed.
    const unlabelled = (o: Obj): Obj => ({
      ...o,
      metadata: { ...(o.metadata as Obj), labels: { app: 'llm' } },
    });
    const podsOnly = evaluate([
      {
        name: 'c',
        objects: [unlabelled(d), unlabelled(rs), ...deploymentWithPods({}, 3).slice(2)],
      },
    ]);
    expect(podsOnly.clusters).toEqual([{ name: 'c', objects: 1 }]);
    expect(
      podsOnly.findings.every((f) => f.object?.kind === 'Pod' && f.object.name === 'llm-7d9f-1'),
    ).toBe(true);
    const [pod] = podsOnly.manifests;
    expect(pod && podsOnly.replicas.get(pod)).toBe(3);
    // The same rules fail as on the Deployment's template (the pod adds nothing of its own here).
    const rules = (r: typeof podsOnly) => new Set(ids(r));
    expect([...rules(podsOnly)].filter((id) => !rules(withController).has(id))).toEqual([]);
    expect(withController.replicas.size).toBe(0);
  });

  it('weighs a workload the same however many pods it runs', () => {
    const one = evaluate([
      { name: 'c', objects: [standalonePod('debug'), ...deploymentWithPods({}, 1).slice(2)] },
    ]);
    const many = evaluate([
      { name: 'c', objects: [standalonePod('debug'), ...deploymentWithPods({}, 8).slice(2)] },
    ]);
    expect(many.score).toEqual(one.score);
    expect(many.checks.length).toBe(one.checks.length);
  });

  it('uses the configuration it is given', () => {
    const objects = deploymentWithPods();
    const strictShm = evaluateLive(answers([{ name: 'c', objects }]), {
      config: resolveConfig({ rules: { 'gpu/shm-missing': 'off' } }, allRules),
    });
    expect(ids(strictShm)).not.toContain('gpu/shm-missing');
    const onlyShm = evaluateLive(answers([{ name: 'c', objects }]), {
      config: { extends: 'all' },
      rules: allRules.filter((r) => r.meta.id === 'gpu/shm-missing'),
    });
    expect([...new Set(ids(onlyShm))]).toEqual(['gpu/shm-missing']);
  });

  it('scores an entity with no objects 100 with nothing checked', () => {
    const r = evaluateLive({
      workloads: { items: [] },
      custom: { items: [] },
      customResources: [],
    });
    expect(r).toMatchObject({
      score: { overall: 100, grade: 'A', checks: 0 },
      findings: [],
      clusters: [],
      status: 'ok',
    });
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
      const r = evaluateLive({
        workloads: b,
        custom: b,
        customResources: DEFAULT_CUSTOM_RESOURCES,
      });
      expect(r.score.overall).toBeGreaterThanOrEqual(0);
      expect(r.ruleErrors).toEqual([]);
    }
  });
});
