/**
 * fast-check arbitraries for objects shaped like Kubernetes manifests: every workload kind the
 * bundle knows (built-in and AI custom resources) with pod templates at their real paths, the
 * objects rules read beside them, and at every field either a well-typed value or a wrong one
 * (null, a number as a string, a list where a map goes…).
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { JsonObject, JsonValue } from '../../src/model';

/** Anything JSON: what a careless or hostile author may put in any field. */
export const weird: Arbitrary<JsonValue> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 100000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constantFrom(
    '',
    '1',
    '0.5',
    '-1',
    '2Gi',
    '500m',
    'abc',
    '1e3',
    'nvidia.com/gpu',
    '*',
    'true',
    '100%',
  ),
  fc.string({ maxLength: 8 }),
  fc.constant<JsonValue>([]),
  fc.constant<JsonValue>({}),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 2 }),
  fc.dictionary(
    fc.constantFrom('a', 'name', 'port', 'cpu'),
    fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
    { maxKeys: 2 },
  ),
);

/** Mostly `typed`, sometimes anything. */
function field<T extends JsonValue>(typed: Arbitrary<T>): Arbitrary<JsonValue> {
  return fc.oneof({ arbitrary: typed, weight: 4 }, { arbitrary: weird, weight: 1 });
}

/** An object whose keys are each present or not. */
function partial(shape: Record<string, Arbitrary<JsonValue>>): Arbitrary<JsonObject> {
  return fc.record(shape, { requiredKeys: [] }) as Arbitrary<JsonObject>;
}

/** Field values or wrong values, and a whole wrong value instead of the object sometimes. */
function obj(shape: Record<string, Arbitrary<JsonValue>>): Arbitrary<JsonValue> {
  return field(partial(shape));
}

function list(item: Arbitrary<JsonValue>, maxLength = 3): Arbitrary<JsonValue> {
  return field(fc.array(item, { maxLength }));
}

const NAMES = ['a', 'b', 'model', 'vllm'];
const name = field(fc.constantFrom(...NAMES));
const labels = field(
  fc.dictionary(
    fc.constantFrom('app', 'team', 'kueue.x-k8s.io/queue-name'),
    fc.constantFrom('a', 'b', 'q'),
    { maxKeys: 2 },
  ),
);

const quantity = field(
  fc.oneof(
    fc.constantFrom('100m', '1', '2', '0.5', '1Gi', '512Mi', '2 Gi', '1.5.0', '', '-1', '1e3', '8'),
    fc.integer({ min: -1, max: 16 }),
    fc.double({ min: -1, max: 16, noNaN: true }),
  ),
);
const resourceList = field(
  fc.dictionary(
    fc.constantFrom(
      'cpu',
      'memory',
      'ephemeral-storage',
      'nvidia.com/gpu',
      'nvidia.com/gpu.shared',
      'nvidia.com/mig-1g.10gb',
      'amd.com/gpu',
      'gpu.intel.com/i915',
    ),
    quantity,
    { maxKeys: 4 },
  ),
);
const resources = obj({ requests: resourceList, limits: resourceList, claims: weird });

