import type { JsonObject, JsonValue } from '../util/json';
import { asArray, asObject, clone, isObject } from '../util/json';

/**
 * The defaults the API server writes into objects it stores, so the demo objects look like what
 * `kubectl get -o json` shows (and what rules see on a live cluster): probe timings, image pull
 * policies, rolling-update strategy, Job backoff limit, Service IP families…
 */

const PROBE_DEFAULTS = {
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
};

function withDefaults(target: JsonObject, defaults: JsonObject): void {
  for (const [key, value] of Object.entries(defaults)) {
    if (target[key] === undefined) target[key] = clone(value as JsonValue);
  }
}

function defaultProbe(probe: JsonObject | undefined): void {
  if (!probe) return;
  withDefaults(probe, PROBE_DEFAULTS);
  const httpGet = asObject(probe.httpGet);
  if (httpGet) withDefaults(httpGet, { scheme: 'HTTP' });
}

function imagePullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: JsonObject, pod: boolean): void {
  withDefaults(c, {
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: imagePullPolicy(c.image),
  });
  for (const port of asArray(c.ports)) if (isObject(port)) withDefaults(port, { protocol: 'TCP' });
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'])
    defaultProbe(asObject(c[probe]));
  // In a Pod (not a template), requests default to limits for resources with a limit only.
  const resources = asObject(c.resources);
  const limits = asObject(resources?.limits);
  if (pod && resources && limits) {
    const requests = asObject(resources.requests) ?? {};
    for (const [name, value] of Object.entries(limits))
      if (requests[name] === undefined && value !== undefined) requests[name] = value;
    resources.requests = requests;
  }
}

/**
 * Defaults of a pod spec, in a workload's template or (`pod: true`) in a Pod, where requests
 * also default to limits.
 */
export function defaultPodSpec(spec: JsonObject, restartPolicy = 'Always', pod = false): void {
  withDefaults(spec, {
    restartPolicy,
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  });
  for (const field of ['initContainers', 'containers'])
    for (const c of asArray(spec[field])) if (isObject(c)) defaultContainer(c, pod);
  for (const v of asArray(spec.volumes)) {
    if (!isObject(v)) continue;
    const source = asObject(v.configMap) ?? asObject(v.secret);
    if (source) withDefaults(source, { defaultMode: 420 });
  }
}

/** Defaults of a pod template (`spec.template` of a Deployment…): `metadata.creationTimestamp: null` included. */
export function defaultTemplate(template: JsonObject, restartPolicy = 'Always'): void {
  const metadata = asObject(template.metadata) ?? {};
  template.metadata = { creationTimestamp: null, ...metadata };
  const spec = asObject(template.spec);
  if (spec) defaultPodSpec(spec, restartPolicy);
}

export function defaultDeploymentSpec(spec: JsonObject): void {
  withDefaults(spec, {
    replicas: 1,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
  });
  const template = asObject(spec.template);
  if (template) defaultTemplate(template);
}

export function defaultStatefulSetSpec(spec: JsonObject): void {
  withDefaults(spec, {
    replicas: 1,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    revisionHistoryLimit: 10,
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
  });
  const template = asObject(spec.template);
  if (template) defaultTemplate(template);
}

export function defaultJobSpec(spec: JsonObject): void {
  withDefaults(spec, {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    completionMode: 'NonIndexed',
    suspend: false,
    podReplacementPolicy: 'TerminatingOrFailed',
  });
  const template = asObject(spec.template);
  if (template) defaultTemplate(template, 'Never');
}

export function defaultServiceSpec(spec: JsonObject, clusterIP: string): void {
  withDefaults(spec, {
    type: 'ClusterIP',
    sessionAffinity: 'None',
    clusterIP,
    clusterIPs: [clusterIP],
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    internalTrafficPolicy: 'Cluster',
  });
  for (const port of asArray(spec.ports)) {
    if (!isObject(port)) continue;
    withDefaults(port, { protocol: 'TCP' });
    if (port.targetPort === undefined && port.port !== undefined) port.targetPort = port.port;
  }
}
