import type { JsonObject, KubeObject } from '../../util/json';
import { asArray, asObject, clone, isObject } from '../../util/json';
import { at, kubeObject, runningPod } from '../builders';
import type { Placer } from '../nodes';
import { GPU_PRODUCT } from '../nodes';
import { demoService, serviceLabels } from '../catalog';
import { defaultServiceSpec } from '../defaults';

const MASTER_PORT = 23456;

/**
 * llama-finetune (research): a Kubeflow PyTorchJob, master + 3 workers × 2 GPUs. Resources,
 * node targeting and priority are set, but torchrun gets the runtime's 64 MiB /dev/shm, the
 * checkpoints written to /checkpoints stay in the container (lost on any restart), the image is
 * `latest`, and nothing schedules the four pods as a gang.
 */
export function llamaFinetune(placer: Placer): KubeObject[] {
  const svc = demoService('llama-finetune');
  const ns = svc.namespace;
  const labels = serviceLabels(svc);

  const replicaTemplate = (): JsonObject => ({
    metadata: { labels },
    spec: {
      priorityClassName: 'training-batch',
      nodeSelector: { 'nvidia.com/gpu.product': GPU_PRODUCT },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      containers: [
        {
          name: 'pytorch',
          image: 'ghcr.io/acme-research/llama-finetune:latest',
          command: [
            'torchrun',
            '--nnodes=4',
            '--nproc-per-node=2',
            'train.py',
            '--model=meta-llama/Llama-3.1-8B',
            '--output-dir=/checkpoints',
            '--save-steps=500',
          ],
          env: [
            {
              name: 'HF_TOKEN',
              valueFrom: { secretKeyRef: { name: 'huggingface', key: 'token' } },
            },
          ],
          resources: {
            requests: { cpu: '16', memory: '128Gi', 'nvidia.com/gpu': '2' },
            limits: { cpu: '16', memory: '128Gi', 'nvidia.com/gpu': '2' },
          },
        },
      ],
    },
  });

  const job = kubeObject(
    'kubeflow.org/v1',
    'PyTorchJob',
    { name: svc.name, namespace: ns, labels, created: -60 * 5, generation: 1 },
    {
      spec: {
        runPolicy: { cleanPodPolicy: 'None', backoffLimit: 3, suspend: false },
        pytorchReplicaSpecs: {
          Master: { replicas: 1, restartPolicy: 'OnFailure', template: replicaTemplate() },
          Worker: { replicas: 3, restartPolicy: 'OnFailure', template: replicaTemplate() },
        },
      },
      status: {
        conditions: [
          {
            type: 'Created',
            status: 'True',
            reason: 'PyTorchJobCreated',
            message: `PyTorchJob ${svc.name} is created.`,
            lastUpdateTime: at(-60 * 5),
            lastTransitionTime: at(-60 * 5),
          },
          {
            type: 'Running',
            status: 'True',
            reason: 'PyTorchJobRunning',
            message: `PyTorchJob ${ns}/${svc.name} is running.`,
            lastUpdateTime: at(-60 * 5 + 2),
            lastTransitionTime: at(-60 * 5 + 2),
          },
        ],
        replicaStatuses: {
          Master: {
            active: 1,
            selector: `training.kubeflow.org/job-name=${svc.name},training.kubeflow.org/operator-name=pytorchjob-controller,training.kubeflow.org/replica-type=master`,
          },
          Worker: {
            active: 3,
            selector: `training.kubeflow.org/job-name=${svc.name},training.kubeflow.org/operator-name=pytorchjob-controller,training.kubeflow.org/replica-type=worker`,
          },
        },
        startTime: at(-60 * 5),
        lastReconcileTime: at(-60 * 5 + 2),
      },
    },
  );

  const operatorLabels = (type: 'master' | 'worker', index: number): Record<string, string> => ({
    'training.kubeflow.org/job-name': svc.name,
    'training.kubeflow.org/operator-name': 'pytorchjob-controller',
    'training.kubeflow.org/replica-index': String(index),
    'training.kubeflow.org/replica-type': type,
    ...(type === 'master' ? { 'training.kubeflow.org/job-role': 'master' } : {}),
  });

  /** The pod the training operator creates for a replica: rendezvous env and port added. */
  const replicaPod = (
    type: 'master' | 'worker',
    index: number,
    rank: number,
    node: string,
  ): KubeObject => {
    const template = clone(replicaTemplate());
    const spec = asObject(template.spec) ?? {};
    const container = asArray(spec.containers).filter(isObject)[0] ?? {};
    container.env = [
      ...asArray(container.env).filter(isObject),
      { name: 'MASTER_PORT', value: String(MASTER_PORT) },
      { name: 'MASTER_ADDR', value: `${svc.name}-master-0` },
      { name: 'WORLD_SIZE', value: '4' },
      { name: 'RANK', value: String(rank) },
      { name: 'PYTHONUNBUFFERED', value: '1' },
    ];
    container.ports = [{ name: 'pytorchjob-port', containerPort: MASTER_PORT }];
    return runningPod({
      name: `${svc.name}-${type}-${index}`,
      namespace: ns,
      owner: job,
      template,
      labels: operatorLabels(type, index),
      placement: placer.on(node),
      created: -60 * 5,
      restartPolicy: 'OnFailure',
    });
  };

  const replicaService = (type: 'master' | 'worker', index: number): KubeObject => {
    const spec: JsonObject = {
      clusterIP: 'None',
      selector: operatorLabels(type, index),
      ports: [{ name: 'pytorchjob-port', port: MASTER_PORT, targetPort: MASTER_PORT }],
    };
    defaultServiceSpec(spec, 'None');
    return kubeObject(
      'v1',
      'Service',
      {
        name: `${svc.name}-${type}-${index}`,
        namespace: ns,
        labels: { ...labels, ...operatorLabels(type, index) },
        owner: job,
        created: -60 * 5,
      },
      { spec, status: { loadBalancer: {} } },
    );
  };

  return [
    job,
    replicaPod('master', 0, 0, 'gpu-node-a'),
    replicaPod('worker', 0, 1, 'gpu-node-a'),
    replicaPod('worker', 1, 2, 'gpu-node-b'),
    replicaPod('worker', 2, 3, 'gpu-node-b'),
    replicaService('master', 0),
    replicaService('worker', 0),
    replicaService('worker', 1),
    replicaService('worker', 2),
  ];
}
