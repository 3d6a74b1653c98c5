import type { JsonObject, KubeObject } from '../../util/json';
import { asObject, getIn } from '../../util/json';
import { stableSuffix } from '../../util/hash';
import { at, kubeObject, runningPod, uidOf } from '../builders';
import type { Placer } from '../nodes';
import { GPU_PRODUCT } from '../nodes';
import { demoService, serviceLabels } from '../catalog';
import { defaultJobSpec } from '../defaults';

/**
 * vision-trainer (research): a batch/v1 Job training an image classifier on 2 GPUs. It
 * checkpoints to a PVC, has /dev/shm and resource limits, and bounds its run time; it runs as
 * root and has no priority class.
 */
export function visionTrainer(placer: Placer): KubeObject[] {
  const svc = demoService('vision-trainer');
  const ns = svc.namespace;
  const labels = serviceLabels(svc);
  const uid = uidOf('batch/v1', 'Job', ns, svc.name);
  // The Job controller labels its selector and pods with its own uid.
  const controllerLabels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': svc.name,
    'controller-uid': uid,
    'job-name': svc.name,
  };
  const spec: JsonObject = {
    backoffLimit: 2,
    activeDeadlineSeconds: 86400,
    ttlSecondsAfterFinished: 3600,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
    manualSelector: false,
    template: {
      metadata: { labels: { ...labels, ...controllerLabels } },
      spec: {
        restartPolicy: 'Never',
        nodeSelector: { 'nvidia.com/gpu.product': GPU_PRODUCT },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        containers: [
          {
            name: 'trainer',
            image: 'nvcr.io/nvidia/pytorch:24.10-py3',
            command: [
              'python',
              '/workspace/train.py',
              '--arch=vit_b_16',
              '--epochs=30',
              '--checkpoint-dir=/checkpoints',
            ],
            resources: {
              requests: { cpu: '12', memory: '96Gi', 'nvidia.com/gpu': '2' },
              limits: { cpu: '12', memory: '96Gi', 'nvidia.com/gpu': '2' },
            },
            volumeMounts: [
              { name: 'checkpoints', mountPath: '/checkpoints' },
              { name: 'imagenet', mountPath: '/data/imagenet', readOnly: true },
              { name: 'dshm', mountPath: '/dev/shm' },
            ],
          },
        ],
        volumes: [
          {
            name: 'checkpoints',
            persistentVolumeClaim: { claimName: 'vision-trainer-checkpoints' },
          },
          { name: 'imagenet', persistentVolumeClaim: { claimName: 'imagenet-1k', readOnly: true } },
          { name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: '32Gi' } },
        ],
      },
    },
  };
  defaultJobSpec(spec);
  const job = kubeObject(
    'batch/v1',
    'Job',
    { name: svc.name, namespace: ns, labels, created: -60 * 2, generation: 1 },
    {
      spec,
      status: {
        active: 1,
        ready: 1,
        terminating: 0,
        startTime: at(-60 * 2),
        uncountedTerminatedPods: {},
      },
    },
  );
  const pod = runningPod({
    name: `${svc.name}-${stableSuffix(`${svc.name}/0`)}`,
    namespace: ns,
    owner: job,
    template: asObject(getIn(job, ['spec', 'template'])) ?? {},
    placement: placer.on('gpu-node-b'),
    created: -60 * 2,
    restartPolicy: 'Never',
  });
  return [job, pod];
}
