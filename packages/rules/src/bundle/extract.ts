import type { JsonObject, Manifest, Path } from '../model';
import { asArray, asNumber, asObject, asString, getIn, isObject, stringMap } from '../util/json';
import type { ContainerRef, PodTemplate, Workload, WorkloadClass } from './workload';

/** KServe component fields that hold a single container spec (`spec.predictor.model`, …). */
const KSERVE_CONTAINER_FIELDS = [
  'model',
  'sklearn',
  'xgboost',
  'tensorflow',
  'pytorch',
  'triton',
  'onnx',
  'huggingface',
  'pmml',
  'lightgbm',
  'paddle',
  'mlflow',
] as const;
const KSERVE_COMPONENTS = ['predictor', 'transformer', 'explainer'] as const;
/** Kubeflow training operator kinds: `spec.<kind>ReplicaSpecs.<role>.template`. */
export const KUBEFLOW_JOBS: ReadonlySet<string> = new Set([
  'PyTorchJob',
  'TFJob',
  'MPIJob',
  'XGBoostJob',
  'PaddleJob',
  'JAXJob',
  'MXJob',
]);

interface TemplateSpec {
  role?: string;
  specPath: Path;
  metadataPath?: Path;
  extraLabels?: Record<string, string>;
  /** Annotations the operator puts on the pods, beyond the template's own. */
  extraAnnotations?: Record<string, string>;
  replicas?: number;
  ownsPodSpec?: boolean;
  /** Extra single-container fields of the pod spec (KServe frameworks). */
  containerFields?: readonly string[];
  /** A synthetic container (TrainJob trainer). */
  synthetic?: { name: string; path: Path; resourcesPath: Path };
}

interface WorkloadShape {
  class: WorkloadClass;
  training?: boolean;
  serving?: boolean;
  replicasPath?: Path;
  defaultReplicas?: number;
  templates: TemplateSpec[];
}

function containersOf(obj: JsonObject, spec: TemplateSpec): ContainerRef[] {
  const out: ContainerRef[] = [];
  if (spec.synthetic) {
    const value = asObject(getIn(obj, spec.synthetic.path)) ?? {};
    return [
      {
        name: spec.synthetic.name,
        path: spec.synthetic.path,
        value,
        init: false,
        resourcesPath: spec.synthetic.resourcesPath,
        index: -1,
      },
    ];
  }
  const podSpec = asObject(getIn(obj, spec.specPath)) ?? {};
  for (const [field, init] of [
    ['initContainers', true],
    ['containers', false],
  ] as const) {
    asArray(podSpec[field]).forEach((c, index) => {
      if (!isObject(c)) return;
      const path = [...spec.specPath, field, index];
      out.push({
        name: asString(c.name) ?? `${field}[${index}]`,
        path,
        value: c,
        init,
        resourcesPath: [...path, 'resources'],
        index,
      });
    });
  }
  for (const field of spec.containerFields ?? []) {
    const c = asObject(podSpec[field]);
    if (!c) continue;
    const path = [...spec.specPath, field];
    out.push({
      name: asString(c.name) ?? 'kserve-container',
      path,
      value: c,
      init: false,
      resourcesPath: [...path, 'resources'],
      index: -1,
    });
  }
  return out;
}

function templateAt(
  path: Path,
  extra: Omit<TemplateSpec, 'specPath' | 'metadataPath'> = {},
): TemplateSpec {
  return { specPath: [...path, 'spec'], metadataPath: [...path, 'metadata'], ...extra };
}

/**
 * Head and worker templates of a Ray cluster spec. `clusterName` is the RayCluster's own name; a
 * RayService or RayJob creates its cluster under a generated name, so its pods' `ray.io/cluster`
 * label is not known here.
 */
function rayShapes(
  obj: JsonObject,
  clusterPath: Path,
  clusterName: string | undefined,
): TemplateSpec[] {
  const clusterLabel: Record<string, string> =
    clusterName === undefined ? {} : { 'ray.io/cluster': clusterName };
  const cluster = asObject(getIn(obj, clusterPath));
  if (!cluster) return [];
  const out: TemplateSpec[] = [];
  if (isObject(cluster.headGroupSpec)) {
    out.push(
      templateAt([...clusterPath, 'headGroupSpec', 'template'], {
        role: 'head',
        replicas: 1,
        extraLabels: { ...clusterLabel, 'ray.io/node-type': 'head' },
      }),
    );
  }
  asArray(cluster.workerGroupSpecs).forEach((group, i) => {
    if (!isObject(group)) return;
    const groupName = asString(group.groupName) ?? `group-${i}`;
    out.push(
      templateAt([...clusterPath, 'workerGroupSpecs', i, 'template'], {
        role: `worker:${groupName}`,
        // A replica of a multi-host group (TPU slices) is `numOfHosts` pods.
        replicas:
          (asNumber(group.replicas) ?? asNumber(group.minReplicas) ?? 1) *
          Math.max(1, Math.floor(asNumber(group.numOfHosts) ?? 1)),
        extraLabels: {
          ...clusterLabel,
          'ray.io/node-type': 'worker',
          'ray.io/group': groupName,
        },
      }),
    );
  });
  return out;
}

