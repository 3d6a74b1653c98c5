import type { AigovEntityName } from '@aigov/backstage-plugin-common';
import {
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ScoredEntityInfo } from '../database/ScoreStore';

/** The annotations that tie an entity to Kubernetes objects, as the Kubernetes plugin reads them. */
export const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
] as const;

export function hasKubernetesAnnotations(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return KUBERNETES_ANNOTATIONS.some((key) => Boolean(annotations[key]));
}

/** The store's key for an entity: its full ref in lower case, as refs compare in the catalog. */
export function entityKey(entity: Entity | AigovEntityName): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** The owner's ref: the `ownedBy` relation, or `spec.owner` read as the catalog reads it. */
export function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find((r) => r.type === RELATION_OWNED_BY);
  if (relation) return relation.targetRef.toLocaleLowerCase('en-US');
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner === '') return undefined;
  try {
    return entityKey(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

export function entityInfoOf(entity: Entity): ScoredEntityInfo {
  const owner = ownerOf(entity);
  return {
    entityRef: entityKey(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(owner ? { owner } : {}),
  };
}
