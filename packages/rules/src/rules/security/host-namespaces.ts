import { defineRule } from '../../engine/rule';

const NAMESPACES = [
  ['hostNetwork', 'the node network: it can bind any host port and reach node-local services'],
  ['hostPID', 'the node process table: it can see and signal every process on the node'],
  ['hostIPC', 'the node IPC namespace: it can read the shared memory of other processes'],
] as const;

export default defineRule({
  meta: {
    id: 'security/host-namespaces',
    category: 'security',
    severity: 'error',
    tags: ['pod-security'],
    description:
      'A pod that shares the node network, process or IPC namespace (hostNetwork, hostPID or hostIPC).',
    rationale:
      'A pod in the host network namespace bypasses NetworkPolicies, can bind any port of the node and reach ' +
      'services that listen on localhost only (the kubelet read-only port, metadata proxies, a GPU exporter). ' +
      'hostPID shows every process of the node, their environment (tokens included) and lets the pod signal ' +
      'them; hostIPC exposes the shared memory of other workloads. Multi-node training rarely needs ' +
      'hostNetwork for throughput any more: RDMA and SR-IOV devices can be given to the pod instead.',
    remediation:
      'Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false). For fast ' +
      'inter-node traffic, attach RDMA/SR-IOV networks (for example with Multus or the NVIDIA Network Operator).',
    anchors: [
      'Polaris hostNetworkSet',
      'Polaris hostPIDSet',
      'Polaris hostIPCSet',
      'Checkov CKV_K8S_17',
      'Checkov CKV_K8S_18',
      'Checkov CKV_K8S_19',
    ],
    messages: {
      shared: 'Pod template sets {{field}}: true and shares {{what}}.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const r = ctx.on(template);
      for (const [field, what] of NAMESPACES)
        if (template.spec[field] === true)
          r.report('shared', [...template.specPath, field], { field, what });
    }
  },
});
