import type { PodTemplate } from '../../bundle/workload';
import type { RuleContext } from '../../engine/context';
import { defineRule } from '../../engine/rule';
import type { JsonValue } from '../../model';
import {
  effectiveResource,
  kserveDefaultsResources,
  limitRangeDefaults,
  resourceLists,
  sameQuantity,
  showQuantity,
} from '../../util/container-resources';
import { asObject } from '../../util/json';
import { parseQuantity } from '../../util/quantity';

/** The resources that decide the QoS class, and how messages name them. */
const QOS_RESOURCES = ['cpu', 'memory'] as const;
const LABEL: Record<(typeof QOS_RESOURCES)[number], string> = { cpu: 'CPU', memory: 'memory' };

type MessageId = 'limitMissing' | 'requestDiffers' | 'podLimitMissing' | 'podRequestDiffers';

/** A request that parses and differs from its limit (unparseable values are quantity-invalid's). */
function differs(request: JsonValue | undefined, limit: JsonValue | undefined): boolean {
  const r = parseQuantity(request);
  const l = parseQuantity(limit);
  return r !== undefined && l !== undefined && !sameQuantity(r, l);
}

/** Pod-level resources (`spec.resources`, Kubernetes 1.32+) decide the QoS class when set. */
function checkPodLevel(ctx: RuleContext<MessageId>, template: PodTemplate): boolean {
  const resources = asObject(template.spec.resources);
  const requests = asObject(resources?.requests) ?? {};
  const limits = asObject(resources?.limits) ?? {};
  if (!QOS_RESOURCES.some((n) => requests[n] !== undefined || limits[n] !== undefined))
    return false;
  const reporter = ctx.on(template);
  const base = [...template.specPath, 'resources'];
  for (const resource of QOS_RESOURCES) {
    const limit = limits[resource];
    const request = requests[resource] ?? limit;
    if (limit === undefined)
      reporter.report('podLimitMissing', [...base, 'limits', resource], {
        resource: LABEL[resource],
      });
    else if (differs(request, limit))
      reporter.report('podRequestDiffers', [...base, 'requests', resource], {
        resource: LABEL[resource],
        request: showQuantity(request),
        limit: showQuantity(limit),
      });
  }
  return true;
}

function checkContainers(ctx: RuleContext<MessageId>, template: PodTemplate): void {
  const defaults = limitRangeDefaults(ctx.bundle, template.workload.manifest);
  for (const container of template.containers) {
    const reporter = ctx.on(template, container);
    const lists = resourceLists(container);
    for (const resource of QOS_RESOURCES) {
      const own = lists.requests[resource] ?? lists.limits[resource];
      // KServe fills a missing request and limit of its main container with equal defaults.
      if (own === undefined && kserveDefaultsResources(template, container)) continue;
      const { request, limit } = effectiveResource(lists, resource, defaults);
      if (limit === undefined)
        reporter.report('limitMissing', [...container.resourcesPath, 'limits', resource], {
          container: container.name,
          resource: LABEL[resource],
        });
      else if (differs(request, limit))
        reporter.report('requestDiffers', [...container.resourcesPath, 'requests', resource], {
          container: container.name,
          resource: LABEL[resource],
          request: showQuantity(request),
          limit: showQuantity(limit),
        });
    }
  }
}

export default defineRule({
  meta: {
    id: 'resources/gpu-pod-not-guaranteed',
    category: 'resources',
    severity: 'info',
    tags: ['gpu', 'scheduling'],
    description: 'GPU workload whose CPU/memory requests differ from limits (not Guaranteed QoS).',
    rationale:
      'A pod is in the Guaranteed QoS class only when every container, init containers included, has CPU and ' +
      'memory limits equal to its requests. Guaranteed pods are the last the kubelet evicts under node ' +
      'pressure, and only they can get exclusive CPUs and NUMA-aligned placement from the CPU and Topology ' +
      'managers, which keeps the data path between CPU, memory and GPU on one socket. For a GPU pod, whose ' +
      'restart costs a model reload or lost training progress on an expensive node, Burstable is rarely worth ' +
      'it. A request left out equals its limit; LimitRange defaults of the namespace in the scanned set and ' +
      'the defaults KServe gives its model container are taken into account. With pod-level resources ' +
      '(spec.resources) those decide instead. TrainJob pods are built from their runtime and are not checked.',
    remediation:
      'In every container of the GPU pod, set resources.limits.cpu and resources.limits.memory and make the ' +
      'requests equal to them (or leave the requests out: they default to the limits).',
    messages: {
      limitMissing:
        'Container "{{container}}" of a GPU pod has no {{resource}} limit, so the pod is not in the Guaranteed QoS class.',
      requestDiffers:
        'Container "{{container}}" of a GPU pod requests {{request}} {{resource}} but limits it to {{limit}}, so ' +
        'the pod is not in the Guaranteed QoS class.',
      podLimitMissing:
        'The GPU pod sets pod-level resources but no {{resource}} limit, so it is not in the Guaranteed QoS class.',
      podRequestDiffers:
        'The GPU pod requests {{request}} {{resource}} at pod level but limits it to {{limit}}, so it is not in ' +
        'the Guaranteed QoS class.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec || !ctx.facts.isGpuTemplate(template)) continue;
      if (!checkPodLevel(ctx, template)) checkContainers(ctx, template);
    }
  },
});