const port = field(
  fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom('http', 'metrics', '8000', '')),
);
const probe = obj({
  httpGet: obj({ path: field(fc.constantFrom('/health', '/metrics', '')), port, scheme: weird }),
  tcpSocket: obj({ port }),
  grpc: obj({ port }),
  exec: obj({ command: list(fc.string({ maxLength: 6 })) }),
  initialDelaySeconds: field(fc.integer({ min: -1, max: 1000 })),
  periodSeconds: field(fc.integer({ min: -1, max: 100 })),
  failureThreshold: field(fc.integer({ min: -1, max: 100 })),
  timeoutSeconds: field(fc.integer({ min: -1, max: 100 })),
  successThreshold: field(fc.integer({ min: 0, max: 3 })),
});
const securityContext = obj({
  privileged: field(fc.boolean()),
  allowPrivilegeEscalation: field(fc.boolean()),
  readOnlyRootFilesystem: field(fc.boolean()),
  runAsNonRoot: field(fc.boolean()),
  runAsUser: field(fc.integer({ min: -1, max: 2000 })),
  capabilities: obj({
    add: list(fc.constantFrom('SYS_ADMIN', 'NET_ADMIN', 'ALL', 'IPC_LOCK')),
    drop: list(fc.constantFrom('ALL', 'NET_RAW')),
  }),
  seccompProfile: obj({
    type: field(fc.constantFrom('RuntimeDefault', 'Unconfined', 'Localhost')),
  }),
});
const env = list(
  obj({
    name: field(fc.constantFrom('HF_TOKEN', 'API_KEY', 'PASSWORD', 'MODEL', 'NCCL_DEBUG')),
    value: field(fc.constantFrom('x', 'sk-abc', '1', '')),
    valueFrom: obj({ secretKeyRef: obj({ name, key: name }), fieldRef: weird }),
  }),
);
const container = obj({
  name,
  image: field(
    fc.constantFrom(
      'vllm/vllm-openai:latest',
      'nginx',
      'repo/img@sha256:abc',
      'pytorch/pytorch:2.5.1',
      '',
    ),
  ),
  command: list(fc.string({ maxLength: 6 })),
  args: list(fc.constantFrom('--model', '--port', '8000', '--tensor-parallel-size', '2')),
  env,
  ports: list(
    obj({
      containerPort: port,
      name: field(fc.constantFrom('http', 'metrics')),
      hostPort: port,
      protocol: weird,
    }),
  ),
  resources,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  volumeMounts: list(
    obj({
      name,
      mountPath: field(
        fc.constantFrom(
          '/dev/shm',
          '/models',
          '/root/.cache/huggingface',
          '/checkpoints',
          '/var/run/docker.sock',
        ),
      ),
      readOnly: field(fc.boolean()),
    }),
  ),
  securityContext,
  resourcesPerNode: resources,
});
const volume = obj({
  name,
  emptyDir: obj({ medium: field(fc.constantFrom('Memory', '')), sizeLimit: quantity }),
  persistentVolumeClaim: obj({ claimName: name, readOnly: field(fc.boolean()) }),
  hostPath: obj({
    path: field(
      fc.constantFrom('/var/run/docker.sock', '/data', '/run/containerd/containerd.sock'),
    ),
  }),
  secret: obj({ secretName: name }),
  configMap: obj({ name }),
});
const podSpec = obj({
  containers: list(container),
  initContainers: list(container, 2),
  volumes: list(volume),
  nodeSelector: field(
    fc.dictionary(
      fc.constantFrom(
        'nvidia.com/gpu.present',
        'nvidia.com/gpu.product',
        'cloud.google.com/gke-accelerator',
      ),
      fc.constantFrom('true', 'NVIDIA-A100'),
      { maxKeys: 2 },
    ),
  ),
  tolerations: list(
    obj({
      key: field(fc.constantFrom('nvidia.com/gpu', 'other')),
      operator: field(fc.constantFrom('Exists', 'Equal')),
      effect: field(fc.constantFrom('NoSchedule', '')),
    }),
  ),
  affinity: obj({ nodeAffinity: weird, podAntiAffinity: weird }),
  securityContext,
  hostNetwork: field(fc.boolean()),
  hostPID: field(fc.boolean()),
  hostIPC: field(fc.boolean()),
  serviceAccountName: name,
  automountServiceAccountToken: field(fc.boolean()),
  priorityClassName: field(fc.constantFrom('high', 'system-cluster-critical', '')),
  restartPolicy: field(fc.constantFrom('Always', 'OnFailure', 'Never')),
  terminationGracePeriodSeconds: field(fc.integer({ min: -1, max: 600 })),
  schedulerName: weird,
});
const template = obj({ metadata: obj({ labels, annotations: weird }), spec: podSpec });
const replicas = field(fc.integer({ min: -1, max: 10 }));
const selector = obj({ matchLabels: labels, matchExpressions: weird });

