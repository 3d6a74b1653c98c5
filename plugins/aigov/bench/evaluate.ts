/**
 * Time to evaluate one entity's live objects in the browser: `evaluateLiveObjects` (the code
 * the tab and the card run) on a 1,000-pod `ObjectsByEntityResponse`. Target: under 100 ms.
 *
 * Three shapes of 1,000 pods:
 * - controllers: 50 Deployments with their ReplicaSets and 20 pods each, plus Services, HPAs
 *   and NetworkPolicies (the pods repeat their Deployment's template and are left out of the
 *   evaluation, as in a portal where the Deployments carry the entity's label);
 * - pods only: the same 1,000 pods without their Deployments and ReplicaSets (only the pod
 *   template carries the label): one pod per ReplicaSet is evaluated for its 20 siblings;
 * - standalone: 1,000 pods without any owner, all different: every pod is evaluated. The
 *   worst case.
 * Beside each, the time of the rules core's `evaluateLive` alone: the part the backend's
 * scheduled scoring runs too; the rest is the view's (sorting, counts, per-object scores).
 *
 * `npm run bench -w @aigov/backstage-plugin`; `BENCH_RUNS=n` sets the runs (median reported).
 * Prints the numbers; always exits 0 (a smoke test in CI, not a gate).
 */
import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { DEFAULT_CUSTOM_RESOURCES, evaluateLive } from '@aigov/rules';
import { evaluateLiveObjects } from '../src/lib/evaluateLive';
import { deployment, networkPolicy, pod, replicaSet } from '../src/testUtils/objects';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));
const TARGET_MS = 100;
const PODS = 1000;

type Obj = Record<string, unknown>;

/** As the API lists built-in kinds: items without apiVersion and kind. */
function listed(objects: Obj[]): Obj[] {
  return objects.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
}

function response(cluster: string, groups: Record<string, Obj[]>): ObjectsByEntityResponse {
  return {
    items: [
      {
        cluster: { name: cluster },
        resources: Object.entries(groups).map(([type, objects]) => ({
          type,
          resources: type === 'customresources' ? objects : listed(objects),
        })) as ObjectsByEntityResponse['items'][number]['resources'],
        errors: [],
        podMetrics: [],
      },
    ],
  };
}

/** The Kubernetes plugin's two answers for one entity, typed as it returns them. */
interface Answers {
  workloads: ObjectsByEntityResponse;
  custom: ObjectsByEntityResponse;
  customResources: typeof DEFAULT_CUSTOM_RESOURCES;
}

function withControllers(): Answers {
  const deployments: Obj[] = [];
  const replicaSets: Obj[] = [];
  const pods: Obj[] = [];
  const services: Obj[] = [];
  const hpas: Obj[] = [];
  const policies: Obj[] = [];
  for (let i = 0; i < PODS / 20; i++) {
    const d = deployment({ name: `llm-${i}`, namespace: `ml-${i % 5}`, replicas: 20 });
    deployments.push(d);
    replicaSets.push(replicaSet(d));
    for (let p = 1; p <= 20; p++) pods.push(pod(d, p, `gpu-node-${(i * 20 + p) % 125}`));
    services.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `llm-${i}`, namespace: `ml-${i % 5}` },
      spec: { selector: { app: 'llm' }, ports: [{ port: 80, targetPort: 8000 }] },
    });
    if (i % 2 === 0)
      hpas.push({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: `llm-${i}`, namespace: `ml-${i % 5}` },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: `llm-${i}` },
          minReplicas: 2,
          maxReplicas: 30,
        },
      });
  }
  for (let n = 0; n < 5; n++) policies.push(networkPolicy(`ml-${n}`));
  return {
    workloads: response('gpu-east', {
      pods,
      services,
      configmaps: [],
      deployments,
      replicasets: replicaSets,
      horizontalpodautoscalers: hpas,
      jobs: [],
      cronjobs: [],
      statefulsets: [],
      daemonsets: [],
    }),
    custom: response('gpu-east', { customresources: policies }),
    customResources: DEFAULT_CUSTOM_RESOURCES,
  };
}

function podsOnly(): Answers {
  const full = withControllers();
  const [cluster] = full.workloads.items;
  if (!cluster) throw new Error('The controllers shape has one cluster');
  const pods = cluster.resources.filter((r) => r.type === 'pods');
  return {
    workloads: { items: [{ ...cluster, resources: pods }] },
    custom: full.custom,
    customResources: DEFAULT_CUSTOM_RESOURCES,
  };
}

function standalonePods(): Answers {
  const pods: Obj[] = [];
  for (let i = 0; i < PODS; i++) {
    const d = deployment({ name: `job-${i}`, namespace: `ml-${i % 5}` });
    const p = pod(d, 1, `gpu-node-${i % 125}`);
    delete (p.metadata as Obj).ownerReferences;
    pods.push(p);
  }
  return {
    workloads: response('gpu-east', {
      pods,
      services: [],
      deployments: [],
      replicasets: [],
      horizontalpodautoscalers: [],
    }),
    custom: response('gpu-east', { customresources: [] }),
    customResources: DEFAULT_CUSTOM_RESOURCES,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function time(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function measure(name: string, input: Answers): void {
  const pods = input.workloads.items
    .flatMap((c) => c.resources)
    .filter((r) => r.type === 'pods')
    .reduce((n, r) => n + r.resources.length, 0);
  // Input is built outside the timed part; the response is what the Kubernetes plugin returns.
  const first = performance.now();
  let result = evaluateLiveObjects(input);
  const coldMs = performance.now() - first;
  const ms = time(() => {
    result = evaluateLiveObjects(input);
  });
  const objects = result.clusters.reduce((n, c) => n + c.objects, 0);
  console.log(
    `${name.padEnd(12)} ${pods} pods → ${objects} objects evaluated, ${result.score.checks} checks, ` +
      `${result.findings.length} findings: median ${ms.toFixed(1)} ms (first run ${coldMs.toFixed(1)} ms) ` +
      `${ms < TARGET_MS ? '✓' : '✗'} target < ${TARGET_MS} ms`,
  );
  const core = time(() => evaluateLive(input));
  console.log(
    `${''.padEnd(12)} of which the rules core's evaluateLive (also the backend's scoring): median ${core.toFixed(1)} ms`,
  );
}

console.log(`evaluateLiveObjects, median of ${RUNS} runs (Node ${process.version})`);
measure('controllers', withControllers());
measure('pods only', podsOnly());
measure('standalone', standalonePods());
