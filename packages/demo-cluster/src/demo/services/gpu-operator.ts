import type { JsonObject, KubeObject } from '../../util/json';
import { asObject, getIn } from '../../util/json';
import { stableSuffix, stableTemplateHash } from '../../util/hash';
import { kubeObject, runningPod } from '../builders';
import type { Placer } from '../nodes';

const NAMESPACE = 'gpu-operator';
const GPU_NODES = ['gpu-node-a', 'gpu-node-b', 'gpu-node-c'];

/**
 * The NVIDIA GPU Operator's daemons on the GPU nodes: no Backstage component owns them, so
 * they show that label selectors keep them out of every service's objects.
 */
function daemonSet(placer: Placer, name: string, image: string, port?: number): KubeObject[] {
  const labels = {
    app: name,
    'app.kubernetes.io/managed-by': 'gpu-operator',
    'helm.sh/chart': 'gpu-operator-v24.9.1',
  };
  const spec: JsonObject = {
    selector: { matchLabels: { app: name } },
    revisionHistoryLimit: 10,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
    template: {
      metadata: { creationTimestamp: null, labels },
      spec: {
        priorityClassName: 'system-node-critical',
        serviceAccountName: name,
        nodeSelector: { 'nvidia.com/gpu.present': 'true' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        restartPolicy: 'Always',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        schedulerName: 'default-scheduler',
        securityContext: {},
        containers: [
          {
            name,
            image,
            imagePullPolicy: 'IfNotPresent',
            ...(port ? { ports: [{ name: 'metrics', containerPort: port, protocol: 'TCP' }] } : {}),
            resources: {},
            securityContext: { privileged: true },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
      },
    },
  };
  const ds = kubeObject(
    'apps/v1',
    'DaemonSet',
    {
      name,
      namespace: NAMESPACE,
      labels,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
      created: -60 * 24 * 14,
      generation: 1,
    },
    {
      spec,
      status: {
        currentNumberScheduled: 3,
        desiredNumberScheduled: 3,
        numberAvailable: 3,
        numberMisscheduled: 0,
        numberReady: 3,
        observedGeneration: 1,
        updatedNumberScheduled: 3,
      },
    },
  );
  const template = asObject(getIn(ds, ['spec', 'template'])) ?? {};
  const pods = GPU_NODES.map((node) =>
    runningPod({
      name: `${name}-${stableSuffix(`${name}/${node}`)}`,
      namespace: NAMESPACE,
      owner: ds,
      template,
      labels: {
        'controller-revision-hash': stableTemplateHash(`${name}/1`),
        'pod-template-generation': '1',
      },
      placement: placer.on(node),
      created: -60 * 24 * 14,
    }),
  );
  return [ds, ...pods];
}

export function gpuOperator(placer: Placer): KubeObject[] {
  return [
    ...daemonSet(
      placer,
      'nvidia-device-plugin-daemonset',
      'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
    ),
    ...daemonSet(
      placer,
      'nvidia-dcgm-exporter',
      'nvcr.io/nvidia/k8s/dcgm-exporter:3.3.9-3.6.1-ubuntu22.04',
      9400,
    ),
  ];
}
