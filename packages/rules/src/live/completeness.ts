import { asObject, asString } from '../util/json';
import {
  BUILT_IN_TYPES,
  DEFAULT_OBJECT_TYPES,
  kindOfCustomResource,
  kindOfResourcePath,
  parseResourcePath,
} from './resource-types';
import type { CustomResourceSpec } from './resource-types';
import { clustersOf } from './responses';
import type { ClusterObjects } from './responses';

/** The answers of the Kubernetes plugin for one entity. */
export interface LiveAnswers {
  /** Its objects: `getObjectsByEntity`, `POST /services/:entityName`. */
  workloads: unknown;
  /**
   * Its custom resources: `getCustomObjectsByEntity`, `POST /resources/custom/query`; absent
   * when none were asked for or the request failed.
   */
  custom?: unknown;
  /** Why the custom resources request failed as a whole. */
  customError?: string;
}

export interface LiveCompleteness {
  /** Kinds read completely on every cluster, sorted: rules that conclude absence run for these. */
  kinds: string[];
  /**
   * Objects may be missing from the evaluation: a cluster was unreachable, a type was refused
   * or failed, or the custom resources request failed. A 404 (a type the cluster does not
   * serve) and pod metrics do not count.
   */
  partial: boolean;
}

/** What an error of the Kubernetes plugin says about the objects that were read. */
type ErrorEffect =
  /** Nothing is missing: a type the cluster does not serve (404), or pod metrics. */
  | { type: 'none' }
  /** The objects of one kind are missing on that cluster. */
  | { type: 'kind'; kind: string }
  /** Objects of a type the rules core does not name are missing. */
  | { type: 'other' }
  /** The cluster did not answer (no path, or one that names no resource). */
  | { type: 'cluster' };

const METRICS_GROUP = 'metrics.k8s.io';

function effectOf(raw: unknown, customResources: readonly CustomResourceSpec[]): ErrorEffect {
  const e = asObject(raw) ?? {};
  // The API server does not serve the type (a CRD that is not installed): no such objects exist.
  if (e.errorType === 'NOT_FOUND' || e.statusCode === 404) return { type: 'none' };
  const path = asString(e.resourcePath);
  const resource = parseResourcePath(path);
  if (!resource) return { type: 'cluster' };
  if (resource.group === METRICS_GROUP) return { type: 'none' };
  const kind = kindOfResourcePath(path, customResources);
  return kind ? { type: 'kind', kind } : { type: 'other' };
}

function isAnswer(response: unknown): boolean {
  return Array.isArray(asObject(response)?.items);
}

/** Kinds one cluster answered for: those asked, less those an error names. */
function answered(
  cluster: ClusterObjects,
  asked: Iterable<string>,
  customResources: readonly CustomResourceSpec[],
): Set<string> {
  const kinds = new Set(asked);
  for (const e of cluster.errors) {
    const effect = effectOf(e, customResources);
    if (effect.type === 'kind') kinds.delete(effect.kind);
  }
  return kinds;
}

/** The kinds in every set; `all` when there is no set (no cluster restricts anything). */
function intersect(sets: readonly Set<string>[], all: Iterable<string>): Set<string> {
  const [first, ...rest] = sets;
  if (!first) return new Set(all);
  return new Set([...first].filter((k) => rest.every((s) => s.has(k))));
}

function builtInKinds(types: Iterable<string>): string[] {
  const kinds: string[] = [];
  for (const t of types) {
    const builtIn = BUILT_IN_TYPES[t];
    if (builtIn) kinds.push(builtIn.kind);
  }
  return kinds;
}

/**
 * Which kinds the live objects of one entity hold completely, and whether objects may be
 * missing. A kind is complete when every cluster read it without error:
 * - built-in kinds: the types each cluster of the objects answer lists (the Kubernetes backend
 *   leaves out the types that failed), less those an error names; a cluster missing from the
 *   answer had no objects and no errors, so it restricts nothing (no cluster at all: the
 *   backend's default types);
 * - custom resources: every kind asked for, less those an error of the custom resources answer
 *   names on some cluster; none when that request failed or was not made;
 * - a 404 counts as an answer (the type is not installed: no such objects exist), pod metrics
 *   errors say nothing about objects, and an unreachable cluster (or an answer that is not
 *   shaped like one) makes nothing complete.
 */
export function liveCompleteness(
  answers: LiveAnswers,
  customResources: readonly CustomResourceSpec[] = [],
): LiveCompleteness {
  const workloads = clustersOf(answers.workloads);
  const custom = answers.custom !== undefined ? clustersOf(answers.custom) : undefined;
  // An answer that is not `{ items: [...] }` says nothing about what exists.
  const unreadable =
    !isAnswer(answers.workloads) || (answers.custom !== undefined && !isAnswer(answers.custom));
  let partial = answers.customError !== undefined || unreadable;
  let unreachable = unreadable;
  for (const cluster of [...workloads, ...(custom ?? [])]) {
    for (const e of cluster.errors) {
      const effect = effectOf(e, customResources);
      if (effect.type !== 'none') partial = true;
      if (effect.type === 'cluster') unreachable = true;
    }
  }
  if (unreachable) return { kinds: [], partial: true };

  const complete = intersect(
    workloads.map((c) =>
      answered(c, builtInKinds(c.resources.map((r) => r.type)), customResources),
    ),
    builtInKinds(DEFAULT_OBJECT_TYPES),
  );
  if (custom) {
    // Custom resources the Kubernetes backend reads on its own (its `customResources` config)
    // arrive with the objects, with nothing to say which were asked for: they prove nothing.
    const asked = customResources
      .map(kindOfCustomResource)
      .filter((k): k is string => k !== undefined);
    for (const k of intersect(
      custom.map((c) => answered(c, asked, customResources)),
      asked,
    ))
      complete.add(k);
  }
  return { kinds: [...complete].sort(), partial };
}
