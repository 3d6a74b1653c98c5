import { stringify } from 'yaml';
import { clusterErrorsOf, fromObjectsByEntity } from '../../src/live/objects-by-entity';
import { evaluateManifests, scan } from '../../src/engine/scan';
import { getRule } from '../../src/rules';
import type { Rule } from '../../src/engine/rule';

const rule = getRule('resources/cpu-request-missing') as Rule;

// As the Kubernetes API lists them: built-in items carry no apiVersion/kind.
const deployment = {
  metadata: { name: 'llm', namespace: 'ml', uid: 'd1', labels: { app: 'llm' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'llm' } },
    template: {
      metadata: { labels: { app: 'llm' } },
      spec: {
        containers: [
          {
            name: 'vllm',
            image: 'vllm/vllm-openai:v0.6.3',
            resources: { limits: { 'nvidia.com/gpu': 1 } },
          },
        ],
      },
    },
  },
};
const replicaSet = {
  metadata: {
    name: 'llm-7d9',
    namespace: 'ml',
    uid: 'r1',
    ownerReferences: [{ kind: 'Deployment', name: 'llm', uid: 'd1', controller: true }],
  },
  spec: deployment.spec,
};
const pod = (n: number) => ({
  metadata: {
    name: `llm-7d9-${n}`,
    namespace: 'ml',
    uid: `p${n}`,
    ownerReferences: [{ kind: 'ReplicaSet', name: 'llm-7d9', uid: 'r1', controller: true }],
  },
  spec: deployment.spec.template.spec,
});
const orphanPod = {
  metadata: { name: 'debug', namespace: 'ml', uid: 'p9' },
  spec: { containers: [{ name: 'sh', image: 'busybox:1.36' }] },
};
const isvc = {
  apiVersion: 'serving.kserve.io/v1beta1',
  kind: 'InferenceService',
  metadata: { name: 'chat', namespace: 'ml', uid: 'i1' },
  spec: {
    predictor: {
      model: {
        modelFormat: { name: 'huggingface' },
        resources: { limits: { cpu: '4', 'nvidia.com/gpu': 1 } },
      },
    },
  },
};

const response = {
  items: [
    {
      cluster: { name: 'gpu-east' },
      resources: [
        { type: 'deployments', resources: [deployment] },
        { type: 'replicasets', resources: [replicaSet] },
        { type: 'pods', resources: [pod(1), pod(2), orphanPod] },
        { type: 'customresources', resources: [isvc, isvc] },
      ],
      errors: [],
      podMetrics: [],
    },
    {
      cluster: { name: 'gpu-west' },
      resources: [],
      errors: [
        {
          errorType: 'NOT_FOUND',
          statusCode: 404,
          resourcePath: '/apis/serving.kserve.io/v1beta1/namespaces/ml/inferenceservices',
        },
      ],
      podMetrics: [],
    },
  ],
};