function shapeOf(m: Manifest): WorkloadShape | undefined {
  const obj = m.object;
  const spec = asObject(obj.spec);
  const { kind, group, name } = m;
  switch (`${group}/${kind}`) {
    case '/Pod': {
      const restart = asString(spec?.restartPolicy) ?? 'Always';
      return {
        class: restart === 'Always' ? 'service' : 'batch',
        templates: [{ specPath: ['spec'], metadataPath: ['metadata'], replicas: 1 }],
      };
    }
    case 'apps/Deployment':
    case 'apps/StatefulSet':
    case 'apps/ReplicaSet':
    case 'extensions/Deployment':
    case 'argoproj.io/Rollout':
      return {
        class: 'service',
        replicasPath: ['spec', 'replicas'],
        defaultReplicas: 1,
        templates: [templateAt(['spec', 'template'])],
      };
    case 'apps/DaemonSet':
    case 'extensions/DaemonSet':
      return { class: 'service', templates: [templateAt(['spec', 'template'])] };
    case 'batch/Job':
      return {
        class: 'batch',
        templates: [
          templateAt(['spec', 'template'], { replicas: asNumber(spec?.parallelism) ?? 1 }),
        ],
      };
    case 'batch/CronJob':
      return {
        class: 'batch',
        templates: [
          templateAt(['spec', 'jobTemplate', 'spec', 'template'], {
            replicas: asNumber(getIn(spec, ['jobTemplate', 'spec', 'parallelism'])) ?? 1,
          }),
        ],
      };
    case 'serving.kserve.io/InferenceService': {
      const templates: TemplateSpec[] = [];
      for (const component of KSERVE_COMPONENTS) {
        const c = asObject(spec?.[component]);
        if (!c) continue;
        templates.push({
          role: component,
          specPath: ['spec', component],
          replicas: asNumber(c.minReplicas) ?? 1,
          containerFields: KSERVE_CONTAINER_FIELDS,
          extraLabels: {
            ...stringMap(c.labels),
            'serving.kserve.io/inferenceservice': name,
            component,
          },
          extraAnnotations: stringMap(c.annotations),
        });
      }
      return { class: 'service', serving: true, templates };
    }
    case 'ray.io/RayCluster':
      return { class: 'service', templates: rayShapes(obj, ['spec'], name) };
    case 'ray.io/RayService':
      return {
        class: 'service',
        serving: true,
        templates: rayShapes(obj, ['spec', 'rayClusterConfig'], undefined),
      };
    case 'ray.io/RayJob': {
      const templates = rayShapes(obj, ['spec', 'rayClusterSpec'], undefined);
      if (isObject(spec?.submitterPodTemplate))
        templates.push(
          templateAt(['spec', 'submitterPodTemplate'], { role: 'submitter', replicas: 1 }),
        );
      return { class: 'batch', training: true, templates };
    }
    case 'leaderworkerset.x-k8s.io/LeaderWorkerSet': {
      const lwt = asObject(spec?.leaderWorkerTemplate);
      const size = asNumber(lwt?.size) ?? 1;
      const labels = { 'leaderworkerset.sigs.k8s.io/name': name };
      const templates: TemplateSpec[] = [];
      const hasLeader = isObject(lwt?.leaderTemplate);
      if (hasLeader)
        templates.push(
          templateAt(['spec', 'leaderWorkerTemplate', 'leaderTemplate'], {
            role: 'leader',
            replicas: 1,
            extraLabels: labels,
          }),
        );
      if (isObject(lwt?.workerTemplate))
        templates.push(
          templateAt(['spec', 'leaderWorkerTemplate', 'workerTemplate'], {
            role: 'worker',
            replicas: hasLeader ? size - 1 : size,
            extraLabels: labels,
          }),
        );
      return {
        class: 'service',
        replicasPath: ['spec', 'replicas'],
        defaultReplicas: 1,
        templates,
      };
    }
    case 'jobset.x-k8s.io/JobSet':
      return {
        class: 'batch',
        templates: asArray(spec?.replicatedJobs).flatMap((rj, i) => {
          if (!isObject(rj)) return [];
          const rjName = asString(rj.name) ?? `job-${i}`;
          const parallelism = asNumber(getIn(rj, ['template', 'spec', 'parallelism'])) ?? 1;
          return [
            templateAt(['spec', 'replicatedJobs', i, 'template', 'spec', 'template'], {
              role: rjName,
              replicas: (asNumber(rj.replicas) ?? 1) * parallelism,
              extraLabels: {
                'jobset.sigs.k8s.io/jobset-name': name,
                'jobset.sigs.k8s.io/replicatedjob-name': rjName,
              },
            }),
          ];
        }),
      };
    case 'batch.volcano.sh/Job':
      return {
        class: 'batch',
        templates: asArray(spec?.tasks).flatMap((task, i) =>
          isObject(task)
            ? [
                templateAt(['spec', 'tasks', i, 'template'], {
                  role: asString(task.name) ?? `task-${i}`,
                  replicas: asNumber(task.replicas) ?? 1,
                }),
              ]
            : [],
        ),
      };
    case 'trainer.kubeflow.org/TrainJob':
      return isObject(spec?.trainer)
        ? {
            class: 'batch',
            training: true,
            templates: [
              {
                role: 'trainer',
                specPath: ['spec', 'trainer'],
                extraLabels: {
                  'jobset.sigs.k8s.io/jobset-name': name,
                },
                replicas: asNumber(getIn(spec, ['trainer', 'numNodes'])) ?? 1,
                ownsPodSpec: false,
                synthetic: {
                  name: 'node',
                  path: ['spec', 'trainer'],
                  resourcesPath: ['spec', 'trainer', 'resourcesPerNode'],
                },
              },
            ],
          }
        : undefined;
    case 'trainer.kubeflow.org/TrainingRuntime':
    case 'trainer.kubeflow.org/ClusterTrainingRuntime':
      return {
        class: 'batch',
        training: true,
        templates: asArray(getIn(spec, ['template', 'spec', 'replicatedJobs'])).flatMap((rj, i) =>
          isObject(rj)
            ? [
                templateAt(
                  ['spec', 'template', 'spec', 'replicatedJobs', i, 'template', 'spec', 'template'],
                  { role: asString(rj.name) ?? `job-${i}`, replicas: asNumber(rj.replicas) ?? 1 },
                ),
              ]
            : [],
        ),
      };
    default:
      break;
  }
  if (group === 'kubeflow.org' && KUBEFLOW_JOBS.has(kind) && spec) {
    const templates: TemplateSpec[] = [];
    for (const [key, value] of Object.entries(spec)) {
      if (!key.endsWith('ReplicaSpecs') || !isObject(value)) continue;
      for (const [role, replicaSpec] of Object.entries(value)) {
        if (!isObject(replicaSpec)) continue;
        templates.push(
          templateAt(['spec', key, role, 'template'], {
            role,
            replicas: asNumber(replicaSpec.replicas) ?? 1,
            extraLabels: {
              'training.kubeflow.org/job-name': name,
              'training.kubeflow.org/replica-type': role.toLowerCase(),
            },
          }),
        );
      }
    }
    return { class: 'batch', training: true, templates };
  }
  return undefined;
}

