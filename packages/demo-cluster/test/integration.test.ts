import { evaluateManifests, fromObjectsByEntity } from '@aigov/rules';
import type { EvaluationResult } from '@aigov/rules';
import { DEMO_CATALOG, DEMO_CUSTOM_RESOURCES, startDemoCluster } from '../src';
import type { DemoCluster, DemoService } from '../src';
import {
  BACKSTAGE_DEFAULT_OBJECTS,
  fetchObjectsForEntity,
  resourcePath,
} from './support/backstage-fetch';
import type { ClusterObjects } from './support/backstage-fetch';

/**
 * The demo cluster as the portal sees it: each service's objects fetched the way the Backstage
 * Kubernetes backend fetches them, turned into manifests by @aigov/rules, and scored.
 */

const TOKEN = 'demo';

/** Kinds of the object types fetched without error: what the set is complete for. */
function completeKinds(response: ClusterObjects, kindOfType: Record<string, string>): string[] {
  const failed = new Set(response.errors.map((e) => e.resourcePath));
  return Object.entries(kindOfType)
    .filter(([path]) => !failed.has(path))
    .map(([, kind]) => kind);
}

const DEFAULT_KINDS: Record<string, string> = {
  pods: 'Pod',
  services: 'Service',
  configmaps: 'ConfigMap',
  limitranges: 'LimitRange',
  resourcequotas: 'ResourceQuota',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  horizontalpodautoscalers: 'HorizontalPodAutoscaler',
  jobs: 'Job',
  cronjobs: 'CronJob',
  ingresses: 'Ingress',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
};

const CUSTOM_KINDS: Record<string, string> = {
  inferenceservices: 'InferenceService',
  rayclusters: 'RayCluster',
  pytorchjobs: 'PyTorchJob',
  servicemonitors: 'ServiceMonitor',
  poddisruptionbudgets: 'PodDisruptionBudget',
  networkpolicies: 'NetworkPolicy',
};

interface Scored {
  response: ClusterObjects;
  live: ReturnType<typeof fromObjectsByEntity>;
  result: EvaluationResult;
  ruleIds: string[];
}

async function scoreService(
  cluster: DemoCluster,
  svc: DemoService,
  customResources: readonly {
    group: string;
    apiVersion: string;
    plural: string;
  }[] = DEMO_CUSTOM_RESOURCES,
): Promise<Scored> {
  const response = await fetchObjectsForEntity({
    clusterUrl: cluster.url,
    token: TOKEN,
    kubernetesId: svc.name,
    namespace: svc.namespace,
    customResources,
  });
  const live = fromObjectsByEntity({ items: [response] });
  const kindOfPath: Record<string, string> = {};
  for (const t of BACKSTAGE_DEFAULT_OBJECTS)
    kindOfPath[resourcePath(t, svc.namespace)] = DEFAULT_KINDS[t.plural] as string;
  for (const c of customResources)
    kindOfPath[resourcePath(c, svc.namespace)] = CUSTOM_KINDS[c.plural] as string;
  const result = evaluateManifests(live.manifests, {
    complete: { kinds: completeKinds(response, kindOfPath) },
  });
  return {
    response,
    live,
    result,
    ruleIds: [...new Set(result.findings.map((f) => f.ruleId))].sort(),
  };
}

let cluster: DemoCluster;
const scored = new Map<string, Scored>();

beforeAll(async () => {
  cluster = await startDemoCluster({ token: TOKEN });
  for (const svc of DEMO_CATALOG.services) scored.set(svc.name, await scoreService(cluster, svc));
});

afterAll(async () => {
  await cluster.close();
});

function get(name: string): Scored {
  const s = scored.get(name);
  if (!s) throw new Error(`not scored: ${name}`);
  return s;
}

