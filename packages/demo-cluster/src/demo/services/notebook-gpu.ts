import type { JsonObject, KubeObject } from '../../util/json';
import { asObject, getIn } from '../../util/json';
import { stableTemplateHash } from '../../util/hash';
import { kubeObject, runningPod } from '../builders';
import type { Placer } from '../nodes';
import { demoService, serviceLabels } from '../catalog';
import { defaultServiceSpec, defaultStatefulSetSpec } from '../defaults';

/**
 * notebook-gpu (research): a Jupyter StatefulSet of one that holds a whole H100 and barely
 * uses it (utilisation under 5 % in the DCGM fixture). No probes, no /dev/shm, one replica.
 */
export function notebookGpu(placer: Placer): KubeObject[] {
  const svc = demoService('notebook-gpu');
  const ns = svc.namespace;
  const labels = { app: svc.name, ...serviceLabels(svc) };
  const spec: JsonObject = {
    replicas: 1,
    serviceName: svc.name,
    selector: { matchLabels: { app: svc.name } },
    template: {
      metadata: { labels },
      spec: {
        securityContext: { runAsUser: 1000, runAsGroup: 100, fsGroup: 100 },
        nodeSelector: { 'nvidia.com/gpu.present': 'true' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        containers: [
          {
            name: 'notebook',
            image: 'quay.io/jupyter/pytorch-notebook:cuda12-2024-11-18',
            args: ['start-notebook.py', '--ServerApp.base_url=/notebook/research/alan/'],
            env: [{ name: 'JUPYTER_ENABLE_LAB', value: 'yes' }],
            ports: [{ name: 'notebook', containerPort: 8888 }],
            resources: {
              requests: { cpu: '4', memory: '32Gi', 'nvidia.com/gpu': '1' },
              limits: { cpu: '8', memory: '32Gi', 'nvidia.com/gpu': '1' },
            },
            volumeMounts: [{ name: 'home', mountPath: '/home/jovyan' }],
          },
        ],
      },
    },
    volumeClaimTemplates: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'home' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: '100Gi' } },
          volumeMode: 'Filesystem',
        },
        status: { phase: 'Pending' },
      },
    ],
  };
  defaultStatefulSetSpec(spec);
  const revision = `${svc.name}-${stableTemplateHash(`${svc.name}/1`)}`;
  const sts = kubeObject(
    'apps/v1',
    'StatefulSet',
    { name: svc.name, namespace: ns, labels, created: -60 * 24 * 20, generation: 1 },
    {
      spec,
      status: {
        observedGeneration: 1,
        replicas: 1,
        readyReplicas: 1,
        currentReplicas: 1,
        updatedReplicas: 1,
        availableReplicas: 1,
        currentRevision: revision,
        updateRevision: revision,
        collisionCount: 0,
      },
    },
  );
  const template = structuredClone(asObject(getIn(sts, ['spec', 'template'])) ?? {});
  const podSpec = asObject(template.spec) ?? {};
  podSpec.hostname = `${svc.name}-0`;
  podSpec.subdomain = svc.name;
  podSpec.volumes = [{ name: 'home', persistentVolumeClaim: { claimName: `home-${svc.name}-0` } }];
  const pod = runningPod({
    name: `${svc.name}-0`,
    namespace: ns,
    owner: sts,
    template,
    labels: {
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': revision,
      'statefulset.kubernetes.io/pod-name': `${svc.name}-0`,
    },
    placement: placer.on('gpu-node-a'),
    created: -60 * 24 * 20,
  });
  const serviceSpec: JsonObject = {
    clusterIP: 'None',
    selector: { app: svc.name },
    ports: [{ name: 'notebook', port: 8888, targetPort: 'notebook' }],
  };
  defaultServiceSpec(serviceSpec, 'None');
  return [
    sts,
    pod,
    kubeObject(
      'v1',
      'Service',
      { name: svc.name, namespace: ns, labels, created: -60 * 24 * 20 },
      {
        spec: serviceSpec,
        status: { loadBalancer: {} },
      },
    ),
  ];
}
