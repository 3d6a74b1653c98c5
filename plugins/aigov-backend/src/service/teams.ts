import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  RELATION_PARENT_OF,
  parseEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { entityKey } from '../scoring/entities';

export interface TeamGroup {
  entityRef: string;
  title?: string;
  /** Absent for the requested group. */
  parent?: string;
  depth: number;
}

/** Groups nested deeper than this, or more of them, are not followed (cycles, runaway trees). */
const MAX_DEPTH = 20;
const MAX_GROUPS = 2000;

function titleOf(group: Entity): string | undefined {
  const profile = group.spec?.profile;
  const displayName =
    typeof profile === 'object' && profile !== null && 'displayName' in profile
      ? (profile as { displayName?: unknown }).displayName
      : undefined;
  if (typeof displayName === 'string' && displayName) return displayName;
  return group.metadata.title;
}

/** Child group refs: the `parentOf` relations, or `spec.children` before relations exist. */
function childRefs(group: Entity): string[] {
  const fromRelations = (group.relations ?? [])
    .filter((r) => r.type === RELATION_PARENT_OF)
    .map((r) => r.targetRef.toLocaleLowerCase('en-US'));
  if (fromRelations.length > 0) return fromRelations;
  const children = Array.isArray(group.spec?.children) ? group.spec.children : [];
  const out: string[] = [];
  for (const child of children) {
    if (typeof child !== 'string') continue;
    try {
      out.push(
        entityKey(
          parseEntityRef(child, {
            defaultKind: 'group',
            defaultNamespace: group.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      // not a ref: the catalog would reject it too
    }
  }
  return out;
}

/**
 * A group and every group nested under it, breadth first, read from the catalog with the
 * caller's credentials. Unknown group → NotFoundError.
 */
export async function resolveTeam(
  catalog: CatalogService,
  group: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<TeamGroup[]> {
  const rootRef = entityKey(group);
  const root = await catalog.getEntityByRef(rootRef, { credentials });
  if (!root || root.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new NotFoundError(`No group ${rootRef} in the catalog`);
  }
  const out: TeamGroup[] = [{ entityRef: rootRef, depth: 0, ...titled(root) }];
  const seen = new Set([rootRef]);
  let frontier: { entity: Entity; ref: string }[] = [{ entity: root, ref: rootRef }];
  for (let depth = 1; depth <= MAX_DEPTH && frontier.length > 0; depth++) {
    const wanted: { ref: string; parent: string }[] = [];
    for (const { entity, ref } of frontier) {
      for (const child of childRefs(entity)) {
        if (seen.has(child) || seen.size >= MAX_GROUPS) continue;
        seen.add(child);
        wanted.push({ ref: child, parent: ref });
      }
    }
    if (wanted.length === 0) break;
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: wanted.map((w) => w.ref) },
      { credentials },
    );
    frontier = [];
    items.forEach((child, i) => {
      const w = wanted[i];
      if (!child || !w || child.kind.toLocaleLowerCase('en-US') !== 'group') return;
      out.push({ entityRef: w.ref, parent: w.parent, depth, ...titled(child) });
      frontier.push({ entity: child, ref: w.ref });
    });
  }
  return out;
}

function titled(group: Entity): { title?: string } {
  const title = titleOf(group);
  return title ? { title } : {};
}
