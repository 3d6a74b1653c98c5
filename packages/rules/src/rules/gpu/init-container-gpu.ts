import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { Reporter } from '../../engine/context';
import type { Facts, GpuResource } from '../../engine/facts';
import { defineRule } from '../../engine/rule';
import { showQuantity } from '../../util/container-resources';
import { parseQuantity } from '../../util/quantity';
import { asksFor, countPath, countValue, isSidecar } from './gpu-resources';

/** GPUs of one resource that the long-running containers (app containers and sidecars) ask for. */
function runningCount(facts: Facts, template: PodTemplate, name: string): number {
  let total = 0;
  for (const c of template.containers) {
    if (c.init && !isSidecar(c)) continue;
    const r = facts.gpuResources(c).find((g) => g.name === name);
    total += (r && parseQuantity(countValue(r))) || 0;
  }
  return total;
}

export default defineRule({
  meta: {
    id: 'gpu/init-container-gpu',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu'],
    description: "An init container requests GPUs (held for the pod's life).",
    rationale:
      'The scheduler reserves for a pod the larger of what any init container asks for and what its ' +
      'containers ask for together, and keeps that reservation until the pod ends. An init container that ' +
      "asks for more GPUs than the pod's containers use makes the pod hold the difference idle for its whole " +
      "life; a sidecar (an init container with restartPolicy: Always) really holds its GPUs for the pod's life. " +
      'When the containers use at least as many GPUs as the init container, the devices are handed on and ' +
      'nothing is wasted, so that case is reported only as information: GPU warm-up is usually better done in ' +
      'the main container, where a failure is visible to its probes.',
    remediation:
      'Do model downloads and conversions in an init container without GPUs, and GPU work (engine builds, ' +
      'warm-up) in the main container; if an init container must use a GPU, ask for no more GPUs than the ' +
      'main containers.',
    messages: {
      idle:
        'Init container "{{container}}" asks for {{quantity}} {{resource}} but the pod\'s containers use ' +
        '{{running}}; the pod holds the difference idle for its whole life.',
      sidecar:
        'Sidecar container "{{container}}" (restartPolicy: Always) holds {{quantity}} {{resource}} for the ' +
        "pod's whole life.",
      handedOn:
        'Init container "{{container}}" asks for {{quantity}} {{resource}}; do GPU work in the main container.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!ctx.facts.isGpuTemplate(template)) continue;
      for (const container of template.containers) {
        if (container.init) checkInit(ctx.facts, template, container, ctx.on(template, container));
      }
    }
  },
});

function checkInit(
  facts: Facts,
  template: PodTemplate,
  container: ContainerRef,
  reporter: Reporter<'idle' | 'sidecar' | 'handedOn'>,
): void {
  const used = facts.gpuResources(container).filter(asksFor);
  const [first] = used;
  if (!first) return;
  const data = (r: GpuResource): Record<string, string> => ({
    container: container.name,
    resource: r.name,
    quantity: showQuantity(countValue(r)),
  });
  if (isSidecar(container)) {
    reporter.report('sidecar', countPath(container, first), data(first));
    return;
  }
  for (const r of used) {
    const count = parseQuantity(countValue(r));
    const running = runningCount(facts, template, r.name);
    if (count !== undefined && count > running) {
      reporter.report('idle', countPath(container, r), { ...data(r), running: String(running) });
      return;
    }
  }
  reporter.report('handedOn', countPath(container, first), data(first), { severity: 'info' });
}