/** The spec of each kind, with its pod templates where the operator reads them. */
const SPECS: Record<string, Arbitrary<JsonValue>> = {
  'v1/Pod': podSpec,
  'apps/v1/Deployment': obj({
    replicas,
    selector,
    template,
    strategy: obj({ type: weird, rollingUpdate: obj({ maxSurge: weird, maxUnavailable: weird }) }),
  }),
  'apps/v1/StatefulSet': obj({
    replicas,
    selector,
    template,
    volumeClaimTemplates: list(
      obj({ metadata: obj({ name }), spec: obj({ resources: obj({ requests: resourceList }) }) }),
    ),
  }),
  'apps/v1/DaemonSet': obj({ selector, template }),
  'apps/v1/ReplicaSet': obj({ replicas, selector, template }),
  'argoproj.io/v1alpha1/Rollout': obj({ replicas, selector, template }),
  'batch/v1/Job': obj({
    parallelism: replicas,
    completions: replicas,
    backoffLimit: replicas,
    activeDeadlineSeconds: replicas,
    template,
  }),
  'batch/v1/CronJob': obj({
    schedule: weird,
    jobTemplate: obj({ spec: obj({ parallelism: replicas, backoffLimit: replicas, template }) }),
  }),
  'serving.kserve.io/v1beta1/InferenceService': obj({
    predictor: obj({
      minReplicas: replicas,
      maxReplicas: replicas,
      containers: list(container),
      model: container,
      volumes: list(volume),
      nodeSelector: weird,
      tolerations: weird,
    }),
    transformer: obj({ containers: list(container) }),
  }),
  'ray.io/v1/RayCluster': obj({
    headGroupSpec: obj({ template }),
    workerGroupSpecs: list(
      obj({ groupName: name, replicas, minReplicas: replicas, maxReplicas: replicas, template }),
    ),
  }),
  'ray.io/v1/RayService': obj({
    rayClusterConfig: obj({
      headGroupSpec: obj({ template }),
      workerGroupSpecs: list(obj({ groupName: name, replicas, template })),
    }),
  }),
  'ray.io/v1/RayJob': obj({
    rayClusterSpec: obj({
      headGroupSpec: obj({ template }),
      workerGroupSpecs: list(obj({ groupName: name, replicas, template })),
    }),
    submitterPodTemplate: template,
  }),
  'kubeflow.org/v1/PyTorchJob': obj({
    pytorchReplicaSpecs: obj({
      Master: obj({ replicas, template }),
      Worker: obj({ replicas, template }),
    }),
  }),
  'kubeflow.org/v1/TFJob': obj({
    tfReplicaSpecs: obj({
      Chief: obj({ replicas, template }),
      Worker: obj({ replicas, template }),
    }),
  }),
  'kubeflow.org/v2beta1/MPIJob': obj({
    mpiReplicaSpecs: obj({
      Launcher: obj({ replicas, template }),
      Worker: obj({ replicas, template }),
    }),
  }),
  'leaderworkerset.x-k8s.io/v1/LeaderWorkerSet': obj({
    replicas,
    leaderWorkerTemplate: obj({
      size: replicas,
      leaderTemplate: template,
      workerTemplate: template,
    }),
  }),
  'jobset.x-k8s.io/v1alpha2/JobSet': obj({
    replicatedJobs: list(
      obj({ name, replicas, template: obj({ spec: obj({ parallelism: replicas, template }) }) }),
    ),
  }),
  'batch.volcano.sh/v1alpha1/Job': obj({ tasks: list(obj({ name, replicas, template })) }),
  'trainer.kubeflow.org/v1alpha1/TrainJob': obj({ trainer: container, runtimeRef: obj({ name }) }),
  'trainer.kubeflow.org/v1alpha1/ClusterTrainingRuntime': obj({
    template: obj({
      spec: obj({
        replicatedJobs: list(obj({ name, replicas, template: obj({ spec: obj({ template }) }) })),
      }),
    }),
  }),
  'v1/Service': obj({
    selector: labels,
    type: field(fc.constantFrom('ClusterIP', 'LoadBalancer', 'NodePort')),
    ports: list(obj({ port, targetPort: port, name: field(fc.constantFrom('http', 'metrics')) })),
  }),
  'autoscaling/v2/HorizontalPodAutoscaler': obj({
    scaleTargetRef: obj({
      apiVersion: weird,
      kind: field(fc.constantFrom('Deployment', 'StatefulSet', 'InferenceService')),
      name,
    }),
    minReplicas: replicas,
    maxReplicas: replicas,
    metrics: list(
      obj({
        type: field(fc.constantFrom('Resource', 'Pods', 'External')),
        resource: obj({ name: field(fc.constantFrom('cpu', 'memory')) }),
      }),
    ),
  }),
  'keda.sh/v1alpha1/ScaledObject': obj({
    scaleTargetRef: obj({ name, kind: weird }),
    minReplicaCount: replicas,
    maxReplicaCount: replicas,
    triggers: list(obj({ type: weird, metadata: weird })),
  }),
  'policy/v1/PodDisruptionBudget': obj({
    selector,
    minAvailable: field(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('50%', '100%'))),
    maxUnavailable: field(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('0%', '25%'))),
  }),
  'networking.k8s.io/v1/NetworkPolicy': obj({
    podSelector: selector,
    policyTypes: list(fc.constantFrom('Ingress', 'Egress')),
    ingress: list(obj({ from: weird, ports: weird })),
    egress: weird,
  }),
  'monitoring.coreos.com/v1/ServiceMonitor': obj({
    selector,
    namespaceSelector: weird,
    endpoints: list(
      obj({ port: field(fc.constantFrom('http', 'metrics')), targetPort: port, path: weird }),
    ),
  }),
  'monitoring.coreos.com/v1/PodMonitor': obj({
    selector,
    podMetricsEndpoints: list(
      obj({ port: field(fc.constantFrom('http', 'metrics')), path: weird }),
    ),
  }),
  'monitoring.coreos.com/v1/PrometheusRule': obj({
    groups: list(
      obj({
        name,
        rules: list(
          obj({
            alert: weird,
            expr: field(
              fc.constantFrom('DCGM_FI_DEV_GPU_UTIL > 90', 'DCGM_FI_DEV_NOPE > 1', 'up == 0'),
            ),
          }),
        ),
      }),
    ),
  }),
  'rbac.authorization.k8s.io/v1/ClusterRole': fc.constant(null),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': fc.constant(null),
  'v1/LimitRange': obj({
    limits: list(
      obj({
        type: field(fc.constantFrom('Container', 'Pod')),
        default: resourceList,
        defaultRequest: resourceList,
      }),
    ),
  }),
  'v1/PersistentVolumeClaim': obj({
    accessModes: weird,
    resources: obj({ requests: resourceList }),
  }),
  'scheduling.k8s.io/v1/PriorityClass': fc.constant(null),
  'v1/ServiceAccount': fc.constant(null),
  'v1/ConfigMap': fc.constant(null),
  'v1/Namespace': fc.constant(null),
  'example.com/v1/Unknown': weird,
};

