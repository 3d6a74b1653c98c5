import type { JsonObject, KubeObject } from '../../util/json';
import { asArray, asObject, asString, clone, getIn, isObject } from '../../util/json';
import { stableSuffix } from '../../util/hash';
import { at, kubeObject, runningPod } from '../builders';
import type { Placer } from '../nodes';
import { demoService, serviceLabels } from '../catalog';
import { defaultServiceSpec } from '../defaults';

/**
 * batch-inference (ml-platform): a KubeRay RayCluster with a CPU head and a GPU worker group of
 * two. Several problems: a mutable `latest` image, no memory request or limit on the GPU
 * workers, an AWS secret key written into the pod spec, the dataset on a disk emptyDir at
 * /data, and no GPU node targeting.
 */
export function batchInference(placer: Placer): KubeObject[] {
  const svc = demoService('batch-inference');
  const ns = svc.namespace;
  const labels = serviceLabels(svc);
  const image = 'rayproject/ray-ml:latest';

  const head: JsonObject = {
    rayStartParams: { 'dashboard-host': '0.0.0.0', 'num-gpus': '0' },
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: 'ray-head',
            image,
            ports: [
              { name: 'gcs-server', containerPort: 6379 },
              { name: 'dashboard', containerPort: 8265 },
              { name: 'client', containerPort: 10001 },
            ],
            resources: {
              requests: { cpu: '4', memory: '16Gi' },
              limits: { cpu: '4', memory: '16Gi' },
            },
          },
        ],
      },
    },
  };
  const worker: JsonObject = {
    groupName: 'gpu-workers',
    replicas: 2,
    minReplicas: 2,
    maxReplicas: 4,
    rayStartParams: {},
    template: {
      metadata: { labels },
      spec: {
        containers: [
          {
            name: 'ray-worker',
            image,
            env: [
              { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAIOSFODNN7EXAMPLE' },
              { name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
              { name: 'DATASET_URI', value: 's3://acme-docs/2025-05/' },
            ],
            resources: {
              requests: { cpu: '8', 'nvidia.com/gpu': '1' },
              limits: { cpu: '8', 'nvidia.com/gpu': '1' },
            },
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumes: [{ name: 'data', emptyDir: {} }],
      },
    },
  };
  const cluster = kubeObject(
    'ray.io/v1',
    'RayCluster',
    { name: svc.name, namespace: ns, labels, created: -60 * 24 * 3, generation: 1 },
    {
      spec: {
        rayVersion: '2.9.0',
        enableInTreeAutoscaling: false,
        headGroupSpec: head,
        workerGroupSpecs: [worker],
      },
      status: {
        state: 'ready',
        readyWorkerReplicas: 2,
        availableWorkerReplicas: 2,
        desiredWorkerReplicas: 2,
        minWorkerReplicas: 2,
        maxWorkerReplicas: 4,
        desiredCPU: '20',
        desiredMemory: '16Gi',
        desiredGPU: '2',
        desiredTPU: '0',
        endpoints: { client: '10001', dashboard: '8265', 'gcs-server': '6379', metrics: '8080' },
        head: { serviceName: `${svc.name}-head-svc`, serviceIP: '172.20.130.9' },
        conditions: [
          {
            type: 'HeadPodReady',
            status: 'True',
            reason: 'HeadPodRunningAndReady',
            lastTransitionTime: at(-60 * 24 * 3 + 2),
          },
          {
            type: 'RayClusterProvisioned',
            status: 'True',
            reason: 'AllPodRunningAndReadyFirstTime',
            lastTransitionTime: at(-60 * 24 * 3 + 4),
          },
        ],
        lastUpdateTime: at(-60 * 24 * 3 + 4),
        observedGeneration: 1,
      },
    },
  );

  /** The pod KubeRay builds from a group's template: its labels, env, /dev/shm and probes. */
  const rayPod = (
    group: JsonObject,
    nodeType: 'head' | 'worker',
    groupName: string,
    index: number,
    node: string,
  ): KubeObject => {
    const template = clone(asObject(group.template) ?? {});
    const spec = asObject(template.spec) ?? {};
    const container = asArray(spec.containers).filter(isObject)[0] ?? {};
    const memoryLimit = asString(getIn(container, ['resources', 'limits', 'memory']));
    container.env = [
      ...asArray(container.env).filter(isObject),
      {
        name: 'RAY_CLUSTER_NAME',
        valueFrom: {
          fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['ray.io/cluster']" },
        },
      },
      {
        name: 'RAY_CLOUD_INSTANCE_ID',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
      },
      {
        name: 'RAY_NODE_TYPE_NAME',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['ray.io/group']" } },
      },
      {
        name: 'KUBERAY_GEN_RAY_START_CMD',
        value:
          nodeType === 'head'
            ? 'ray start --head --dashboard-host=0.0.0.0 --num-gpus=0 --block'
            : `ray start --address=${svc.name}-head-svc.${ns}.svc.cluster.local:6379 --block`,
      },
      { name: 'RAY_PORT', value: '6379' },
      { name: 'RAY_USAGE_STATS_KUBERAY_IN_USE', value: '1' },
    ];
    container.command = ['/bin/bash', '-lc', '--'];
    container.args = [
      `ulimit -n 65536; ${nodeType === 'head' ? 'ray start --head --dashboard-host=0.0.0.0 --num-gpus=0 --block' : `ray start --address=${svc.name}-head-svc.${ns}.svc.cluster.local:6379 --block`}`,
    ];
    container.ports = [
      ...asArray(container.ports).filter(isObject),
      { name: 'metrics', containerPort: 8080 },
    ];
    const check =
      nodeType === 'head'
        ? 'wget -T 2 -q -O- http://localhost:52365/api/local_raylet_healthz | grep success && wget -T 2 -q -O- http://localhost:8265/api/gcs_healthz | grep success'
        : 'wget -T 2 -q -O- http://localhost:52365/api/local_raylet_healthz | grep success';
    container.livenessProbe = {
      exec: { command: ['bash', '-c', check] },
      initialDelaySeconds: 30,
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 120,
    };
    container.readinessProbe = {
      exec: { command: ['bash', '-c', check] },
      initialDelaySeconds: 10,
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 10,
    };
    container.volumeMounts = [
      ...asArray(container.volumeMounts).filter(isObject),
      { name: 'shared-mem', mountPath: '/dev/shm' },
    ];
    spec.volumes = [
      ...asArray(spec.volumes).filter(isObject),
      {
        name: 'shared-mem',
        emptyDir: { medium: 'Memory', ...(memoryLimit ? { sizeLimit: memoryLimit } : {}) },
      },
    ];
    const name =
      nodeType === 'head'
        ? `${svc.name}-head-${stableSuffix(`${svc.name}/head/${index}`)}`
        : `${svc.name}-${groupName}-worker-${stableSuffix(`${svc.name}/${groupName}/${index}`)}`;
    return runningPod({
      name,
      namespace: ns,
      owner: cluster,
      template,
      labels: {
        'app.kubernetes.io/created-by': 'kuberay-operator',
        'app.kubernetes.io/name': 'kuberay',
        'ray.io/cluster': svc.name,
        'ray.io/group': groupName,
        'ray.io/identifier': `${svc.name}-${nodeType}`,
        'ray.io/is-ray-node': 'yes',
        'ray.io/node-type': nodeType,
      },
      placement: placer.on(node),
      created: -60 * 24 * 3 + (nodeType === 'head' ? 0 : 1),
    });
  };

  const headService: JsonObject = {
    selector: { 'ray.io/cluster': svc.name, 'ray.io/node-type': 'head' },
    ports: [
      { name: 'client', port: 10001, targetPort: 10001 },
      { name: 'dashboard', port: 8265, targetPort: 8265 },
      { name: 'gcs-server', port: 6379, targetPort: 6379 },
      { name: 'metrics', port: 8080, targetPort: 8080 },
    ],
  };
  defaultServiceSpec(headService, '172.20.130.9');

  return [
    cluster,
    rayPod(head, 'head', 'headgroup', 0, 'cpu-node-1'),
    rayPod(worker, 'worker', 'gpu-workers', 0, 'gpu-node-c'),
    rayPod(worker, 'worker', 'gpu-workers', 1, 'gpu-node-c'),
    kubeObject(
      'v1',
      'Service',
      {
        name: `${svc.name}-head-svc`,
        namespace: ns,
        labels: {
          ...labels,
          'app.kubernetes.io/created-by': 'kuberay-operator',
          'ray.io/cluster': svc.name,
          'ray.io/identifier': `${svc.name}-head`,
          'ray.io/node-type': 'head',
        },
        owner: cluster,
        created: -60 * 24 * 3,
      },
      { spec: headService, status: { loadBalancer: {} } },
    ),
  ];
}
