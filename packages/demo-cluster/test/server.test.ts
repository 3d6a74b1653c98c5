import { demoObjects, startDemoCluster } from '../src';
import type { DemoCluster, KubeObject } from '../src';
import { bearer, getJson, getText, query } from './support/http';

const TOKEN = 'test-token';

interface ListBody {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: {
    apiVersion?: string;
    kind?: string;
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  }[];
}

interface StatusBody {
  kind: string;
  apiVersion: string;
  status: string;
  message: string;
  reason: string;
  code: number;
  details?: Record<string, unknown>;
}

let cluster: DemoCluster;
const auth = bearer(TOKEN);

beforeAll(async () => {
  cluster = await startDemoCluster({ token: TOKEN });
});

afterAll(async () => {
  await cluster.close();
});

async function list(path: string, params: Record<string, string | number> = {}): Promise<ListBody> {
  const res = await getJson<ListBody>(
    `${cluster.url}${path}${Object.keys(params).length ? query(params) : ''}`,
    auth,
  );
  expect(res.status).toBe(200);
  return res.body;
}

function names(body: ListBody): string[] {
  return body.items.map((i) => i.metadata.name);
}

describe('discovery', () => {
  it('answers /version, /api and /api/v1', async () => {
    const version = await getJson<{ major: string; gitVersion: string }>(
      `${cluster.url}/version`,
      auth,
    );
    expect(version.body).toMatchObject({
      major: '1',
      gitVersion: expect.stringMatching(/^v1\.\d+\.\d+$/),
    });
    const api = await getJson<{ kind: string; versions: string[] }>(`${cluster.url}/api`, auth);
    expect(api.body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const core = await getJson<{
      kind: string;
      resources: { name: string; kind: string; namespaced: boolean }[];
    }>(`${cluster.url}/api/v1`, auth);
    expect(core.body.kind).toBe('APIResourceList');
    expect(core.body.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'pods', kind: 'Pod', namespaced: true }),
        expect.objectContaining({ name: 'nodes', kind: 'Node', namespaced: false }),
      ]),
    );
  });

  it('lists the API groups, custom resources and the metrics API included', async () => {
    const res = await getJson<{
      kind: string;
      groups: { name: string; preferredVersion: { groupVersion: string } }[];
    }>(`${cluster.url}/apis`, auth);
    expect(res.body.kind).toBe('APIGroupList');
    const groups = Object.fromEntries(
      res.body.groups.map((g) => [g.name, g.preferredVersion.groupVersion]),
    );
    expect(groups).toMatchObject({
      apps: 'apps/v1',
      batch: 'batch/v1',
      autoscaling: 'autoscaling/v2',
      policy: 'policy/v1',
      'serving.kserve.io': 'serving.kserve.io/v1beta1',
      'ray.io': 'ray.io/v1',
      'kubeflow.org': 'kubeflow.org/v1',
      'monitoring.coreos.com': 'monitoring.coreos.com/v1',
      'metrics.k8s.io': 'metrics.k8s.io/v1beta1',
    });
    const group = await getJson<{ kind: string; name: string }>(`${cluster.url}/apis/ray.io`, auth);
    expect(group.body).toMatchObject({ kind: 'APIGroup', name: 'ray.io' });
    const resources = await getJson<{
      groupVersion: string;
      resources: { name: string; kind: string }[];
    }>(`${cluster.url}/apis/ray.io/v1`, auth);
    expect(resources.body.groupVersion).toBe('ray.io/v1');
    expect(resources.body.resources.map((r) => r.kind)).toContain('RayCluster');
  });

  it('lists a CustomResourceDefinition per installed custom resource', async () => {
    const body = await list('/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    expect(names(body)).toEqual(
      expect.arrayContaining(['inferenceservices.serving.kserve.io', 'pytorchjobs.kubeflow.org']),
    );
  });
});

