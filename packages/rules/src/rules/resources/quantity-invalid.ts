import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import { defineRule } from '../../engine/rule';
import type { Reporter, RuleContext } from '../../engine/context';
import type { JsonValue } from '../../model';
import { resourceLists, showValue } from '../../util/container-resources';
import { asArray, asObject, asString, isObject } from '../../util/json';
import { parseQuantity } from '../../util/quantity';

type MessageId = 'invalid' | 'negative' | 'notMap' | 'sizeLimitInvalid';

/** What is wrong with a quantity: nothing, not a quantity at all, or below zero. */
function problemOf(value: JsonValue | undefined): 'invalid' | 'negative' | undefined {
  // `cpu:` with no value is null, which the API server reads as zero.
  if (value === undefined || value === null) return undefined;
  const n = parseQuantity(value);
  if (n === undefined) return 'invalid';
  return n < 0 ? 'negative' : undefined;
}

export default defineRule({
  meta: {
    id: 'resources/quantity-invalid',
    category: 'resources',
    severity: 'error',
    tags: ['schema'],
    description: 'A quantity that does not parse (`"2 Gi"`, `"1.5.0"`).',
    rationale:
      'Kubernetes quantities are a number with an optional suffix (`500m`, `2Gi`, `1e3`). Anything else — a ' +
      'space before the unit, a lowercase `gi`, two decimal points, a boolean, a negative amount, or a list ' +
      'where a map of quantities goes — makes the API server reject the object, so nothing is deployed. It ' +
      'checks container requests and limits (TrainJob resourcesPerNode included) and emptyDir sizeLimit; a ' +
      'non-numeric GPU count is reported by gpu/non-integer instead.',
    remediation:
      'Write the quantity without spaces using a Kubernetes suffix: m (milli), k, M, G, T or Ki, Mi, Gi, Ti ' +
      '(for example "500m", "1.5", "2Gi", "512Mi").',
    anchors: ['kube-linter schema-validation'],
    messages: {
      invalid:
        'Container "{{container}}" sets {{field}}.{{resource}} to {{value}}, which is not a Kubernetes quantity.',
      negative:
        'Container "{{container}}" sets {{field}}.{{resource}} to {{value}}; quantities must not be negative.',
      notMap:
        'Container "{{container}}" has {{field}} set to {{value}} instead of a map of resource quantities.',
      sizeLimitInvalid:
        'Volume "{{volume}}" sets emptyDir.sizeLimit to {{value}}, which is not a non-negative Kubernetes quantity.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const lists = resourceLists(container);
      if (lists.resources === undefined || lists.resources === null) continue;
      checkContainer(ctx.on(template, container), container, lists.resources, (name) =>
        ctx.facts.isGpuResource(name),
      );
    }
    for (const template of ctx.bundle.templates)
      if (template.ownsPodSpec) checkSizeLimits(ctx, template);
  },
});

function checkContainer(
  reporter: Reporter<MessageId>,
  container: ContainerRef,
  resources: JsonValue,
  isGpu: (name: string) => boolean,
): void {
  // `resources`, or `resourcesPerNode` on a TrainJob trainer.
  const resourcesField = String(container.resourcesPath[container.resourcesPath.length - 1]);
  if (!isObject(resources)) {
    reporter.report('notMap', container.resourcesPath, {
      container: container.name,
      field: resourcesField,
      value: showValue(resources),
    });
    return;
  }
  for (const field of ['requests', 'limits'] as const) {
    const list = resources[field];
    if (list === undefined || list === null) continue;
    const fieldPath = [...container.resourcesPath, field];
    if (!isObject(list)) {
      reporter.report('notMap', fieldPath, {
        container: container.name,
        field: `${resourcesField}.${field}`,
        value: showValue(list),
      });
      continue;
    }
    for (const [name, value] of Object.entries(list)) {
      const problem = problemOf(value);
      // gpu/non-integer explains a GPU count that is not a number; a negative one is ours.
      if (!problem || (problem === 'invalid' && isGpu(name))) continue;
      reporter.report(problem, [...fieldPath, name], {
        container: container.name,
        field,
        resource: name,
        value: showValue(value),
      });
    }
  }
}

/** emptyDir sizeLimit of the pod's volumes (a subject only when some volume sets one). */
function checkSizeLimits(ctx: RuleContext<MessageId>, template: PodTemplate): void {
  let reporter: Reporter<MessageId> | undefined;
  asArray(template.spec.volumes).forEach((volume, i) => {
    const sizeLimit = asObject(asObject(volume)?.emptyDir)?.sizeLimit;
    if (sizeLimit === undefined) return;
    reporter ??= ctx.on(template);
    if (problemOf(sizeLimit) === undefined) return;
    reporter.report(
      'sizeLimitInvalid',
      [...template.specPath, 'volumes', i, 'emptyDir', 'sizeLimit'],
      {
        volume: asString(asObject(volume)?.name) ?? `volumes[${i}]`,
        value: showValue(sizeLimit),
      },
    );
  });
}
