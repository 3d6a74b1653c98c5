import type { JsonObject, KubeObject } from '../../util/json';
import {
  at,
  kubeObject,
  replicaSetFor,
  replicaSetPodName,
  runningPod,
  templateAt,
} from '../builders';
import type { Placer } from '../nodes';
import { GPU_PRODUCT } from '../nodes';
import { demoService, serviceLabels } from '../catalog';
import { defaultDeploymentSpec, defaultServiceSpec } from '../defaults';

/**
 * chat-assistant (ml-platform): a vLLM Deployment done mostly right — 2 replicas × 2 GPUs,
 * startup probe sized for the model load, /dev/shm, read-only model volume, HPA on the request
 * queue, PDB, NetworkPolicy, ServiceMonitor, hardened security context. Left to find: the
 * default rolling update surges a GPU pod, CPU requests below limits (not Guaranteed QoS), and
 * spec.replicas kept while the HPA scales it.
 */
export function chatAssistant(placer: Placer): KubeObject[] {
  const svc = demoService('chat-assistant');
  const ns = svc.namespace;
  const labels = {
    app: svc.name,
    'app.kubernetes.io/component': 'inference',
    ...serviceLabels(svc),
  };
  const selector = { app: svc.name };

  const podSpec: JsonObject = {
    serviceAccountName: svc.name,
    automountServiceAccountToken: false,
    priorityClassName: 'inference-high',
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    nodeSelector: { 'nvidia.com/gpu.product': GPU_PRODUCT },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: selector },
      },
    ],
    containers: [
      {
        name: 'vllm',
        image: 'vllm/vllm-openai:v0.6.4.post1',
        args: [
          '--model=/models/Meta-Llama-3.1-70B-Instruct-AWQ-INT4',
          '--served-model-name=chat',
          '--tensor-parallel-size=2',
          '--gpu-memory-utilization=0.90',
          '--max-model-len=16384',
          '--port=8000',
        ],
        env: [
          { name: 'HF_HUB_OFFLINE', value: '1' },
          { name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'huggingface', key: 'token' } } },
        ],
        ports: [{ name: 'http', containerPort: 8000 }],
        resources: {
          requests: {
            cpu: '8',
            memory: '96Gi',
            'ephemeral-storage': '10Gi',
            'nvidia.com/gpu': '2',
          },
          limits: { cpu: '16', memory: '96Gi', 'ephemeral-storage': '10Gi', 'nvidia.com/gpu': '2' },
        },
        securityContext: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        },
        startupProbe: {
          httpGet: { path: '/health', port: 'http' },
          periodSeconds: 10,
          failureThreshold: 90,
        },
        livenessProbe: {
          httpGet: { path: '/health', port: 'http' },
          periodSeconds: 15,
          failureThreshold: 4,
        },
        readinessProbe: { httpGet: { path: '/v1/models', port: 'http' }, periodSeconds: 5 },
        volumeMounts: [
          { name: 'weights', mountPath: '/models', readOnly: true },
          { name: 'dshm', mountPath: '/dev/shm' },
          { name: 'tmp', mountPath: '/tmp' },
        ],
      },
    ],
    volumes: [
      {
        name: 'weights',
        persistentVolumeClaim: { claimName: 'llama-3-1-70b-awq', readOnly: true },
      },
      { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '16Gi' } },
      { name: 'tmp', emptyDir: { sizeLimit: '2Gi' } },
    ],
  };

  const deploymentSpec: JsonObject = {
    replicas: 2,
    selector: { matchLabels: selector },
    template: {
      metadata: { labels, annotations: { 'kubectl.kubernetes.io/default-container': 'vllm' } },
      spec: podSpec,
    },
  };
  defaultDeploymentSpec(deploymentSpec);
  const deployment = kubeObject(
    'apps/v1',
    'Deployment',
    {
      name: svc.name,
      namespace: ns,
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '2' },
      created: -60 * 24 * 9,
      generation: 3,
    },
    {
      spec: deploymentSpec,
      status: {
        observedGeneration: 3,
        replicas: 2,
        updatedReplicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: '2025-05-24T09:14:00Z',
            lastTransitionTime: '2025-05-24T09:14:00Z',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${svc.name}" has successfully progressed.`,
            lastUpdateTime: '2025-06-01T16:42:00Z',
            lastTransitionTime: '2025-05-24T09:02:00Z',
          },
        ],
      },
    },
  );

  // The previous revision (an older vLLM) is kept, scaled to zero, as Deployments do.
  const oldTemplate = structuredClone(templateAt(deployment, ['spec', 'template']));
  const oldContainer = (
    (oldTemplate.spec as JsonObject).containers as JsonObject[]
  )[0] as JsonObject;
  oldContainer.image = 'vllm/vllm-openai:v0.6.3';
  const previous = replicaSetFor({
    deployment,
    revision: 1,
    replicas: 0,
    created: -60 * 24 * 9,
    template: oldTemplate,
  });
  const current = replicaSetFor({ deployment, revision: 2, replicas: 2, created: -60 * 16 });
  const currentTemplate = templateAt(current, ['spec', 'template']);
  const pods = ['gpu-node-a', 'gpu-node-b'].map((node, i) =>
    runningPod({
      name: replicaSetPodName(current, i),
      namespace: ns,
      owner: current,
      template: currentTemplate,
      placement: placer.on(node),
      created: -60 * 16 + i,
    }),
  );

  const serviceSpec: JsonObject = {
    selector,
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  };
  defaultServiceSpec(serviceSpec, '172.20.41.17');

  return [
    kubeObject(
      'v1',
      'ServiceAccount',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 9 },
      {
        automountServiceAccountToken: false,
      },
    ),
    kubeObject(
      'v1',
      'ConfigMap',
      { name: `${svc.name}-chat-template`, namespace: ns, labels, created: -60 * 24 * 9 },
      {
        data: {
          'template.jinja':
            "{% for message in messages %}<|start_header_id|>{{ message['role'] }}<|end_header_id|>\n\n{{ message['content'] }}<|eot_id|>{% endfor %}",
        },
      },
    ),
    deployment,
    previous,
    current,
    ...pods,
    kubeObject(
      'v1',
      'Service',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 9 },
      {
        spec: serviceSpec,
        status: { loadBalancer: {} },
      },
    ),
    kubeObject(
      'autoscaling/v2',
      'HorizontalPodAutoscaler',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 9 },
      {
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: svc.name },
          minReplicas: 2,
          maxReplicas: 6,
          metrics: [
            {
              type: 'Pods',
              pods: {
                metric: { name: 'vllm:num_requests_waiting' },
                target: { type: 'AverageValue', averageValue: '5' },
              },
            },
          ],
          behavior: {
            scaleDown: {
              stabilizationWindowSeconds: 600,
              policies: [{ type: 'Pods', value: 1, periodSeconds: 300 }],
              selectPolicy: 'Max',
            },
            scaleUp: {
              stabilizationWindowSeconds: 0,
              policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }],
              selectPolicy: 'Max',
            },
          },
        },
        status: {
          currentReplicas: 2,
          desiredReplicas: 2,
          currentMetrics: [
            {
              type: 'Pods',
              pods: {
                metric: { name: 'vllm:num_requests_waiting' },
                current: { averageValue: '1500m' },
              },
            },
          ],
          conditions: [
            {
              type: 'AbleToScale',
              status: 'True',
              reason: 'ReadyForNewScale',
              lastTransitionTime: at(-60 * 24 * 8),
            },
            {
              type: 'ScalingActive',
              status: 'True',
              reason: 'ValidMetricFound',
              lastTransitionTime: at(-60 * 24 * 8),
            },
            {
              type: 'ScalingLimited',
              status: 'True',
              reason: 'TooFewReplicas',
              lastTransitionTime: at(-60 * 24 * 8),
            },
          ],
        },
      },
    ),
    kubeObject(
      'policy/v1',
      'PodDisruptionBudget',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 9, generation: 1 },
      {
        spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
        status: {
          currentHealthy: 2,
          desiredHealthy: 1,
          disruptionsAllowed: 1,
          expectedPods: 2,
          observedGeneration: 1,
        },
      },
    ),
    kubeObject(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 9 },
      {
        spec: {
          podSelector: { matchLabels: selector },
          policyTypes: ['Ingress'],
          ingress: [
            {
              from: [
                {
                  namespaceSelector: {
                    matchLabels: { 'kubernetes.io/metadata.name': 'api-gateway' },
                  },
                },
                {
                  namespaceSelector: {
                    matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
                  },
                },
              ],
              ports: [{ protocol: 'TCP', port: 8000 }],
            },
          ],
        },
      },
    ),
    kubeObject(
      'monitoring.coreos.com/v1',
      'ServiceMonitor',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 9, generation: 1 },
      {
        spec: {
          selector: { matchLabels: { app: svc.name } },
          endpoints: [{ port: 'http', path: '/metrics', interval: '15s' }],
        },
      },
    ),
  ];
}
