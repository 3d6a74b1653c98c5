import type { JsonObject, KubeObject, ObjectMeta, OwnerReference } from '../util/json';
import { asArray, asObject, asString, clone, getIn, isObject } from '../util/json';
import { stableSuffix, stableTemplateHash, stableUid } from '../util/hash';
import { parseQuantity } from '../util/quantity';
import { defaultPodSpec, defaultTemplate } from './defaults';

/** The demo cluster's "now" for creation times: every timestamp is a fixed offset from it. */
export const DEMO_EPOCH_MS = Date.parse('2025-06-02T08:00:00Z');

/** A timestamp `minutes` after the demo epoch, as the API server writes them (seconds, `Z`). */
export function at(minutes: number): string {
  return new Date(DEMO_EPOCH_MS + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/** The uid the API server would have given an object; the same for the same identity. */
export function uidOf(
  apiVersion: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return stableUid(`${apiVersion}/${kind}/${namespace ? `${namespace}/` : ''}${name}`);
}

export interface MetaInput {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** The controller (its ownerReference gets `controller: true`). */
  owner?: KubeObject;
  /** Minutes after the demo epoch (default 0). */
  created?: number;
  generation?: number;
}

export function ownerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid:
      owner.metadata.uid ??
      uidOf(owner.apiVersion, owner.kind, owner.metadata.namespace, owner.metadata.name),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** A stored object with the metadata the API server fills in (uid, creation time, owner). */
export function kubeObject(
  apiVersion: string,
  kind: string,
  meta: MetaInput,
  body: JsonObject,
): KubeObject {
  const metadata: ObjectMeta = {
    name: meta.name,
    ...(meta.namespace ? { namespace: meta.namespace } : {}),
    uid: uidOf(apiVersion, kind, meta.namespace, meta.name),
    creationTimestamp: at(meta.created ?? 0),
    ...(meta.generation !== undefined ? { generation: meta.generation } : {}),
    ...(meta.labels ? { labels: { ...meta.labels } } : {}),
    ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
    ...(meta.owner ? { ownerReferences: [ownerReference(meta.owner)] } : {}),
  };
  return { apiVersion, kind, metadata, ...clone(body) };
}

/** Where a pod runs. */
export interface Placement {
  node: string;
  podIP: string;
  hostIP: string;
}

/** Priority values of the demo PriorityClasses. */
export const PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'inference-high': 100000,
  'training-batch': 1000,
};

const GPU_RESOURCE = 'nvidia.com/gpu';

function containers(spec: JsonObject, field: 'containers' | 'initContainers'): JsonObject[] {
  return asArray(spec[field]).filter(isObject);
}

function usesGpu(spec: JsonObject): boolean {
  return [...containers(spec, 'containers'), ...containers(spec, 'initContainers')].some((c) => {
    const limits = asObject(getIn(c, ['resources', 'limits']));
    return Object.keys(limits ?? {}).some(
      (k) => k === GPU_RESOURCE || k.startsWith('nvidia.com/mig-'),
    );
  });
}

/** The pod's QoS class, from its (defaulted) container resources. */
export function qosClassOf(spec: JsonObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all = [...containers(spec, 'containers'), ...containers(spec, 'initContainers')];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const requests = asObject(getIn(c, ['resources', 'requests'])) ?? {};
    const limits = asObject(getIn(c, ['resources', 'limits'])) ?? {};
    for (const r of ['cpu', 'memory']) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true;
      const req = parseQuantity(requests[r]);
      const lim = parseQuantity(limits[r]);
      if (lim === undefined || req !== lim) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const SERVICE_ACCOUNT_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function serviceAccountVolume(podName: string): JsonObject {
  return {
    name: `kube-api-access-${stableSuffix(`kube-api-access/${podName}`)}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [
              {
                path: 'namespace',
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
              },
            ],
          },
        },
      ],
    },
  };
}

function containerStatus(
  c: JsonObject,
  podName: string,
  started: string,
  init: boolean,
): JsonObject {
  const name = asString(c.name) ?? '';
  const image = asString(c.image) ?? '';
  const digest = stableUid(`image/${image}`).replace(/-/g, '');
  return {
    name,
    image: image.includes('/') ? image : `docker.io/library/${image}`,
    imageID: `${image.split(':')[0]}@sha256:${digest}${digest}`,
    containerID: `containerd://${stableUid(`container/${podName}/${name}`).replace(/-/g, '')}${digest.slice(0, 32)}`,
    ready: !init,
    restartCount: 0,
    started: !init,
    state: init
      ? {
          terminated: { exitCode: 0, reason: 'Completed', startedAt: started, finishedAt: started },
        }
      : { running: { startedAt: started } },
    lastState: {},
  };
}

export interface PodInput {
  name: string;
  namespace: string;
  owner: KubeObject;
  /** The pod template (`{metadata?, spec}`) the controller creates the pod from. */
  template: JsonObject;
  /** Labels the controller adds (pod-template-hash, job-name…). */
  labels?: Record<string, string>;
  placement: Placement;
  /** Minutes after the demo epoch. */
  created: number;
  restartPolicy?: string;
}

/**
 * A running pod as its controller and the API server make it: the template's spec with the
 * API server's defaults, the service account token volume, the tolerations admission adds, the
 * node it was scheduled to, and a Running status with ready containers.
 */
export function runningPod(input: PodInput): KubeObject {
  const templateMeta = asObject(input.template.metadata) ?? {};
  const spec = clone(asObject(input.template.spec) ?? {});
  defaultPodSpec(spec, input.restartPolicy ?? 'Always', true);
  const serviceAccount = asString(spec.serviceAccountName) ?? 'default';
  spec.serviceAccountName = serviceAccount;
  spec.serviceAccount = serviceAccount;
  spec.nodeName = input.placement.node;
  spec.enableServiceLinks = spec.enableServiceLinks ?? true;
  spec.preemptionPolicy = spec.preemptionPolicy ?? 'PreemptLowerPriority';
  spec.priority = PRIORITY_CLASSES[asString(spec.priorityClassName) ?? ''] ?? 0;
  const tolerations = asArray(spec.tolerations).filter(isObject);
  // ExtendedResourceToleration admission: pods asking for GPUs tolerate the GPU taint.
  if (usesGpu(spec) && !tolerations.some((t) => t.key === GPU_RESOURCE))
    tolerations.push({ key: GPU_RESOURCE, operator: 'Exists', effect: 'NoSchedule' });
  // DefaultTolerationSeconds admission.
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
    tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  spec.tolerations = tolerations;
  if (spec.automountServiceAccountToken !== false) {
    const volume = serviceAccountVolume(input.name);
    spec.volumes = [...asArray(spec.volumes).filter(isObject), volume];
    for (const c of [...containers(spec, 'initContainers'), ...containers(spec, 'containers')]) {
      c.volumeMounts = [
        ...asArray(c.volumeMounts).filter(isObject),
        { name: asString(volume.name) ?? '', readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT },
      ];
    }
  }
  const started = at(input.created);
  const ready = at(input.created + 3);
  const labels = {
    ...(asObject(templateMeta.labels) as Record<string, string> | undefined),
    ...input.labels,
  };
  const annotations = asObject(templateMeta.annotations) as Record<string, string> | undefined;
  return kubeObject(
    'v1',
    'Pod',
    {
      name: input.name,
      namespace: input.namespace,
      labels,
      ...(annotations ? { annotations } : {}),
      owner: input.owner,
      created: input.created,
    },
    {
      spec,
      status: {
        phase: 'Running',
        conditions: [
          {
            type: 'PodReadyToStartContainers',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: started,
          },
          { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: started },
          { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: ready },
          {
            type: 'ContainersReady',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: ready,
          },
          {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: started,
          },
        ],
        hostIP: input.placement.hostIP,
        hostIPs: [{ ip: input.placement.hostIP }],
        podIP: input.placement.podIP,
        podIPs: [{ ip: input.placement.podIP }],
        startTime: started,
        ...(containers(spec, 'initContainers').length > 0
          ? {
              initContainerStatuses: containers(spec, 'initContainers').map((c) =>
                containerStatus(c, input.name, started, true),
              ),
            }
          : {}),
        containerStatuses: containers(spec, 'containers').map((c) =>
          containerStatus(c, input.name, started, false),
        ),
        qosClass: qosClassOf(spec),
      },
    },
  );
}

/** `<name>-<pod-template-hash>`: the hash the Deployment controller gives a template. */
export function templateHash(deploymentName: string, revision: number): string {
  return stableTemplateHash(`${deploymentName}/${revision}`);
}

export interface ReplicaSetInput {
  deployment: KubeObject;
  revision: number;
  replicas: number;
  /** Minutes after the demo epoch. */
  created: number;
  /** The template of that revision (default: the Deployment's current one). */
  template?: JsonObject;
}

/** A ReplicaSet of a Deployment revision, labelled and owned as the Deployment controller does. */
export function replicaSetFor(input: ReplicaSetInput): KubeObject {
  const d = input.deployment;
  const hash = templateHash(d.metadata.name, input.revision);
  const template = clone(input.template ?? asObject(getIn(d, ['spec', 'template'])) ?? {});
  defaultTemplate(template);
  const tmeta = asObject(template.metadata) ?? {};
  const labels = {
    ...(asObject(tmeta.labels) as Record<string, string> | undefined),
    'pod-template-hash': hash,
  };
  template.metadata = { ...tmeta, labels };
  const selector = asObject(getIn(d, ['spec', 'selector', 'matchLabels'])) ?? {};
  const maxSurge = getIn(d, ['spec', 'strategy', 'rollingUpdate', 'maxSurge']);
  const desired = Number(getIn(d, ['spec', 'replicas']) ?? 1);
  const surge =
    typeof maxSurge === 'number'
      ? maxSurge
      : typeof maxSurge === 'string' && maxSurge.endsWith('%')
        ? Math.ceil((desired * Number(maxSurge.slice(0, -1))) / 100)
        : 0;
  return kubeObject(
    'apps/v1',
    'ReplicaSet',
    {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(desired),
        'deployment.kubernetes.io/max-replicas': String(desired + surge),
        'deployment.kubernetes.io/revision': String(input.revision),
      },
      owner: d,
      created: input.created,
      generation: input.replicas > 0 ? 1 : 2,
    },
    {
      spec: {
        replicas: input.replicas,
        selector: { matchLabels: { ...selector, 'pod-template-hash': hash } },
        template,
      },
      status: {
        replicas: input.replicas,
        fullyLabeledReplicas: input.replicas,
        readyReplicas: input.replicas,
        availableReplicas: input.replicas,
        observedGeneration: input.replicas > 0 ? 1 : 2,
      },
    },
  );
}

/** Pod names a ReplicaSet generates: `<rs>-<5 chars>`. */
export function replicaSetPodName(rs: KubeObject, index: number): string {
  return `${rs.metadata.name}-${stableSuffix(`${rs.metadata.name}/${index}`)}`;
}

/** The pod template (with the labels a controller adds) of a workload path. */
export function templateAt(obj: KubeObject, path: readonly (string | number)[]): JsonObject {
  return asObject(getIn(obj, path)) ?? {};
}
