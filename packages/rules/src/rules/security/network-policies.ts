/** Helpers for the NetworkPolicy rules. */
import type { Bundle } from '../../bundle/bundle';
import { selectorMatches } from '../../bundle/selector';
import type { Selector } from '../../bundle/selector';
import type { PodTemplate } from '../../bundle/workload';
import { clusterOf } from '../../model';
import type { Manifest } from '../../model';
import { getIn, isObject, stringMap } from '../../util/json';

export const NETWORKING_GROUP = 'networking.k8s.io';

/** A Kubernetes NetworkPolicy (Calico also has a kind named NetworkPolicy, in its own group). */
export function isNetworkPolicy(m: Manifest): boolean {
  return m.kind === 'NetworkPolicy' && m.group === NETWORKING_GROUP;
}

/** Cilium, Calico, Antrea and AdminNetworkPolicy objects: aigov cannot tell which pods they select. */
function isOtherPolicy(m: Manifest): boolean {
  return /NetworkPolic(y|ies)$/.test(m.kind) && !isNetworkPolicy(m);
}

const CLUSTER_WIDE = /^(CiliumClusterwide|Global|Cluster|Admin|BaselineAdmin)/;

/**
 * Namespaces (and clusters, for cluster-wide kinds) where another policy engine's objects may
 * select pods: there, a pod without a Kubernetes NetworkPolicy is not known to be unprotected.
 */
export class OtherPolicyScopes {
  private readonly namespaces = new Set<string>();
  private readonly clusters = new Set<string>();

  constructor(private readonly bundle: Bundle) {
    for (const m of bundle.manifests) {
      if (!isOtherPolicy(m)) continue;
      if (CLUSTER_WIDE.test(m.kind)) this.clusters.add(clusterOf(m));
      else this.namespaces.add(bundle.scopeOf(m));
    }
  }

  covers(m: Manifest): boolean {
    return this.clusters.has(clusterOf(m)) || this.namespaces.has(this.bundle.scopeOf(m));
  }
}

/** Objects that only describe pods for someone else (training runtimes), not pods of a namespace. */
const BLUEPRINT_KINDS = new Set(['TrainingRuntime', 'ClusterTrainingRuntime']);

/** Pod templates whose pods a NetworkPolicy can select. hostNetwork pods are outside NetworkPolicies. */
export function isPolicyTarget(template: PodTemplate): boolean {
  return (
    template.ownsPodSpec &&
    !BLUEPRINT_KINDS.has(template.workload.manifest.kind) &&
    template.spec.hostNetwork !== true
  );
}

/** `app=api, tier In (a, b)` */
export function describeSelector(s: Selector): string {
  const parts = Object.entries(s.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of s.requirements) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator} (${r.values.join(', ')})`);
  }
  return parts.join(', ');
}

const MAX_DEPTH = 8;

/** Labels of every `{metadata, spec: {containers}}` pod template inside a value. */
function collectPodLabels(value: unknown, depth: number, out: Record<string, string>[]): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectPodLabels(item, depth + 1, out);
    return;
  }
  if (!isObject(value)) return;
  if (Array.isArray(getIn(value, ['spec', 'containers'])))
    out.push(stringMap(getIn(value, ['metadata', 'labels'])));
  for (const child of Object.values(value)) collectPodLabels(child, depth + 1, out);
}

/**
 * Pod templates embedded in objects the bundle does not model as workloads (an agent-sandbox
 * SandboxTemplate, a Knative Service…): a policy that selects their labels is not dangling.
 */
export class UnmodeledPodTemplates {
  private readonly byScope = new Map<string, Record<string, string>[]>();

  constructor(private readonly bundle: Bundle) {
    for (const m of bundle.manifests) {
      if (bundle.workloadOf(m) || !isObject(m.object.spec)) continue;
      const labels: Record<string, string>[] = [];
      collectPodLabels(m.object.spec, 0, labels);
      if (labels.length === 0) continue;
      const key = this.key(m);
      this.byScope.set(key, [...(this.byScope.get(key) ?? []), ...labels]);
    }
  }

  private key(m: Manifest): string {
    return `${clusterOf(m)}\u0000${this.bundle.namespaceOf(m)}`;
  }

  selectsAny(policy: Manifest, selector: Selector): boolean {
    return (this.byScope.get(this.key(policy)) ?? []).some((labels) =>
      selectorMatches(selector, labels),
    );
  }
}
