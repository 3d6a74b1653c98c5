import { defineRule } from '../../src/engine/rule';
import type { Rule } from '../../src/engine/rule';

/** Small rules with known behaviour, so engine tests do not depend on the catalog's rules. */
export const imageRule = defineRule({
  meta: {
    id: 'security/test-image',
    category: 'security',
    severity: 'warning',
    description: 'Test rule: flags images tagged :bad.',
    rationale: 'Test.',
    remediation: 'Use another tag.',
    messages: { bad: 'Container "{{container}}" uses {{image}}.' },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const r = ctx.on(template, container);
      const image = container.value.image;
      if (typeof image === 'string' && image.endsWith(':bad'))
        r.report('bad', [...container.path, 'image'], { container: container.name, image });
    }
  },
});

export const infoRule = defineRule({
  meta: {
    id: 'reliability/test-info',
    category: 'reliability',
    severity: 'info',
    description: 'Test rule: flags every workload without the label tested=yes.',
    rationale: 'Test.',
    remediation: 'Add the label.',
    recommended: false,
    messages: { unlabelled: '{{name}} is not labelled.' },
  },
  check(ctx) {
    for (const w of ctx.bundle.workloads) {
      const r = ctx.on(w.manifest);
      const labels = w.manifest.object.metadata;
      if (!(
        typeof labels === 'object' &&
        labels !== null &&
        !Array.isArray(labels) &&
        JSON.stringify(labels).includes('"tested":"yes"')
      ))
        r.report('unlabelled', ['metadata'], { name: w.manifest.name });
    }
  },
});

export const errorRule = defineRule({
  meta: {
    id: 'gpu/test-error',
    category: 'gpu',
    severity: 'error',
    description: 'Test rule: flags containers named "broken".',
    rationale: 'Test.',
    remediation: 'Rename it.',
    requiresComplete: true,
    messages: { broken: 'Container "{{container}}" is broken.' },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const r = ctx.on(template, container);
      if (container.name === 'broken')
        r.report('broken', [...container.path, 'name'], { container: container.name });
    }
  },
});

export const throwingRule = defineRule({
  meta: {
    id: 'storage/test-throws',
    category: 'storage',
    severity: 'warning',
    description: 'Test rule that throws.',
    rationale: 'Test.',
    remediation: 'None.',
    messages: { never: 'never' },
  },
  check() {
    throw new Error('boom');
  },
});

export const testRules: Rule[] = [imageRule, infoRule, errorRule];

export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ml
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: api:bad
        - name: broken
          image: side:1.0
`;
