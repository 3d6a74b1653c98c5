import {
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
  type EntityRelation,
} from '@backstage/catalog-model';

function refOf(value: string, defaultKind: string, namespace: string): string {
  return stringifyEntityRef(parseEntityRef(value, { defaultKind, defaultNamespace: namespace }));
}

/**
 * Entities as the catalog serves them after processing: a namespace, and the ownership and
 * group hierarchy relations its built-in processor derives from `spec.owner`, `spec.parent`
 * and `spec.children` (the catalog service mock serves entities as given).
 */
export function withRelations(input: readonly object[]): Entity[] {
  const entities = input.map((raw) => {
    const e = structuredClone(raw) as Entity;
    e.metadata.namespace ??= 'default';
    e.relations = [];
    return e;
  });
  const byRef = new Map(entities.map((e) => [stringifyEntityRef(e), e]));
  const relate = (from: Entity, type: string, to: string, inverse: string) => {
    from.relations?.push({ type, targetRef: to } satisfies EntityRelation);
    const target = byRef.get(to);
    if (
      target &&
      !target.relations?.some((r) => r.type === inverse && r.targetRef === stringifyEntityRef(from))
    ) {
      target.relations?.push({ type: inverse, targetRef: stringifyEntityRef(from) });
    }
  };
  for (const e of entities) {
    const ns = e.metadata.namespace ?? 'default';
    const spec = (e.spec ?? {}) as Record<string, unknown>;
    if (typeof spec.owner === 'string') {
      relate(e, RELATION_OWNED_BY, refOf(spec.owner, 'group', ns), RELATION_OWNER_OF);
    }
    if (e.kind === 'Group' && typeof spec.parent === 'string') {
      relate(e, RELATION_CHILD_OF, refOf(spec.parent, 'group', ns), RELATION_PARENT_OF);
    }
    if (e.kind === 'Group' && Array.isArray(spec.children)) {
      for (const child of spec.children) {
        if (typeof child !== 'string') continue;
        const childRef = refOf(child, 'group', ns);
        if (!e.relations?.some((r) => r.type === RELATION_PARENT_OF && r.targetRef === childRef)) {
          relate(e, RELATION_PARENT_OF, childRef, RELATION_CHILD_OF);
        }
      }
    }
  }
  return entities;
}
