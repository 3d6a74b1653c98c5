import type { KubeObject } from '../util/json';
import { asArray, asObject, asString, compareByKey, getIn } from '../util/json';
import { stableUid } from '../util/hash';
import { KUBERNETES_ID_LABEL } from '../util/kubernetes-id';
import { parseQuantity } from '../util/quantity';

/** One physical GPU of a node, as dcgm-exporter identifies it. */
export interface GpuDevice {
  /** Node name; dcgm-exporter's `Hostname` label. */
  node: string;
  /** Index on the node (`gpu` label). */
  gpu: number;
  /** `GPU-xxxxxxxx-…` (`UUID` label). */
  uuid: string;
  /** `nvidia0`… (`device` label). */
  device: string;
  /** `00000000:18:00.0`… (`pci_bus_id` label). */
  pciBusId: string;
  /** `NVIDIA H100 80GB HBM3` (`modelName` label). */
  modelName: string;
}

/** A GPU allocated to a container of a running pod (dcgm-exporter's pod mapping). */
export interface GpuAllocation extends GpuDevice {
  namespace: string;
  pod: string;
  container: string;
  /** The pod's `backstage.io/kubernetes-id` label, when it has one. */
  component?: string;
}

/** PCI bus ids of the eight GPUs of an HGX H100 board, in index order. */
const HGX_BUS_IDS = ['18', '2A', '3A', '5D', '9A', 'AB', 'BA', 'DB'];

export function gpuDevice(node: KubeObject, index: number): GpuDevice {
  const product = node.metadata.labels?.['nvidia.com/gpu.product'] ?? 'NVIDIA-GPU';
  const bus = HGX_BUS_IDS[index % HGX_BUS_IDS.length] as string;
  return {
    node: node.metadata.name,
    gpu: index,
    uuid: `GPU-${stableUid(`gpu/${node.metadata.name}/${index}`)}`,
    device: `nvidia${index}`,
    pciBusId: `00000000:${bus}:00.0`,
    modelName: product.replace(/-/g, ' '),
  };
}

/** Whole GPUs a node offers to pods (`status.allocatable["nvidia.com/gpu"]`). */
function wholeGpus(node: KubeObject): number {
  return Math.floor(parseQuantity(getIn(node, ['status', 'allocatable', 'nvidia.com/gpu'])) ?? 0);
}

/**
 * Which GPU of which node each running pod's containers hold. Pods are placed in storage order
 * (namespace, then name), containers in order, each taking the lowest free GPU indices of its
 * node — as the device plugin would on a fresh node. Deterministic for a given object set.
 */
export function gpuAllocations(objects: readonly KubeObject[]): GpuAllocation[] {
  const nodes = new Map(
    objects.filter((o) => o.kind === 'Node').map((n) => [n.metadata.name, n] as const),
  );
  const nextFree = new Map<string, number>();
  const pods = objects
    .filter((o) => o.kind === 'Pod' && getIn(o, ['status', 'phase']) === 'Running')
    .sort(compareByKey);
  const out: GpuAllocation[] = [];
  for (const pod of pods) {
    const nodeName = asString(getIn(pod, ['spec', 'nodeName']));
    const node = nodeName === undefined ? undefined : nodes.get(nodeName);
    if (!node || nodeName === undefined) continue;
    for (const raw of asArray(getIn(pod, ['spec', 'containers']))) {
      const container = asObject(raw);
      const count = Math.floor(
        parseQuantity(getIn(container, ['resources', 'limits', 'nvidia.com/gpu'])) ?? 0,
      );
      for (let i = 0; i < count; i++) {
        const index = nextFree.get(nodeName) ?? 0;
        if (index >= wholeGpus(node)) break;
        nextFree.set(nodeName, index + 1);
        const component = pod.metadata.labels?.[KUBERNETES_ID_LABEL];
        out.push({
          ...gpuDevice(node, index),
          namespace: pod.metadata.namespace ?? 'default',
          pod: pod.metadata.name,
          container: asString(container?.name) ?? '',
          ...(component ? { component } : {}),
        });
      }
    }
  }
  return out;
}