describe('fromObjectsByEntity', () => {
  it('keeps controllers, drops what they own, fills in built-in kinds and dedupes', () => {
    const live = fromObjectsByEntity(response);
    expect(
      live.manifests.map(
        (m) =>
          `${m.origin.type === 'live' ? m.origin.cluster : ''}/${m.apiVersion}/${m.kind}/${m.namespace}/${m.name}`,
      ),
    ).toEqual([
      'gpu-east/apps/v1/Deployment/ml/llm',
      'gpu-east/v1/Pod/ml/debug',
      'gpu-east/serving.kserve.io/v1beta1/InferenceService/ml/chat',
    ]);
    expect(live.clusters).toEqual([
      { name: 'gpu-east', objects: 3 },
      { name: 'gpu-west', objects: 0 },
    ]);
  });

  it('describes cluster errors instead of failing, alone as well', () => {
    const live = fromObjectsByEntity(response);
    expect(clusterErrorsOf(response)).toEqual(live.errors);
    expect(live.errors).toEqual([
      {
        cluster: 'gpu-west',
        errorType: 'NOT_FOUND',
        statusCode: 404,
        resourcePath: '/apis/serving.kserve.io/v1beta1/namespaces/ml/inferenceservices',
        message:
          'Not found fetching /apis/serving.kserve.io/v1beta1/namespaces/ml/inferenceservices (is the custom resource definition installed on gpu-west?)',
      },
    ]);
  });

  it('tolerates malformed responses', () => {
    for (const bad of [
      null,
      undefined,
      42,
      'x',
      {},
      { items: 'no' },
      {
        items: [null, { cluster: null, resources: [{ type: 'pods', resources: [1, null, 'x'] }] }],
      },
    ]) {
      expect(() => fromObjectsByEntity(bad)).not.toThrow();
    }
    expect(
      fromObjectsByEntity({
        items: [
          {
            cluster: { name: 'c' },
            resources: [{ type: 'unknown', resources: [{ metadata: { name: 'x' } }] }],
          },
        ],
      }).manifests,
    ).toEqual([]);
  });

  it('gives live objects the same findings as the same objects in a file, located by cluster', () => {
    const live = evaluateManifests(fromObjectsByEntity(response).manifests, {
      rules: [rule],
      complete: true,
    });
    const file = scan(
      [
        {
          file: 'llm.yaml',
          text: stringify({ apiVersion: 'apps/v1', kind: 'Deployment', ...deployment }),
        },
      ],
      { rules: [rule], complete: true },
    );
    const shape = (fs: typeof live.findings) =>
      fs
        .filter((f) => f.object?.name === 'llm')
        .map((f) => [f.ruleId, f.path, f.container, f.fingerprint]);
    expect(shape(live.findings)).toHaveLength(1);
    // Same rule, path and container; the fingerprint includes the cluster, so it differs.
    expect(shape(live.findings).map((s) => s.slice(0, 3))).toEqual(
      shape(file.findings).map((s) => s.slice(0, 3)),
    );
    const f = live.findings.find((x) => x.object?.name === 'llm');
    expect(f).toMatchObject({
      cluster: 'gpu-east',
      object: { kind: 'Deployment', namespace: 'ml', name: 'llm' },
    });
    expect(f?.file).toBeUndefined();
    expect(f?.line).toBeUndefined();
    // The orphan pod is checked; the InferenceService has a CPU limit, so it passes.
    expect(live.findings.map((x) => x.object?.name).sort()).toEqual(['debug', 'llm']);
    expect(
      live.checks.filter((c) => c.manifest.kind === 'InferenceService' && !c.failed),
    ).toHaveLength(1);
  });
});

describe('built-in kinds fetched as custom resources', () => {
  it('get their apiVersion from their kind, so the PDB protecting a service is seen', () => {
    const live = fromObjectsByEntity({
      items: [
        {
          cluster: { name: 'c' },
          resources: [
            { type: 'deployments', resources: [deployment] },
            {
              type: 'customresources',
              resources: [
                {
                  kind: 'PodDisruptionBudget',
                  metadata: { name: 'llm', namespace: 'ml', uid: 'pdb1' },
                  spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'llm' } } },
                },
              ],
            },
          ],
          errors: [],
        },
      ],
    });
    expect(live.manifests.map((m) => `${m.apiVersion} ${m.kind}`)).toEqual([
      'apps/v1 Deployment',
      'policy/v1 PodDisruptionBudget',
    ]);
    const pdbMissing = getRule('reliability/pdb-missing') as Rule;
    const result = evaluateManifests(live.manifests, {
      rules: [pdbMissing],
      complete: { kinds: ['PodDisruptionBudget'] },
    });
    expect(result.checks.map((c) => [c.ruleId, c.failed])).toEqual([
      ['reliability/pdb-missing', false],
    ]);
  });
});

describe('live objects', () => {
  it('are not told to drop spec.replicas, which the API server always sets', () => {
    const hpa = {
      metadata: { name: 'llm', namespace: 'ml', uid: 'h1' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'llm' },
        minReplicas: 2,
        maxReplicas: 4,
      },
    };
    const items = [
      {
        cluster: { name: 'c' },
        resources: [
          { type: 'deployments', resources: [deployment] },
          { type: 'horizontalpodautoscalers', resources: [hpa] },
        ],
        errors: [],
      },
    ];
    const rule = getRule('scaling/replicas-with-hpa') as Rule;
    const live = evaluateManifests(fromObjectsByEntity({ items }).manifests, {
      rules: [rule],
      complete: true,
    });
    expect(live.findings).toEqual([]);
    const text = `${stringify({ apiVersion: 'apps/v1', kind: 'Deployment', ...deployment })}---\n${stringify({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', ...hpa })}`;
    expect(
      scan([{ file: 'd.yaml', text }], { rules: [rule], complete: true }).findings.map(
        (f) => f.ruleId,
      ),
    ).toEqual(['scaling/replicas-with-hpa']);
  });
});

