import { load } from '@aigov/rules';
import {
  DEMO_CATALOG,
  demoCatalogEntities,
  demoCatalogYaml,
  demoObjects,
  gpuAllocations,
  KUBERNETES_ID_LABEL,
} from '../src';
import type { KubeObject } from '../src';

const objects = demoObjects();
const byUid = new Map(objects.map((o) => [o.metadata.uid, o]));

function ofKind(kind: string): KubeObject[] {
  return objects.filter((o) => o.kind === kind);
}

function path(obj: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    obj,
  );
}

function gpuLimit(container: unknown): number {
  return Number(path(container, 'resources', 'limits', 'nvidia.com/gpu') ?? 0);
}

function topOwner(obj: KubeObject): KubeObject {
  let current = obj;
  for (let i = 0; i < 10; i++) {
    const ref = current.metadata.ownerReferences?.find((r) => r.controller);
    const owner = ref ? byUid.get(ref.uid) : undefined;
    if (!owner) return current;
    current = owner;
  }
  throw new Error('ownership cycle');
}

describe('demo objects', () => {
  it('are the same on every call, in a fresh module too', () => {
    expect(demoObjects()).toEqual(objects);
    let again: KubeObject[] = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('../src/demo/objects') as { demoObjects: typeof demoObjects };
      again = fresh.demoObjects();
    });
    expect(again).toEqual(objects);
  });

  it('are fresh copies: changing one does not change the next', () => {
    const first = demoObjects();
    (first[0] as KubeObject).metadata.name = 'changed';
    expect(demoObjects()[0]?.metadata.name).not.toBe('changed');
  });

  it('have unique uids and unique names per kind and namespace', () => {
    expect(byUid.size).toBe(objects.length);
    const keys = objects.map(
      (o) => `${o.apiVersion}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('point every ownerReference at an existing object, with one controller', () => {
    let refs = 0;
    for (const obj of objects) {
      const owners = obj.metadata.ownerReferences ?? [];
      if (owners.length === 0) continue;
      expect(owners.filter((r) => r.controller === true)).toHaveLength(1);
      for (const ref of owners) {
        refs++;
        const owner = byUid.get(ref.uid);
        expect(owner).toBeDefined();
        expect(owner).toMatchObject({
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: ref.name },
        });
        expect(owner?.metadata.namespace).toBe(obj.metadata.namespace);
      }
    }
    expect(refs).toBeGreaterThan(20);
  });

  it('run every pod on an existing node, Running, under a controller', () => {
    const nodes = new Set(ofKind('Node').map((n) => n.metadata.name));
    const pods = ofKind('Pod');
    expect(pods.length).toBe(18);
    for (const pod of pods) {
      expect(nodes.has(path(pod, 'spec', 'nodeName') as string)).toBe(true);
      expect(path(pod, 'status', 'phase')).toBe('Running');
      expect(pod.metadata.ownerReferences?.[0]?.controller).toBe(true);
    }
  });

  it('own Deployment pods through ReplicaSets with the pod-template-hash', () => {
    for (const rs of ofKind('ReplicaSet')) {
      const owner = byUid.get(rs.metadata.ownerReferences?.[0]?.uid);
      expect(owner?.kind).toBe('Deployment');
      const hash = rs.metadata.labels?.['pod-template-hash'];
      expect(rs.metadata.name).toBe(`${owner?.metadata.name}-${hash}`);
      expect(path(rs, 'spec', 'selector', 'matchLabels', 'pod-template-hash')).toBe(hash);
    }
    const deploymentPods = ofKind('Pod').filter(
      (p) => p.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet',
    );
    expect(deploymentPods.map((p) => topOwner(p).metadata.name).sort()).toEqual([
      'chat-assistant',
      'chat-assistant',
      'embeddings-api',
    ]);
  });

  it('label every object of a service with its kubernetes-id, in its namespace, under its workload', () => {
    for (const svc of DEMO_CATALOG.services) {
      const own = objects.filter((o) => o.metadata.labels?.[KUBERNETES_ID_LABEL] === svc.name);
      expect(own.length).toBeGreaterThan(1);
      for (const o of own) expect(o.metadata.namespace).toBe(svc.namespace);
      const pods = own.filter((o) => o.kind === 'Pod');
      expect(pods).toHaveLength(svc.pods);
      for (const pod of pods) {
        expect(topOwner(pod)).toMatchObject({
          apiVersion: svc.workload.apiVersion,
          kind: svc.workload.kind,
          metadata: { name: svc.workload.name },
        });
      }
      const gpus = pods.flatMap((p) => (path(p, 'spec', 'containers') as unknown[]).map(gpuLimit));
      expect(gpus.reduce((a, b) => a + b, 0)).toBe(svc.gpus);
    }
  });

  it('have three GPU nodes of 8 H100s, one MIG-partitioned, with capacity and allocatable', () => {
    const gpuNodes = ofKind('Node').filter(
      (n) => n.metadata.labels?.['nvidia.com/gpu.present'] === 'true',
    );
    expect(gpuNodes.map((n) => n.metadata.name)).toEqual([
      'gpu-node-a',
      'gpu-node-b',
      'gpu-node-c',
    ]);
    for (const node of gpuNodes) {
      expect(node.metadata.labels).toMatchObject({
        'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3',
        'nvidia.com/gpu.count': '8',
      });
      expect(path(node, 'spec', 'taints')).toEqual([
        { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' },
      ]);
    }
    const status = (name: string): Record<string, unknown> =>
      path(
        gpuNodes.find((n) => n.metadata.name === name),
        'status',
      ) as Record<string, unknown>;
    expect(status('gpu-node-a')).toMatchObject({
      capacity: { 'nvidia.com/gpu': '8' },
      allocatable: { 'nvidia.com/gpu': '8' },
    });
    expect(status('gpu-node-c')).toMatchObject({
      capacity: {
        'nvidia.com/gpu': '4',
        'nvidia.com/mig-1g.10gb': '14',
        'nvidia.com/mig-3g.40gb': '4',
      },
      allocatable: {
        'nvidia.com/gpu': '4',
        'nvidia.com/mig-1g.10gb': '14',
        'nvidia.com/mig-3g.40gb': '4',
      },
    });
    expect(
      gpuNodes.find((n) => n.metadata.name === 'gpu-node-c')?.metadata.labels?.[
        'nvidia.com/mig.strategy'
      ],
    ).toBe('mixed');
  });

  it('never put more GPUs on a node than it can allocate', () => {
    const used = new Map<string, number>();
    for (const pod of ofKind('Pod')) {
      const node = path(pod, 'spec', 'nodeName') as string;
      const gpus = (path(pod, 'spec', 'containers') as unknown[])
        .map(gpuLimit)
        .reduce((a, b) => a + b, 0);
      used.set(node, (used.get(node) ?? 0) + gpus);
    }
    for (const node of ofKind('Node')) {
      const allocatable = Number(path(node, 'status', 'allocatable', 'nvidia.com/gpu') ?? 0);
      expect(used.get(node.metadata.name) ?? 0).toBeLessThanOrEqual(allocatable);
    }
    expect(Object.fromEntries(used)).toEqual({
      'cpu-node-1': 0,
      'gpu-node-a': 7,
      'gpu-node-b': 8,
      'gpu-node-c': 3,
    });
  });

  it('give each allocated GPU to exactly one container, matching the pods', () => {
    const allocations = gpuAllocations(objects);
    expect(allocations).toHaveLength(18);
    const keys = allocations.map((a) => `${a.node}/${a.gpu}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(allocations.map((a) => a.uuid)).size).toBe(allocations.length);
    for (const svc of DEMO_CATALOG.services)
      expect(allocations.filter((a) => a.component === svc.name)).toHaveLength(svc.gpus);
  });

  it('give pods what the API server and admission add: tolerations, token volume, QoS, defaults', () => {
    const pod = ofKind('Pod').find((p) => p.metadata.name === 'notebook-gpu-0') as KubeObject;
    expect(path(pod, 'spec', 'tolerations')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'nvidia.com/gpu', operator: 'Exists' }),
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ]),
    );
    expect(path(pod, 'spec', 'volumes')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: expect.stringMatching(/^kube-api-access-/) }),
      ]),
    );
    expect(path(pod, 'status', 'qosClass')).toBe('Burstable');
    const chat = ofKind('Pod').find(
      (p) => p.metadata.labels?.[KUBERNETES_ID_LABEL] === 'chat-assistant',
    ) as KubeObject;
    expect(path(chat, 'spec', 'volumes')).not.toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: expect.stringMatching(/^kube-api-access-/) }),
      ]),
    );
    const deployment = ofKind('Deployment').find((d) => d.metadata.name === 'chat-assistant');
    expect(path(deployment, 'spec', 'strategy')).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
  });
});