/** The workload view of an object with pod templates, or undefined for other kinds. */
export function extractWorkload(m: Manifest): Workload | undefined {
  const shape = shapeOf(m);
  if (!shape) return undefined;
  const obj = m.object;
  const replicas = shape.replicasPath
    ? (asNumber(getIn(obj, shape.replicasPath)) ?? shape.defaultReplicas)
    : undefined;
  const templates: PodTemplate[] = [];
  const workload: Workload = {
    manifest: m,
    class: shape.class,
    training: shape.training ?? false,
    serving: shape.serving ?? false,
    replicas,
    replicasPath: shape.replicasPath,
    templates,
  };
  const objectLabels = stringMap(getIn(obj, ['metadata', 'labels']));
  const objectAnnotations = stringMap(getIn(obj, ['metadata', 'annotations']));
  for (const t of shape.templates) {
    const metadata = t.metadataPath ? asObject(getIn(obj, t.metadataPath)) : undefined;
    // KServe and TrainJob pods carry the object's labels; others carry their template's.
    const baseLabels = t.metadataPath ? stringMap(metadata?.labels) : objectLabels;
    templates.push({
      workload,
      role: t.role,
      specPath: t.specPath,
      spec: asObject(getIn(obj, t.specPath)) ?? {},
      metadataPath: t.metadataPath,
      labels: { ...baseLabels, ...t.extraLabels },
      // Like labels: KServe and TrainJob pods carry the object's annotations.
      annotations: {
        ...(t.metadataPath ? stringMap(metadata?.annotations) : objectAnnotations),
        ...t.extraAnnotations,
      },
      replicas: t.replicas,
      containers: containersOf(obj, t),
      ownsPodSpec: t.ownsPodSpec ?? true,
    });
  }
  return workload;
}
