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
import { demoService, serviceLabels } from '../catalog';
import { defaultDeploymentSpec, defaultServiceSpec } from '../defaults';

/**
 * embeddings-api (ml-platform): a KServe InferenceService in RawDeployment mode serving Text
 * Embeddings Inference on one GPU. KServe creates the Deployment, its ReplicaSet and pod, the
 * Service and the HPA, all owned by the InferenceService. Missing: a memory limit, /dev/shm, a
 * liveness probe and any security context; and it scales a GPU server on CPU.
 */
export function embeddingsApi(placer: Placer): KubeObject[] {
  const svc = demoService('embeddings-api');
  const ns = svc.namespace;
  const labels = serviceLabels(svc);
  const annotations = {
    'serving.kserve.io/deploymentMode': 'RawDeployment',
    'serving.kserve.io/autoscalerClass': 'hpa',
  };
  const container: JsonObject = {
    name: 'kserve-container',
    image: 'ghcr.io/huggingface/text-embeddings-inference:1.5',
    args: ['--model-id=/mnt/models/bge-large-en-v1.5', '--port=8080', '--max-batch-tokens=65536'],
    env: [{ name: 'HF_HUB_OFFLINE', value: '1' }],
    ports: [{ containerPort: 8080, protocol: 'TCP' }],
    resources: {
      requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
      limits: { cpu: '4', 'nvidia.com/gpu': '1' },
    },
    readinessProbe: { httpGet: { path: '/health', port: 8080 }, periodSeconds: 10 },
    volumeMounts: [{ name: 'models', mountPath: '/mnt/models', readOnly: true }],
  };
  const isvc = kubeObject(
    'serving.kserve.io/v1beta1',
    'InferenceService',
    { name: svc.name, namespace: ns, labels, annotations, created: -60 * 24 * 6, generation: 1 },
    {
      spec: {
        predictor: {
          minReplicas: 1,
          maxReplicas: 3,
          scaleMetric: 'cpu',
          scaleTarget: 80,
          nodeSelector: { 'nvidia.com/gpu.present': 'true' },
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          containers: [container],
          volumes: [
            {
              name: 'models',
              persistentVolumeClaim: { claimName: 'embedding-models', readOnly: true },
            },
          ],
        },
      },
      status: {
        url: `http://${svc.name}-${ns}.inference.example.com`,
        address: { url: `http://${svc.name}-predictor.${ns}.svc.cluster.local` },
        components: {
          predictor: { url: `http://${svc.name}-predictor-${ns}.inference.example.com` },
        },
        conditions: [
          { type: 'IngressReady', status: 'True', lastTransitionTime: at(-60 * 24 * 6 + 4) },
          { type: 'PredictorReady', status: 'True', lastTransitionTime: at(-60 * 24 * 6 + 4) },
          { type: 'Ready', status: 'True', lastTransitionTime: at(-60 * 24 * 6 + 4) },
        ],
        modelStatus: {
          states: { activeModelState: 'Loaded', targetModelState: 'Loaded' },
          transitionStatus: 'UpToDate',
        },
        observedGeneration: 1,
      },
    },
  );

  // What KServe's RawDeployment reconciler creates from the predictor.
  const name = `${svc.name}-predictor`;
  const podLabels = {
    ...labels,
    app: `isvc.${name}`,
    component: 'predictor',
    'serving.kserve.io/inferenceservice': svc.name,
  };
  const deploymentSpec: JsonObject = {
    replicas: 1,
    selector: { matchLabels: { app: `isvc.${name}` } },
    template: {
      metadata: { name, namespace: ns, labels: podLabels, annotations },
      spec: {
        nodeSelector: { 'nvidia.com/gpu.present': 'true' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        containers: [container],
        volumes: [
          {
            name: 'models',
            persistentVolumeClaim: { claimName: 'embedding-models', readOnly: true },
          },
        ],
      },
    },
  };
  defaultDeploymentSpec(deploymentSpec);
  const deployment = kubeObject(
    'apps/v1',
    'Deployment',
    {
      name,
      namespace: ns,
      labels: podLabels,
      annotations: { ...annotations, 'deployment.kubernetes.io/revision': '1' },
      owner: isvc,
      created: -60 * 24 * 6,
      generation: 1,
    },
    {
      spec: deploymentSpec,
      status: {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 1,
        readyReplicas: 1,
        availableReplicas: 1,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: at(-60 * 24 * 6 + 3),
            lastTransitionTime: at(-60 * 24 * 6 + 3),
          },
        ],
      },
    },
  );
  const rs = replicaSetFor({ deployment, revision: 1, replicas: 1, created: -60 * 24 * 6 });
  const pod = runningPod({
    name: replicaSetPodName(rs, 0),
    namespace: ns,
    owner: rs,
    template: templateAt(rs, ['spec', 'template']),
    placement: placer.on('gpu-node-c'),
    created: -60 * 24 * 6,
  });
  const serviceSpec: JsonObject = {
    selector: { app: `isvc.${name}` },
    ports: [{ name: `${name}-http`, port: 80, targetPort: 8080 }],
  };
  defaultServiceSpec(serviceSpec, '172.20.88.5');

  return [
    isvc,
    deployment,
    rs,
    pod,
    kubeObject(
      'v1',
      'Service',
      { name, namespace: ns, labels: podLabels, annotations, owner: isvc, created: -60 * 24 * 6 },
      {
        spec: serviceSpec,
        status: { loadBalancer: {} },
      },
    ),
    kubeObject(
      'autoscaling/v2',
      'HorizontalPodAutoscaler',
      { name, namespace: ns, labels: podLabels, annotations, owner: isvc, created: -60 * 24 * 6 },
      {
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
          minReplicas: 1,
          maxReplicas: 3,
          metrics: [
            {
              type: 'Resource',
              resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
            },
          ],
        },
        status: { currentReplicas: 1, desiredReplicas: 1 },
      },
    ),
  ];
}
