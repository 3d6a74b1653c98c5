/** KubeRay objects: which pod template is the head, where its cluster spec is. */
import type { PodTemplate } from '../../bundle/workload';
import type { Path } from '../../model';

export const RAY_GROUP = 'ray.io';

/** The head pod template of a RayCluster, RayService or RayJob. */
export function isRayHead(template: PodTemplate): boolean {
  return template.workload.manifest.group === RAY_GROUP && template.role === 'head';
}

/** Path of the RayCluster spec that holds a head template (`spec`, `spec.rayClusterConfig`…). */
export function rayClusterSpecPath(head: PodTemplate): Path {
  // specPath is <cluster spec>.headGroupSpec.template.spec
  return head.specPath.slice(0, -3);
}
