import type { JsonObject } from '../util/json';
import { KUBERNETES_ID_LABEL } from '../util/kubernetes-id';
import { toYaml } from '../util/yaml';
import { DEMO_CATALOG } from './catalog';
import type { DemoCatalog } from './catalog';

/** A Backstage catalog entity (`backstage.io/v1alpha1`), as written in catalog-info.yaml. */
export interface CatalogEntity extends JsonObject {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Component' | 'Group' | 'User' | 'System';
  metadata: {
    name: string;
    title?: string;
    description?: string;
    annotations?: Record<string, string>;
    tags?: string[];
  };
  spec: JsonObject;
}

export interface CatalogEntityOptions {
  /** Add `backstage.io/kubernetes-namespace` to components (default true). */
  namespaceAnnotation?: boolean;
  /** The catalog to describe (default `DEMO_CATALOG`). */
  catalog?: DemoCatalog;
}

/**
 * The catalog entities that match the demo cluster: the division and its two teams (nested
 * groups), users, systems, and one Component per service with `backstage.io/kubernetes-id`.
 */
export function demoCatalogEntities(options: CatalogEntityOptions = {}): CatalogEntity[] {
  const catalog = options.catalog ?? DEMO_CATALOG;
  const withNamespace = options.namespaceAnnotation ?? true;
  const groups = [catalog.division, ...catalog.teams];
  return [
    ...groups.map((g): CatalogEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: g.name, title: g.title, description: g.description },
      spec: {
        type: g.type,
        profile: { displayName: g.title },
        ...(g.parent ? { parent: g.parent } : {}),
        children: groups.filter((c) => c.parent === g.name).map((c) => c.name),
      },
    })),
    ...catalog.users.map((u): CatalogEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: u.name },
      spec: { profile: { displayName: u.displayName, email: u.email }, memberOf: u.memberOf },
    })),
    ...catalog.systems.map((s): CatalogEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: s.name, title: s.title, description: s.description },
      spec: { owner: `group:default/${s.owner}` },
    })),
    ...catalog.services.map((s): CatalogEntity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: s.name,
        title: s.title,
        description: s.description,
        annotations: {
          [KUBERNETES_ID_LABEL]: s.name,
          ...(withNamespace ? { 'backstage.io/kubernetes-namespace': s.namespace } : {}),
        },
        tags: s.tags,
      },
      spec: {
        type: s.type,
        lifecycle: s.lifecycle,
        owner: `group:default/${s.owner}`,
        system: s.system,
      },
    })),
  ];
}

/** The same entities as one multi-document catalog-info.yaml. */
export function demoCatalogYaml(options: CatalogEntityOptions = {}): string {
  return demoCatalogEntities(options)
    .map((e) => `---\n${toYaml(e)}`)
    .join('');
}