describe('fromObjectsByEntity, siblings of a controller that is not in the response', () => {
  // Only the pod template carries the entity's label: the Deployment is not listed, its
  // ReplicaSets and pods are.
  const unlabelled = { app: 'llm' };
  const d = deployment_({ labels: unlabelled, replicas: 3 });
  const current = replicaSet_(d, '7d9f');
  const old = replicaSet_(d, '5c4b', 0);
  const pods = [1, 2, 3].map((n) => pod_(current, n));

  it('keeps one pod of a ReplicaSet that is not listed, standing for all of them', () => {
    const live = fromObjectsByEntity({
      items: [{ cluster: { name: 'c' }, resources: [{ type: 'pods', resources: strip(pods) }] }],
    });
    expect(live.manifests.map((m) => m.name)).toEqual(['llm-7d9f-1']);
    expect([...live.replicas.entries()].map(([m, n]) => [m.name, n])).toEqual([['llm-7d9f-1', 3]]);
    expect(live.clusters).toEqual([{ name: 'c', objects: 1 }]);
  });

  it('counts a pod listed twice once', () => {
    const live = fromObjectsByEntity({
      items: [
        {
          cluster: { name: 'c' },
          resources: [
            { type: 'pods', resources: strip(pods) },
            { type: 'pods', resources: strip(pods.slice(0, 1)) },
          ],
        },
      ],
    });
    expect([...live.replicas.values()]).toEqual([3]);
  });

  it('prefers the current ReplicaSet to the old ones a Deployment keeps scaled to zero', () => {
    const live = fromObjectsByEntity({
      items: [
        {
          cluster: { name: 'c' },
          resources: [
            { type: 'replicasets', resources: strip([old, current]) },
            { type: 'pods', resources: strip(pods) },
          ],
        },
      ],
    });
    // The pods are owned by the listed current ReplicaSet; the old one is history.
    expect(live.manifests.map((m) => `${m.kind}/${m.name}`)).toEqual(['ReplicaSet/llm-7d9f']);
    expect(live.replicas.size).toBe(0);
    const allOld = fromObjectsByEntity({
      items: [
        {
          cluster: { name: 'c' },
          resources: [{ type: 'replicasets', resources: strip([old, replicaSet_(d, '11aa', 0)]) }],
        },
      ],
    });
    expect(allOld.manifests.map((m) => m.name)).toEqual(['llm-5c4b']);
    expect([...allOld.replicas.values()]).toEqual([2]);
  });

  it('keeps siblings of different clusters apart', () => {
    const live = fromObjectsByEntity({
      items: ['east', 'west'].map((name) => ({
        cluster: { name },
        resources: [{ type: 'pods', resources: strip(pods) }],
      })),
    });
    expect(live.manifests.map((m) => (m.origin.type === 'live' ? m.origin.cluster : ''))).toEqual([
      'east',
      'west',
    ]);
    expect([...live.replicas.values()]).toEqual([3, 3]);
  });
});