const TOP_LEVEL: Record<string, Arbitrary<JsonValue>> = {
  rules: list(
    obj({
      apiGroups: list(fc.constantFrom('', '*', 'apps')),
      resources: list(fc.constantFrom('secrets', 'pods/exec', '*')),
      verbs: list(fc.constantFrom('get', '*', 'create')),
    }),
  ),
  roleRef: obj({
    kind: field(fc.constantFrom('ClusterRole', 'Role')),
    name: field(fc.constantFrom('cluster-admin', 'view')),
  }),
  subjects: list(obj({ kind: weird, name, namespace: weird })),
  value: field(fc.integer()),
  data: weird,
  automountServiceAccountToken: field(fc.boolean()),
};

export const KINDS = Object.keys(SPECS);

function split(key: string): { apiVersion: string; kind: string } {
  const slash = key.lastIndexOf('/');
  return { apiVersion: key.slice(0, slash), kind: key.slice(slash + 1) };
}

/** One manifest-shaped object of any known kind. */
export const manifestObject: Arbitrary<JsonObject> = fc.constantFrom(...KINDS).chain((key) => {
  const { apiVersion, kind } = split(key);
  return fc.record(
    {
      apiVersion: fc.constant(apiVersion),
      kind: fc.constant(kind),
      metadata: obj({
        name: field(fc.constantFrom(...NAMES)),
        namespace: field(fc.constantFrom('ml', 'serving')),
        labels,
        annotations: field(
          fc.dictionary(
            fc.constantFrom(
              'aigov.dev/ignore',
              'aigov.dev/ignore-reason',
              'prometheus.io/scrape',
              'prometheus.io/port',
              'kueue.x-k8s.io/queue-name',
            ),
            fc.constantFrom('true', '8000', 'gpu/*', 'security/run-as-root', ''),
            { maxKeys: 2 },
          ),
        ),
      }),
      spec: SPECS[key] as Arbitrary<JsonValue>,
      ...TOP_LEVEL,
    },
    { requiredKeys: ['apiVersion', 'kind'] },
  ) as Arbitrary<JsonObject>;
});

/** A handful of manifests, so cross-object rules (selectors, HPAs, PDBs) have something to match. */
export const manifestSet: Arbitrary<JsonObject[]> = fc.array(manifestObject, {
  minLength: 1,
  maxLength: 6,
});