describe('demo catalog', () => {
  const entities = demoCatalogEntities();

  it('has two teams under one parent group, with users, systems and six components', () => {
    const groups = entities.filter((e) => e.kind === 'Group');
    expect(groups.map((g) => [g.metadata.name, g.spec.parent ?? null, g.spec.children])).toEqual([
      ['ai-division', null, ['ml-platform', 'research']],
      ['ml-platform', 'ai-division', []],
      ['research', 'ai-division', []],
    ]);
    expect(
      entities.filter((e) => e.kind === 'Component').map((c) => [c.metadata.name, c.spec.owner]),
    ).toEqual([
      ['chat-assistant', 'group:default/ml-platform'],
      ['embeddings-api', 'group:default/ml-platform'],
      ['batch-inference', 'group:default/ml-platform'],
      ['llama-finetune', 'group:default/research'],
      ['vision-trainer', 'group:default/research'],
      ['notebook-gpu', 'group:default/research'],
    ]);
    const groupNames = new Set(groups.map((g) => g.metadata.name));
    for (const user of entities.filter((e) => e.kind === 'User'))
      for (const g of user.spec.memberOf as string[]) expect(groupNames.has(g)).toBe(true);
    const systems = new Set(
      entities.filter((e) => e.kind === 'System').map((s) => s.metadata.name),
    );
    for (const c of entities.filter((e) => e.kind === 'Component'))
      expect(systems.has(c.spec.system as string)).toBe(true);
  });

  it('annotates each component so the Kubernetes plugin finds its objects', () => {
    for (const c of entities.filter((e) => e.kind === 'Component')) {
      const id = c.metadata.annotations?.['backstage.io/kubernetes-id'] as string;
      const ns = c.metadata.annotations?.['backstage.io/kubernetes-namespace'];
      const matching = objects.filter((o) => o.metadata.labels?.[KUBERNETES_ID_LABEL] === id);
      expect(matching.length).toBeGreaterThan(0);
      for (const o of matching) expect(o.metadata.namespace).toBe(ns);
    }
    const without = demoCatalogEntities({ namespaceAnnotation: false }).filter(
      (e) => e.kind === 'Component',
    );
    for (const c of without)
      expect(c.metadata.annotations).not.toHaveProperty('backstage.io/kubernetes-namespace');
  });

  it('writes catalog-info.yaml that reads back as the same entities', () => {
    const text = demoCatalogYaml();
    const loaded = load([{ file: 'catalog-info.yaml', text }]);
    expect(loaded.findings).toEqual([]);
    expect(loaded.manifests.map((m) => m.object)).toEqual(entities);
  });
});
