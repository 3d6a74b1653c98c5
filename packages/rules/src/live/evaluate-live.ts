import type { Manifest } from '../model';
import type { AigovConfig, ResolvedConfig } from '../engine/config';
import type { Rule } from '../engine/rule';
import { evaluateManifests } from '../engine/scan';
import type { EvaluationResult } from '../engine/scan';
import { liveCompleteness } from './completeness';
import type { LiveAnswers } from './completeness';
import { fromObjectsByEntity } from './objects-by-entity';
import type { LiveCluster, LiveClusterError } from './objects-by-entity';
import type { CustomResourceSpec } from './resource-types';
import { mergeObjectsResponses } from './responses';

/** What the Kubernetes plugin answered for one entity, and what was asked of it. */
export interface LiveResponses extends LiveAnswers {
  /** The custom resources asked for (`custom` answers them). */
  customResources: readonly CustomResourceSpec[];
}

export interface LiveEvaluateOptions {
  /** The configuration, as written in .aigov.yaml or already resolved; default `recommended`. */
  config?: AigovConfig | ResolvedConfig;
  /** The rules to run (default: all). */
  rules?: readonly Rule[];
}

/** `partial` when objects may be missing (see {@link LiveCompleteness.partial}). */
export type LiveStatus = 'ok' | 'partial';

export interface LiveEvaluationResult extends EvaluationResult {
  status: LiveStatus;
  /** Kinds read completely on every cluster, sorted: rules that conclude absence ran for these. */
  completeKinds: string[];
  /** Every cluster of the answers, in order, with the objects evaluated there. */
  clusters: LiveCluster[];
  /** Per cluster and resource, as the Kubernetes plugin reported them, each said once. */
  clusterErrors: LiveClusterError[];
  /** The custom resources request failed as a whole. */
  customError?: string;
  /**
   * For an evaluated object that stands for its siblings (the pods of one controller that is
   * not in the answers), how many objects it stands for, by the manifest in `manifests`.
   */
  replicas: ReadonlyMap<Manifest, number>;
}

/**
 * Evaluates the live objects of one entity, the same way everywhere (the entity page in the
 * browser, the backend's scheduled scoring): merges the answers per cluster, loads them with
 * {@link fromObjectsByEntity}, evaluates them complete for the kinds every cluster answered
 * for ({@link liveCompleteness}), and scores them. Pure and synchronous; never throws because
 * of its input.
 */
export function evaluateLive(
  responses: LiveResponses,
  options: LiveEvaluateOptions = {},
): LiveEvaluationResult {
  const { customResources } = responses;
  const loaded = fromObjectsByEntity(mergeObjectsResponses(responses.workloads, responses.custom), {
    customResources,
  });
  const completeness = liveCompleteness(responses, customResources);
  const result = evaluateManifests(loaded.manifests, {
    ...(options.config ? { config: options.config } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    complete: { kinds: completeness.kinds },
  });
  // The bundle's manifests are the loaded ones in the same order, with their index.
  const replicas = new Map<Manifest, number>();
  loaded.manifests.forEach((m, i) => {
    const n = loaded.replicas.get(m);
    const evaluated = result.manifests[i];
    if (n !== undefined && evaluated) replicas.set(evaluated, n);
  });
  return {
    ...result,
    status: completeness.partial ? 'partial' : 'ok',
    completeKinds: completeness.kinds,
    clusters: loaded.clusters,
    clusterErrors: loaded.errors,
    ...(responses.customError !== undefined ? { customError: responses.customError } : {}),
    replicas,
  };
}
