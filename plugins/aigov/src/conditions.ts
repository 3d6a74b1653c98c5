import type { Entity } from '@backstage/catalog-model';
import {
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
} from '@backstage/plugin-kubernetes-common';

/** The annotations that tie an entity to Kubernetes objects (either one is enough). */
export const KUBERNETES_ANNOTATIONS = [
  KUBERNETES_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_QUERY_ANNOTATION,
] as const;

/**
 * Whether the aigov tab and cards apply to an entity: it has `backstage.io/kubernetes-id` or
 * `backstage.io/kubernetes-label-selector`, like the Kubernetes plugin's tab.
 *
 * @public
 */
export function isAigovAvailable(entity: Entity): boolean {
  return KUBERNETES_ANNOTATIONS.some((a) => Boolean(entity.metadata.annotations?.[a]));
}
