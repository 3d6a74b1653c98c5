import type { JsonObject, KubeObject } from '../util/json';
import { asArray, asObject, asString, getIn } from '../util/json';
import { stableFraction } from '../util/hash';
import { parseQuantity } from '../util/quantity';

/**
 * The metrics API (metrics-server, `metrics.k8s.io/v1beta1`): CPU and memory usage of running
 * pods and of nodes. Usage is a fixed share (35–85 %, derived from the pod and container name)
 * of what the container requests, so it is the same on every call.
 */

const DEFAULT_CPU = 0.1;
const DEFAULT_MEMORY = 128 * 2 ** 20;
const NODE_OVERHEAD = { cpu: 2, memory: 8 * 2 ** 30 };

function requested(container: JsonObject, resource: 'cpu' | 'memory'): number {
  const requests = asObject(getIn(container, ['resources', 'requests']));
  const limits = asObject(getIn(container, ['resources', 'limits']));
  return (
    parseQuantity(requests?.[resource]) ??
    parseQuantity(limits?.[resource]) ??
    (resource === 'cpu' ? DEFAULT_CPU : DEFAULT_MEMORY)
  );
}

function nanocores(cores: number): string {
  return `${Math.round(cores * 1e9)}n`;
}

function kibibytes(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

interface Usage {
  cpu: number;
  memory: number;
}

function containerUsage(pod: KubeObject, container: JsonObject): Usage {
  const name = asString(container.name) ?? '';
  const share =
    0.35 + 0.5 * stableFraction(`${pod.metadata.namespace}/${pod.metadata.name}/${name}`);
  return {
    cpu: requested(container, 'cpu') * share,
    memory: requested(container, 'memory') * share,
  };
}

function isRunning(pod: KubeObject): boolean {
  return getIn(pod, ['status', 'phase']) === 'Running';
}

function containersOf(pod: KubeObject): JsonObject[] {
  return asArray(getIn(pod, ['spec', 'containers'])).filter(
    (c): c is JsonObject => asObject(c) !== undefined,
  );
}

function windowStart(now: Date): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000 - 15_000)
    .toISOString()
    .replace('.000', '');
}

/** PodMetrics of every running pod, labelled like the pod (so label selectors apply). */
export function podMetrics(pods: readonly KubeObject[], now: Date): KubeObject[] {
  return pods.filter(isRunning).map((pod) => ({
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'PodMetrics',
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      creationTimestamp: now.toISOString().replace(/\.\d+Z$/, 'Z'),
      ...(pod.metadata.labels ? { labels: pod.metadata.labels } : {}),
    },
    timestamp: windowStart(now),
    window: '30s',
    containers: containersOf(pod).map((c) => {
      const usage = containerUsage(pod, c);
      return {
        name: asString(c.name) ?? '',
        usage: { cpu: nanocores(usage.cpu), memory: kibibytes(usage.memory) },
      };
    }),
  }));
}

/** NodeMetrics: the usage of the running pods on each node plus a fixed system overhead. */
export function nodeMetrics(
  nodes: readonly KubeObject[],
  pods: readonly KubeObject[],
  now: Date,
): KubeObject[] {
  return nodes.map((node) => {
    const total: Usage = { ...NODE_OVERHEAD };
    for (const pod of pods) {
      if (!isRunning(pod) || getIn(pod, ['spec', 'nodeName']) !== node.metadata.name) continue;
      for (const c of containersOf(pod)) {
        const u = containerUsage(pod, c);
        total.cpu += u.cpu;
        total.memory += u.memory;
      }
    }
    return {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: {
        name: node.metadata.name,
        creationTimestamp: now.toISOString().replace(/\.\d+Z$/, 'Z'),
        ...(node.metadata.labels ? { labels: node.metadata.labels } : {}),
      },
      timestamp: windowStart(now),
      window: '20.05s',
      usage: { cpu: nanocores(total.cpu), memory: kibibytes(total.memory) },
    };
  });
}
