import type { KubeObject } from '../util/json';
import { clone, compareByKey, objectKey } from '../util/json';
import { stableUid } from '../util/hash';
import type { ResourceRegistry } from './registry';
import type { ResourceType } from './resources';
import { groupVersion } from './resources';

/** When objects that do not say otherwise were created. */
export const DEFAULT_CREATION_TIMESTAMP = '2025-06-02T08:00:00Z';
const FIRST_RESOURCE_VERSION = 481_000;

function customResourceDefinition(type: ResourceType): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${type.plural}.${type.group}` },
    spec: {
      group: type.group,
      names: {
        plural: type.plural,
        singular: type.singular,
        kind: type.kind,
        listKind: `${type.kind}List`,
        ...(type.shortNames ? { shortNames: type.shortNames } : {}),
      },
      scope: type.namespaced ? 'Namespaced' : 'Cluster',
      versions: [
        {
          name: type.version,
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          },
          subresources: { status: {} },
        },
      ],
    },
    status: {
      acceptedNames: { plural: type.plural, singular: type.singular, kind: type.kind },
      conditions: [{ type: 'Established', status: 'True', reason: 'InitialNamesAccepted' }],
      storedVersions: [type.version],
    },
  };
}

/**
 * The objects of the cluster, grouped by resource type and kept in the order the API server
 * lists them (by namespace, then name). Objects of uninstalled CRDs are kept out.
 */
export class ObjectStore {
  private readonly byType = new Map<ResourceType, KubeObject[]>();
  /** The cluster's current resourceVersion: the newest object's. */
  readonly resourceVersion: number;

  constructor(objects: readonly KubeObject[], registry: ResourceRegistry, generation = 0) {
    let rv = FIRST_RESOURCE_VERSION + generation * 100_000;
    const all = [...objects];
    const hasCrd = new Set(
      objects.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => o.metadata.name),
    );
    for (const type of registry.customTypes()) {
      const crd = customResourceDefinition(type);
      if (!hasCrd.has(crd.metadata.name)) all.push(crd);
    }
    for (const source of all) {
      const type = registry.typeOf(source);
      if (!type) continue;
      const obj = clone(source);
      rv += 1;
      obj.metadata = {
        ...obj.metadata,
        uid: obj.metadata.uid ?? stableUid(`${groupVersion(type)}/${type.kind}/${objectKey(obj)}`),
        resourceVersion: obj.metadata.resourceVersion ?? String(rv),
        creationTimestamp: obj.metadata.creationTimestamp ?? DEFAULT_CREATION_TIMESTAMP,
      };
      const list = this.byType.get(type) ?? [];
      list.push(obj);
      this.byType.set(type, list);
    }
    for (const list of this.byType.values()) {
      list.sort(compareByKey);
    }
    this.resourceVersion = rv;
  }

  /** Objects of a type, in one namespace or all, in storage order. Not copies: do not mutate. */
  list(type: ResourceType, namespace?: string): readonly KubeObject[] {
    const all = this.byType.get(type) ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** Stored objects of a built-in kind (for computed resources such as pod metrics). */
  ofKind(kind: string): readonly KubeObject[] {
    for (const [type, list] of this.byType) if (type.builtIn && type.kind === kind) return list;
    return [];
  }
}