describe('the demo services, fetched as the Backstage Kubernetes plugin does and scored by @aigov/rules', () => {
  it.each(DEMO_CATALOG.services.map((s) => [s.name, s] as const))(
    '%s loads without errors and gets a score',
    (name, svc) => {
      const { response, live, result } = get(name);
      expect(response.errors).toEqual([]);
      expect(live.errors).toEqual([]);
      // The controller chain collapses to the object that defines the workload.
      expect(live.manifests.map((m) => `${m.apiVersion}/${m.kind}/${m.name}`)).toContain(
        `${svc.workload.apiVersion}/${svc.workload.kind}/${svc.workload.name}`,
      );
      expect(live.manifests.filter((m) => m.kind === 'Pod' || m.kind === 'ReplicaSet')).toEqual([]);
      expect(result.score.overall).toBeGreaterThanOrEqual(0);
      expect(result.score.overall).toBeLessThanOrEqual(100);
      expect(result.score.grade).toMatch(/^[ABCDF]$/);
      expect(result.score.checks).toBeGreaterThan(10);
      expect(result.ruleErrors).toEqual([]);
    },
  );

  it.each(DEMO_CATALOG.services.map((s) => [s.name, s.designedFindings] as const))(
    '%s has the findings it was designed with',
    (name, designed) => {
      expect(get(name).ruleIds).toEqual(expect.arrayContaining(designed));
    },
  );

  it('finds only the designed problems in chat-assistant, the mostly good service', () => {
    const chat = get('chat-assistant');
    expect(chat.ruleIds).toEqual([...(DEMO_CATALOG.services[0]?.designedFindings ?? [])].sort());
    expect(chat.result.score.grade).toBe('A');
  });

  it('finds /dev/shm and the checkpoint volume missing in llama-finetune, but not in vision-trainer', () => {
    const llama = get('llama-finetune');
    expect(llama.ruleIds).toEqual(
      expect.arrayContaining(['gpu/shm-missing', 'reliability/checkpoint-volume-missing']),
    );
    const shm = llama.result.findings.filter((f) => f.ruleId === 'gpu/shm-missing');
    expect(shm.map((f) => [f.object?.kind, f.object?.name, f.container])).toEqual([
      ['PyTorchJob', 'llama-finetune', 'pytorch'],
      ['PyTorchJob', 'llama-finetune', 'pytorch'],
    ]);
    const vision = get('vision-trainer');
    expect(vision.ruleIds).not.toContain('gpu/shm-missing');
    expect(vision.ruleIds).not.toContain('reliability/checkpoint-volume-missing');
  });

  it('ranks the services: chat-assistant first, batch-inference below it', () => {
    const score = (n: string): number => get(n).result.score.overall;
    expect(score('chat-assistant')).toBeGreaterThan(score('batch-inference'));
    expect(score('chat-assistant')).toBeGreaterThan(score('embeddings-api'));
    expect(score('vision-trainer')).toBeGreaterThan(score('llama-finetune'));
    const ranking = DEMO_CATALOG.services.map((s) => s.name).sort((a, b) => score(b) - score(a));
    expect(ranking[0]).toBe('chat-assistant');
  });

  it('reports the secret in batch-inference on the RayCluster container that holds it', () => {
    const secret = get('batch-inference').result.findings.filter(
      (f) => f.ruleId === 'security/secret-in-env',
    );
    expect(secret).toEqual([
      expect.objectContaining({
        severity: 'error',
        container: 'ray-worker',
        object: expect.objectContaining({ kind: 'RayCluster' }),
      }),
    ]);
  });
});

describe('a cluster without the Kubeflow CRDs', () => {
  it('reports NOT_FOUND for PyTorchJobs and still scores the job pods that run', async () => {
    const partial = await startDemoCluster({
      token: TOKEN,
      crdGroups: ['serving.kserve.io', 'ray.io', 'monitoring.coreos.com'],
    });
    try {
      const svc = DEMO_CATALOG.services.find((s) => s.name === 'llama-finetune') as DemoService;
      const { response, live, result } = await scoreService(partial, svc);
      expect(response.errors).toEqual([
        {
          errorType: 'NOT_FOUND',
          statusCode: 404,
          resourcePath: '/apis/kubeflow.org/v1/namespaces/research-training/pytorchjobs',
        },
      ]);
      expect(live.errors).toEqual([
        expect.objectContaining({
          cluster: 'demo',
          errorType: 'NOT_FOUND',
          message: expect.stringContaining('custom resource definition'),
        }),
      ]);
      // Without their controller, its pods are checked: one per role (master, 3 workers).
      const pods = live.manifests.filter((m) => m.kind === 'Pod');
      expect(pods.map((m) => [m.name, live.replicas.get(m) ?? 1])).toEqual([
        ['llama-finetune-master-0', 1],
        ['llama-finetune-worker-0', 3],
      ]);
      expect(
        result.findings.some((f) => f.ruleId === 'gpu/shm-missing' && f.object?.kind === 'Pod'),
      ).toBe(true);
    } finally {
      await partial.close();
    }
  });
});

describe('built-in kinds fetched as custom resources', () => {
  // The Backstage backend adds only `kind` to custom resource items; built-in objects (PDBs,
  // NetworkPolicies) have no apiVersion in a list: fromObjectsByEntity fills it from the kind.
  it('keep chat-assistant free of pdb-missing and network-policy-missing', async () => {
    const svc = DEMO_CATALOG.services[0] as DemoService;
    const withPolicies = [
      ...DEMO_CUSTOM_RESOURCES,
      { group: 'policy', apiVersion: 'v1', plural: 'poddisruptionbudgets' },
      { group: 'networking.k8s.io', apiVersion: 'v1', plural: 'networkpolicies' },
    ];
    const { live, ruleIds } = await scoreService(cluster, svc, withPolicies);
    expect(live.manifests.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['PodDisruptionBudget', 'NetworkPolicy']),
    );
    expect(ruleIds).not.toContain('reliability/pdb-missing');
    expect(ruleIds).not.toContain('security/network-policy-missing');
  });
});
