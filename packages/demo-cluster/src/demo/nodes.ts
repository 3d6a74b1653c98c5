import type { KubeObject } from '../util/json';
import { kubeObject } from './builders';
import type { Placement } from './builders';
import { FB_TOTAL_MIB } from '../dcgm/gpu-usage';

/** A node of the demo cluster. */
interface NodeSpec {
  name: string;
  hostIP: string;
  /** Third octet of its pod CIDR (10.244.<n>.0/24). */
  podSubnet: number;
  zone: string;
  /** GPU layout, or undefined for a CPU node. */
  gpu?: 'whole' | 'mig-mixed';
}

const NODES: readonly NodeSpec[] = [
  { name: 'cpu-node-1', hostIP: '10.0.1.10', podSubnet: 1, zone: 'us-east-1a' },
  { name: 'gpu-node-a', hostIP: '10.0.2.11', podSubnet: 2, zone: 'us-east-1a', gpu: 'whole' },
  { name: 'gpu-node-b', hostIP: '10.0.2.12', podSubnet: 3, zone: 'us-east-1b', gpu: 'whole' },
  { name: 'gpu-node-c', hostIP: '10.0.2.13', podSubnet: 4, zone: 'us-east-1b', gpu: 'mig-mixed' },
];

export const GPU_PRODUCT = 'NVIDIA-H100-80GB-HBM3';

/**
 * MIG layout of gpu-node-c (mixed strategy): GPUs 0–3 whole, GPUs 4–5 as seven 1g.10gb slices
 * each, GPUs 6–7 as two 3g.40gb slices each.
 */
const MIG_RESOURCES = {
  'nvidia.com/gpu': '4',
  'nvidia.com/mig-1g.10gb': '14',
  'nvidia.com/mig-3g.40gb': '4',
};

function nodeObject(n: NodeSpec): KubeObject {
  const labels: Record<string, string> = {
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': n.gpu ? 'p5.48xlarge' : 'm7i.8xlarge',
    'topology.kubernetes.io/region': 'us-east-1',
    'topology.kubernetes.io/zone': n.zone,
  };
  if (n.gpu) {
    Object.assign(labels, {
      'nvidia.com/gpu.present': 'true',
      'nvidia.com/gpu.product': GPU_PRODUCT,
      'nvidia.com/gpu.count': '8',
      'nvidia.com/gpu.memory': String(FB_TOTAL_MIB),
      'nvidia.com/gpu.family': 'hopper',
      'nvidia.com/cuda.driver.major': '550',
      'nvidia.com/mig.capable': 'true',
      'nvidia.com/mig.strategy': n.gpu === 'mig-mixed' ? 'mixed' : 'single',
      'nvidia.com/mig.config':
        n.gpu === 'mig-mixed' ? 'custom-4-whole-2x7g1-2x2g3' : 'all-disabled',
      'nvidia.com/mig.config.state': 'success',
    });
  }
  const gpus = n.gpu === 'mig-mixed' ? MIG_RESOURCES : n.gpu ? { 'nvidia.com/gpu': '8' } : {};
  const capacity = n.gpu
    ? {
        cpu: '192',
        memory: '2097152000Ki',
        pods: '110',
        'ephemeral-storage': '3750000000Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        ...gpus,
      }
    : {
        cpu: '32',
        memory: '131072000Ki',
        pods: '110',
        'ephemeral-storage': '488000000Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      };
  const allocatable = n.gpu
    ? {
        cpu: '191450m',
        memory: '2085568000Ki',
        pods: '110',
        'ephemeral-storage': '3455000000000',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        ...gpus,
      }
    : {
        cpu: '31750m',
        memory: '127565000Ki',
        pods: '110',
        'ephemeral-storage': '449000000000',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      };
  return kubeObject(
    'v1',
    'Node',
    {
      name: n.name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      created: -60 * 24 * 14,
    },
    {
      spec: {
        podCIDR: `10.244.${n.podSubnet}.0/24`,
        podCIDRs: [`10.244.${n.podSubnet}.0/24`],
        providerID: `aws:///${n.zone}/i-0${n.podSubnet}5a1c9e3f7b2d4${n.podSubnet}`,
        ...(n.gpu
          ? { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] }
          : {}),
      },
      status: {
        capacity,
        allocatable,
        addresses: [
          { type: 'InternalIP', address: n.hostIP },
          { type: 'Hostname', address: n.name },
        ],
        conditions: [
          {
            type: 'MemoryPressure',
            status: 'False',
            reason: 'KubeletHasSufficientMemory',
            message: 'kubelet has sufficient memory available',
            lastHeartbeatTime: '2025-06-02T07:58:00Z',
            lastTransitionTime: '2025-05-19T08:00:00Z',
          },
          {
            type: 'DiskPressure',
            status: 'False',
            reason: 'KubeletHasNoDiskPressure',
            message: 'kubelet has no disk pressure',
            lastHeartbeatTime: '2025-06-02T07:58:00Z',
            lastTransitionTime: '2025-05-19T08:00:00Z',
          },
          {
            type: 'PIDPressure',
            status: 'False',
            reason: 'KubeletHasSufficientPID',
            message: 'kubelet has sufficient PID available',
            lastHeartbeatTime: '2025-06-02T07:58:00Z',
            lastTransitionTime: '2025-05-19T08:00:00Z',
          },
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: '2025-06-02T07:58:00Z',
            lastTransitionTime: '2025-05-19T08:01:00Z',
          },
        ],
        nodeInfo: {
          architecture: 'amd64',
          bootID: `b00710${n.podSubnet}d-5e1f-4c2a-9d3b-7a8e6f5c4d3${n.podSubnet}`,
          containerRuntimeVersion: 'containerd://1.7.23',
          kernelVersion: '6.1.119-129.201.amzn2023.x86_64',
          kubeProxyVersion: 'v1.31.4',
          kubeletVersion: 'v1.31.4',
          machineID: `ec2${n.podSubnet}f5a1c9e3f7b2d4a6c8e0f1a3b5c7d9e`,
          operatingSystem: 'linux',
          osImage: 'Amazon Linux 2023.6.20241212',
          systemUUID: `ec2${n.podSubnet}f5a1-c9e3-f7b2-d4a6-c8e0f1a3b5c7`,
        },
      },
    },
  );
}

export function demoNodes(): KubeObject[] {
  return NODES.map(nodeObject);
}

/** Hands out pod IPs from each node's pod CIDR, in call order. */
export class Placer {
  private readonly next = new Map<string, number>();

  on(node: string): Placement {
    const spec = NODES.find((n) => n.name === node);
    if (!spec) throw new Error(`no demo node named "${node}"`);
    const host = (this.next.get(node) ?? 10) + 1;
    this.next.set(node, host);
    return { node, podIP: `10.244.${spec.podSubnet}.${host}`, hostIP: spec.hostIP };
  }
}