describe('lists', () => {
  it('returns <Kind>List with the resourceVersion; built-in items carry no apiVersion or kind', async () => {
    const body = await list('/api/v1/namespaces/ml-serving/pods');
    expect(body.kind).toBe('PodList');
    expect(body.apiVersion).toBe('v1');
    expect(body.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(item).not.toHaveProperty('apiVersion');
      expect(item).not.toHaveProperty('kind');
      expect(item.metadata.namespace).toBe('ml-serving');
    }
    const deployments = await list('/apis/apps/v1/namespaces/ml-serving/deployments');
    expect(deployments.kind).toBe('DeploymentList');
    expect(deployments.apiVersion).toBe('apps/v1');
    expect(deployments.items[0]).not.toHaveProperty('kind');
  });

  it('returns custom resource items with their apiVersion and kind', async () => {
    const body = await list('/apis/kubeflow.org/v1/namespaces/research-training/pytorchjobs');
    expect(body.kind).toBe('PyTorchJobList');
    expect(body.items).toEqual([
      expect.objectContaining({
        apiVersion: 'kubeflow.org/v1',
        kind: 'PyTorchJob',
        metadata: expect.objectContaining({ name: 'llama-finetune' }),
      }),
    ]);
  });

  it('lists across namespaces and cluster-scoped resources', async () => {
    const all = await list('/api/v1/pods');
    expect(new Set(all.items.map((p) => p.metadata.namespace))).toEqual(
      new Set([
        'gpu-operator',
        'ml-serving',
        'ml-batch',
        'research-training',
        'research-notebooks',
      ]),
    );
    const nodes = await list('/api/v1/nodes');
    expect(names(nodes)).toEqual(['cpu-node-1', 'gpu-node-a', 'gpu-node-b', 'gpu-node-c']);
    // A cluster-scoped resource has no namespaced path.
    const res = await getJson<StatusBody>(`${cluster.url}/api/v1/namespaces/default/nodes`, auth);
    expect(res.status).toBe(404);
  });

  it('lists in storage order (namespace, then name)', async () => {
    const body = await list('/api/v1/pods');
    const keys = body.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('filters by the label selector Backstage sends', async () => {
    const body = await list('/api/v1/pods', {
      labelSelector: 'backstage.io/kubernetes-id=llama-finetune',
    });
    expect(names(body).sort()).toEqual([
      'llama-finetune-master-0',
      'llama-finetune-worker-0',
      'llama-finetune-worker-1',
      'llama-finetune-worker-2',
    ]);
    for (const item of body.items)
      expect(item.metadata.labels?.['backstage.io/kubernetes-id']).toBe('llama-finetune');
  });

  it('supports set-based and negative label selectors', async () => {
    const inSet = await list('/api/v1/pods', {
      labelSelector: 'backstage.io/kubernetes-id in (vision-trainer, notebook-gpu)',
    });
    expect(names(inSet).sort()).toEqual([
      'notebook-gpu-0',
      expect.stringMatching(/^vision-trainer-[a-z0-9]{5}$/),
    ]);
    const workers = await list('/api/v1/namespaces/research-training/pods', {
      labelSelector:
        'training.kubeflow.org/replica-type notin (master),training.kubeflow.org/job-name',
    });
    expect(names(workers)).toEqual([
      'llama-finetune-worker-0',
      'llama-finetune-worker-1',
      'llama-finetune-worker-2',
    ]);
    const unowned = await list('/api/v1/pods', { labelSelector: '!backstage.io/kubernetes-id' });
    expect(unowned.items.length).toBe(6);
    expect(new Set(unowned.items.map((p) => p.metadata.namespace))).toEqual(
      new Set(['gpu-operator']),
    );
  });

  it('filters by field selectors: metadata.name, metadata.namespace and pod fields', async () => {
    const byName = await list('/api/v1/pods', { fieldSelector: 'metadata.name=notebook-gpu-0' });
    expect(names(byName)).toEqual(['notebook-gpu-0']);
    const byNamespace = await list('/apis/apps/v1/deployments', {
      fieldSelector: 'metadata.namespace!=ml-serving',
    });
    expect(byNamespace.items).toEqual([]);
    const onNode = await list('/api/v1/pods', {
      fieldSelector: 'spec.nodeName=gpu-node-c,status.phase=Running',
    });
    expect(onNode.items.length).toBe(5);
  });

  it('answers 400 with a Status for a bad label selector, an unknown field or a bad limit', async () => {
    for (const [params, message] of [
      [{ labelSelector: 'app in production' }, "found 'production', expected: '('"],
      [{ fieldSelector: 'spec.foo=bar' }, 'field label not supported: spec.foo'],
      [{ limit: 'ten' }, 'limit'],
    ] as const) {
      const res = await getJson<StatusBody>(`${cluster.url}/api/v1/pods${query(params)}`, auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        reason: 'BadRequest',
        code: 400,
      });
      expect(res.body.message).toContain(message);
    }
    const crd = await getJson<StatusBody>(
      `${cluster.url}/apis/ray.io/v1/rayclusters${query({ fieldSelector: 'spec.rayVersion=2.9.0' })}`,
      auth,
    );
    expect(crd.status).toBe(400);
    expect(crd.body.message).toBe(
      '"spec.rayVersion" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });
});

describe('pagination', () => {
  it('pages with limit and continue until the list is complete', async () => {
    const full = await list('/api/v1/pods');
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page: ListBody = await list('/api/v1/pods', {
        limit: 4,
        ...(token ? { continue: token } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...names(page));
      token = page.metadata.continue;
      if (token) expect(page.metadata.remainingItemCount).toBe(full.items.length - seen.length);
      else expect(page.metadata).not.toHaveProperty('remainingItemCount');
      pages++;
    } while (token && pages < 50);
    expect(seen).toEqual(names(full));
    expect(pages).toBe(Math.ceil(full.items.length / 4));
  });

  it('applies selectors before paging and leaves out remainingItemCount when filtered', async () => {
    const first = await list('/api/v1/pods', {
      labelSelector: 'backstage.io/kubernetes-id=llama-finetune',
      limit: 3,
    });
    expect(first.items.length).toBe(3);
    expect(first.metadata.continue).toEqual(expect.any(String));
    expect(first.metadata).not.toHaveProperty('remainingItemCount');
    const second = await list('/api/v1/pods', {
      labelSelector: 'backstage.io/kubernetes-id=llama-finetune',
      limit: 3,
      continue: first.metadata.continue as string,
    });
    expect(names(second)).toEqual(['llama-finetune-worker-2']);
    expect(second.metadata).not.toHaveProperty('continue');
  });

  it('rejects a continue token that is not one', async () => {
    const res = await getJson<StatusBody>(
      `${cluster.url}/api/v1/pods${query({ limit: 1, continue: 'not-a-token' })}`,
      auth,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('continue key is not valid');
  });

  it('expires continue tokens when the objects change (410 Gone)', async () => {
    const own = await startDemoCluster({});
    try {
      const first = await getJson<ListBody>(`${own.url}/api/v1/pods${query({ limit: 2 })}`);
      own.setObjects(demoObjects().filter((o) => o.metadata.name !== 'notebook-gpu-0'));
      const res = await getJson<StatusBody>(
        `${own.url}/api/v1/pods${query({ limit: 2, continue: first.body.metadata.continue as string })}`,
      );
      expect(res.status).toBe(410);
      expect(res.body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
      const after = await getJson<ListBody>(
        `${own.url}/api/v1/pods${query({ fieldSelector: 'metadata.name=notebook-gpu-0' })}`,
      );
      expect(after.body.items).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('single objects', () => {
  it('returns an object with its apiVersion and kind', async () => {
    const pod = await getJson<KubeObject>(
      `${cluster.url}/api/v1/namespaces/research-notebooks/pods/notebook-gpu-0`,
      auth,
    );
    expect(pod.status).toBe(200);
    expect(pod.body).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'notebook-gpu-0' },
    });
    const node = await getJson<KubeObject>(`${cluster.url}/api/v1/nodes/gpu-node-a`, auth);
    expect(node.body).toMatchObject({ kind: 'Node', metadata: { name: 'gpu-node-a' } });
    const ns = await getJson<KubeObject>(`${cluster.url}/api/v1/namespaces/ml-serving`, auth);
    expect(ns.body).toMatchObject({ kind: 'Namespace', metadata: { name: 'ml-serving' } });
    const isvc = await getJson<KubeObject>(
      `${cluster.url}/apis/serving.kserve.io/v1beta1/namespaces/ml-serving/inferenceservices/embeddings-api/status`,
      auth,
    );
    expect(isvc.body).toMatchObject({
      kind: 'InferenceService',
      status: { conditions: expect.any(Array) },
    });
  });

  it('answers 404 Status for an unknown object', async () => {
    const res = await getJson<StatusBody>(
      `${cluster.url}/apis/apps/v1/namespaces/ml-serving/deployments/nope`,
      auth,
    );
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'deployments.apps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
      code: 404,
    });
    const pod = await getJson<StatusBody>(
      `${cluster.url}/api/v1/namespaces/ml-serving/pods/nope`,
      auth,
    );
    expect(pod.body.message).toBe('pods "nope" not found');
  });

  it('answers 404 for a namespaced resource without its namespace, and for unknown paths', async () => {
    for (const path of [
      '/api/v1/pods/notebook-gpu-0',
      '/apis/apps/v1/widgets',
      '/apis/example.com/v1/things',
      '/nope',
      '/api/v2/pods',
    ]) {
      const res = await getJson<StatusBody>(`${cluster.url}${path}`, auth);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        kind: 'Status',
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      });
    }
  });
});

describe('custom resources that are not installed', () => {
  let partial: DemoCluster;
  beforeAll(async () => {
    partial = await startDemoCluster({ crdGroups: ['serving.kserve.io', 'monitoring.coreos.com'] });
  });
  afterAll(async () => {
    await partial.close();
  });

  it('answers 404 for their resources and leaves their groups out of discovery', async () => {
    const res = await getJson<StatusBody>(
      `${partial.url}/apis/kubeflow.org/v1/namespaces/research-training/pytorchjobs`,
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' });
    const groups = await getJson<{ groups: { name: string }[] }>(`${partial.url}/apis`);
    const served = groups.body.groups.map((g) => g.name);
    expect(served).toContain('serving.kserve.io');
    expect(served).not.toContain('kubeflow.org');
    expect(served).not.toContain('ray.io');
    // Built-in objects stay: the pods of the PyTorchJob still run.
    const pods = await getJson<ListBody>(`${partial.url}/api/v1/namespaces/research-training/pods`);
    expect(pods.body.items.length).toBe(5);
  });
});

describe('an object set of its own', () => {
  const objects: KubeObject[] = [
    {
      apiVersion: 'leaderworkerset.x-k8s.io/v1',
      kind: 'LeaderWorkerSet',
      metadata: { name: 'vllm-multinode', namespace: 'serving', labels: { app: 'vllm' } },
      spec: { replicas: 2 },
    },
    {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'legacy', namespace: 'serving' },
      spec: { maxReplicas: 3 },
    },
  ];
  let own: DemoCluster;
  beforeAll(async () => {
    own = await startDemoCluster({ objects });
  });
  afterAll(async () => {
    await own.close();
  });

  it('serves custom resources of any kind, with a derived plural, uid and resourceVersion', async () => {
    const res = await getJson<ListBody>(
      `${own.url}/apis/leaderworkerset.x-k8s.io/v1/namespaces/serving/leaderworkersets`,
    );
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('LeaderWorkerSetList');
    expect(res.body.items).toEqual([
      expect.objectContaining({
        apiVersion: 'leaderworkerset.x-k8s.io/v1',
        kind: 'LeaderWorkerSet',
        metadata: expect.objectContaining({
          uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
          resourceVersion: expect.stringMatching(/^\d+$/),
        }),
      }),
    ]);
    expect(objects[0]?.metadata.uid).toBeUndefined();
  });

  it('lists another version of a built-in kind like a built-in, and advertises the version', async () => {
    const res = await getJson<ListBody>(`${own.url}/apis/autoscaling/v1/horizontalpodautoscalers`);
    expect(res.body.kind).toBe('HorizontalPodAutoscalerList');
    expect(res.body.items[0]).not.toHaveProperty('kind');
    const group = await getJson<{ versions: { version: string }[] }>(`${own.url}/apis/autoscaling`);
    expect(group.body.versions.map((v) => v.version)).toEqual(['v2', 'v1']);
  });

  it('has no demo objects', async () => {
    const res = await getJson<ListBody>(`${own.url}/api/v1/pods`);
    expect(res.body.items).toEqual([]);
  });
});

describe('authentication', () => {
  it('answers 401 Status without the bearer token or with another one', async () => {
    for (const init of [{}, bearer('wrong'), { headers: { Authorization: TOKEN } }]) {
      const res = await getJson<StatusBody>(`${cluster.url}/api/v1/pods`, init);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('needs no token for the demo Prometheus API', async () => {
    const res = await getJson(
      `${cluster.prometheusUrl}/api/v1/query${query({ query: 'DCGM_FI_DEV_GPU_UTIL' })}`,
    );
    expect(res.status).toBe(200);
  });

  it('is read-only: other methods answer 405', async () => {
    const res = await getJson<StatusBody>(`${cluster.url}/api/v1/namespaces/default/pods`, {
      ...auth,
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(405);
    expect(res.body.reason).toBe('MethodNotAllowed');
  });
});

describe('metrics API', () => {
  it('serves PodMetrics of running pods, filtered by labels like the pods', async () => {
    const body = await list('/apis/metrics.k8s.io/v1beta1/namespaces/ml-serving/pods', {
      labelSelector: 'backstage.io/kubernetes-id=chat-assistant',
    });
    expect(body.kind).toBe('PodMetricsList');
    expect(body.items.length).toBe(2);
    const item = body.items[0] as unknown as {
      containers: { name: string; usage: { cpu: string; memory: string } }[];
    };
    expect(item.containers).toEqual([
      {
        name: 'vllm',
        usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) },
      },
    ]);
    const nodes = await list('/apis/metrics.k8s.io/v1beta1/nodes');
    expect(names(nodes)).toEqual(['cpu-node-1', 'gpu-node-a', 'gpu-node-b', 'gpu-node-c']);
  });
});

describe('artificial failures and request recording', () => {
  let faulty: DemoCluster;
  beforeEach(async () => {
    faulty = await startDemoCluster({ token: TOKEN });
  });
  afterEach(async () => {
    await faulty.close();
  });

  it('answers a configured status with a Status body, a limited number of times', async () => {
    faulty.setFailures([
      {
        path: '/api/v1/namespaces/ml-serving/pods',
        status: 503,
        message: 'etcd is down',
        times: 1,
      },
    ]);
    const failed = await getJson<StatusBody>(
      `${faulty.url}/api/v1/namespaces/ml-serving/pods`,
      auth,
    );
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({
      kind: 'Status',
      code: 503,
      reason: 'ServiceUnavailable',
      message: 'etcd is down',
    });
    const next = await getJson<ListBody>(`${faulty.url}/api/v1/namespaces/ml-serving/pods`, auth);
    expect(next.status).toBe(200);
  });

  it('drops the connection, or answers a malformed body, for matching paths', async () => {
    faulty.setFailures([
      { path: /\/pytorchjobs$/, drop: true },
      { path: '/api/v1/namespaces/ml-serving/services', body: '{"kind":"ServiceList","items":[' },
    ]);
    await expect(
      fetch(`${faulty.url}/apis/kubeflow.org/v1/namespaces/research-training/pytorchjobs`, {
        ...auth,
        signal: AbortSignal.timeout(5000),
      }),
    ).rejects.toThrow();
    const malformed = await getText(`${faulty.url}/api/v1/namespaces/ml-serving/services`, auth);
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    // Other paths are unaffected.
    expect(
      (await getJson(`${faulty.url}/api/v1/namespaces/ml-serving/configmaps`, auth)).status,
    ).toBe(200);
  });

  it('delays answers by the configured time', async () => {
    faulty.setFailures([{ path: '/version', delayMs: 300 }]);
    const start = Date.now();
    const res = await getJson(`${faulty.url}/version`, auth);
    expect(res.status).toBe(200);
    expect(Date.now() - start).toBeGreaterThanOrEqual(280);
  });

  it('records every request with method, path, query and headers', async () => {
    await getJson(
      `${faulty.url}/api/v1/namespaces/ml-batch/pods${query({ labelSelector: 'backstage.io/kubernetes-id=batch-inference' })}`,
      auth,
    );
    await getJson(`${faulty.url}/api/v1/pods`);
    expect(faulty.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/namespaces/ml-batch/pods',
        query: { labelSelector: 'backstage.io/kubernetes-id=batch-inference' },
        headers: expect.objectContaining({ authorization: `Bearer ${TOKEN}` }),
        time: expect.any(Number),
      }),
      expect.objectContaining({ path: '/api/v1/pods', query: {} }),
    ]);
  });

  it('keeps only the newest requests beyond maxRecordedRequests', async () => {
    const small = await startDemoCluster({ maxRecordedRequests: 3 });
    try {
      for (const path of ['/version', '/api', '/apis', '/api/v1', '/api/v1/nodes'])
        await getJson(`${small.url}${path}`);
      expect(small.requests.map((r) => r.path)).toEqual(['/apis', '/api/v1', '/api/v1/nodes']);
    } finally {
      await small.close();
    }
  });
});