describe('fromObjectsByEntity, item normalization', () => {
  it('gives custom resource items the apiVersion of the resource asked for, and built-in lists their kind', () => {
    const { apiVersion: _drop, ...isvcWithoutApiVersion } = isvc;
    const live = fromObjectsByEntity(
      {
        items: [
          {
            cluster: { name: 'c', title: 'GPU cluster' },
            resources: [
              { type: 'customresources', resources: [isvcWithoutApiVersion] },
              {
                type: 'persistentvolumeclaims',
                resources: [{ metadata: { name: 'models', namespace: 'ml', uid: 'pvc1' } }],
              },
              {
                type: 'secrets',
                resources: [{ metadata: { name: 'hf', namespace: 'ml', uid: 's1' } }],
              },
            ],
          },
        ],
      },
      {
        customResources: [
          {
            group: 'serving.kserve.io',
            apiVersion: 'v1beta1',
            plural: 'inferenceservices',
            kind: 'InferenceService',
          },
        ],
      },
    );
    expect(live.manifests.map((m) => `${m.group}|${m.apiVersion}|${m.kind}|${m.name}`)).toEqual([
      'serving.kserve.io|serving.kserve.io/v1beta1|InferenceService|chat',
      '|v1|PersistentVolumeClaim|models',
      '|v1|Secret|hf',
    ]);
    expect(live.clusters).toEqual([{ name: 'c', title: 'GPU cluster', objects: 3 }]);
    // Without the resource asked for, an item of an unknown kind without apiVersion is left out.
    expect(
      fromObjectsByEntity({
        items: [
          {
            cluster: { name: 'c' },
            resources: [{ type: 'customresources', resources: [isvcWithoutApiVersion] }],
          },
        ],
      }).manifests,
    ).toEqual([]);
  });

  it('says an error repeated by several requests once', () => {
    const down = { errorType: 'FETCH_ERROR', message: 'connect ECONNREFUSED 10.0.0.1:6443' };
    const live = fromObjectsByEntity({
      items: [
        {
          cluster: { name: 'west' },
          resources: [],
          errors: [down, down, { ...down, message: 'other' }],
        },
      ],
    });
    expect(live.errors.map((e) => e.message)).toEqual([
      'connect ECONNREFUSED 10.0.0.1:6443',
      'other',
    ]);
  });

  it('reads the errors of malformed responses without failing', () => {
    for (const bad of [null, 42, { items: 'no' }, { items: [null, { cluster: null }] }])
      expect(clusterErrorsOf(bad)).toEqual([]);
  });
});

type Obj = Record<string, unknown>;

function strip(objects: Obj[]): Obj[] {
  return objects.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
}

function deployment_({ labels, replicas }: { labels: Obj; replicas: number }): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'llm', namespace: 'ml', uid: 'dep', labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'llm' } },
      template: deployment.spec.template,
    },
  };
}

function replicaSet_(owner: Obj, hash: string, replicas?: number): Obj {
  const spec = owner.spec as Obj;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `llm-${hash}`,
      namespace: 'ml',
      uid: `rs-${hash}`,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'llm', uid: 'dep', controller: true },
      ],
    },
    spec: { ...spec, replicas: replicas ?? spec.replicas },
  };
}

function pod_(owner: Obj, n: number): Obj {
  const md = owner.metadata as Obj;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${String(md.name)}-${n}`,
      namespace: 'ml',
      uid: `${String(md.uid)}-pod-${n}`,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: md.name, uid: md.uid, controller: true },
      ],
    },
    spec: deployment.spec.template.spec,
  };
}

describe('pods of a controller that is not in the response', () => {
  const trainingPod = (role: string, i: number) => ({
    metadata: {
      name: `ft-${role}-${i}`,
      namespace: 'research',
      uid: `${role}-${i}`,
      labels: { 'training.kubeflow.org/replica-type': role },
      ownerReferences: [
        {
          apiVersion: 'kubeflow.org/v1',
          kind: 'PyTorchJob',
          name: 'ft',
          uid: 'job-1',
          controller: true,
        },
      ],
    },
    spec: { containers: [{ name: 'pytorch', image: `train:${role}` }] },
  });

  it('stand for each other per role, so a master and its workers are both checked', () => {
    const live = fromObjectsByEntity({
      items: [
        {
          cluster: { name: 'c' },
          resources: [
            {
              type: 'pods',
              resources: [
                trainingPod('master', 0),
                ...[0, 1, 2].map((i) => trainingPod('worker', i)),
              ],
            },
          ],
          errors: [],
        },
      ],
    });
    expect(live.manifests.map((m) => [m.name, live.replicas.get(m)])).toEqual([
      ['ft-master-0', undefined], // stands for itself only
      ['ft-worker-0', 3],
    ]);
  });
});
