/** Reading RBAC objects: the rules of a Role or ClusterRole, the subjects of a binding. */
import type { Bundle } from '../../bundle/bundle';
import type { Manifest, Path } from '../../model';
import { asArray, asObject, asString, getIn } from '../../util/json';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A string entry of a rule list, with its path (wrong-typed entries are skipped). */
export interface Entry {
  value: string;
  path: Path;
}

export interface PolicyRule {
  path: Path;
  apiGroups: Entry[];
  resources: Entry[];
  verbs: Entry[];
  resourceNames: Entry[];
  nonResourceURLs: Entry[];
}

function entries(rule: unknown, path: Path, field: string): Entry[] {
  const out: Entry[] = [];
  asArray(asObject(rule)?.[field]).forEach((v, i) => {
    const value = asString(v);
    if (value !== undefined) out.push({ value, path: [...path, field, i] });
  });
  return out;
}

export function isRole(m: Manifest): boolean {
  return m.group === RBAC_GROUP && (m.kind === 'Role' || m.kind === 'ClusterRole');
}

export function isBinding(m: Manifest): boolean {
  return m.group === RBAC_GROUP && (m.kind === 'RoleBinding' || m.kind === 'ClusterRoleBinding');
}

/** The `rules` of a Role or ClusterRole. */
export function policyRules(role: Manifest): PolicyRule[] {
  return asArray(role.object.rules).map((rule, i) => {
    const path: Path = ['rules', i];
    return {
      path,
      apiGroups: entries(rule, path, 'apiGroups'),
      resources: entries(rule, path, 'resources'),
      verbs: entries(rule, path, 'verbs'),
      resourceNames: entries(rule, path, 'resourceNames'),
      nonResourceURLs: entries(rule, path, 'nonResourceURLs'),
    };
  });
}

export function roles(bundle: Bundle): Manifest[] {
  return bundle.ofKind('Role', 'ClusterRole').filter(isRole);
}

export function bindings(bundle: Bundle): Manifest[] {
  return bundle.ofKind('RoleBinding', 'ClusterRoleBinding').filter(isBinding);
}

function clusterOf(m: Manifest): string {
  return m.origin.type === 'live' ? m.origin.cluster : '';
}

function accountKey(cluster: string, namespace: string, name: string): string {
  return `${cluster}\u0000${namespace}\u0000${name}`;
}

/**
 * ServiceAccounts that a RoleBinding or ClusterRoleBinding of the set grants something to. A
 * ServiceAccount subject of a RoleBinding without a namespace is in the binding's namespace.
 */
export class BoundServiceAccounts {
  private readonly keys = new Set<string>();

  constructor(private readonly bundle: Bundle) {
    for (const binding of bindings(bundle)) {
      const own = binding.kind === 'RoleBinding' ? bundle.namespaceOf(binding) : undefined;
      for (const s of asArray(binding.object.subjects)) {
        const subject = asObject(s);
        const name = asString(subject?.name);
        if (asString(subject?.kind) !== 'ServiceAccount' || !name) continue;
        const namespace = asString(subject?.namespace) ?? own;
        if (namespace) this.keys.add(accountKey(clusterOf(binding), namespace, name));
      }
    }
  }

  has(near: Manifest, name: string): boolean {
    return this.keys.has(accountKey(clusterOf(near), this.bundle.namespaceOf(near), name));
  }
}

/** `roleRef` of a binding. */
export function roleRef(binding: Manifest): { kind: string; name: string } | undefined {
  const ref = asObject(getIn(binding.object, ['roleRef']));
  const kind = asString(ref?.kind);
  const name = asString(ref?.name);
  return kind && name ? { kind, name } : undefined;
}

/** The roles and bindings Kubernetes creates itself (cluster-admin, system:*). */
export function isBootstrapObject(m: Manifest): boolean {
  return (
    asString(getIn(m.object, ['metadata', 'labels', 'kubernetes.io/bootstrapping'])) ===
    'rbac-defaults'
  );
}
