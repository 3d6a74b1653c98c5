import fc from 'fast-check';
import { HASH_START, Hash64, hash64 } from '../../src/engine/hash';
import { Suppressor } from '../../src/engine/suppression';
import type { Exemption, SuppressionQuery } from '../../src/engine/suppression';
import { defineRule, interpolate } from '../../src/engine/rule';
import { evaluateManifests } from '../../src/engine/scan';
import type { MessageData } from '../../src/engine/context';
import { Bundle } from '../../src/bundle/bundle';
import { fromObjectsByEntity } from '../../src/live/objects-by-entity';
import { clusterOf, formatPath } from '../../src/model';
import type { Manifest, Path, Suppression } from '../../src/model';
import { getIn, globToRegExp, stringMap } from '../../src/util/json';
import { ruleMatches } from '../../src/engine/suppression';

/**
 * Evaluating a large live answer (1,000 pods, 15,000 findings) made the engine's per-finding
 * work matter: fingerprints, messages and suppression now take shortcuts (hashing in parts,
 * templates parsed once, annotations read once per object). Each must give exactly what the
 * straightforward code gave; that code is kept here as the reference.
 */

/** The hash as first written: one string, `toString(16)`. */
function referenceHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

describe('hash64', () => {
  it('is the reference hash, whole or in parts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 60 }), { maxLength: 6 }),
        (parts) => {
          const text = parts.join('');
          const expected = referenceHash(text);
          expect(hash64(text)).toBe(expected);
          const h = new Hash64().from(HASH_START);
          for (const p of parts) h.update(p);
          expect(h.digest()).toBe(expected);
          // Resumed from the state after the first part, and with a tail given by its start.
          const [first = '', ...rest] = parts;
          const state = new Hash64().from(HASH_START).update(first).state();
          const tail = `xx${rest.join('')}`;
          expect(new Hash64().from(state).update(tail, 2).digest()).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
    expect(hash64('')).toBe(referenceHash(''));
  });
});

describe('messages', () => {
  it('are the templates interpolated as `interpolate` does', () => {
    const templates = {
      plain: 'No placeholder here.',
      one: 'Container "{{container}}" requests {{ resource }} but sets no limit.',
      unknown: 'Keeps {{missing}} and {{ also }} visible; {{container}} is known.',
      inherited: 'Prototype keys are "in" data: {{toString}}.',
      edges: '{{a}}{{a}}{{b}}{ {not} }{{}}{{ c d }}',
    };
    const data: (MessageData | undefined)[] = [
      { container: 'vllm', resource: 'nvidia.com/gpu' },
      { container: 'x', a: 1, b: 0 },
      { a: '$&', container: '$1' },
      undefined,
    ];
    const rule = defineRule({
      meta: {
        id: 'gpu/test-messages',
        category: 'gpu',
        severity: 'warning',
        description: 'd',
        rationale: 'r',
        remediation: 'fix',
        messages: templates,
      },
      check(ctx) {
        for (const m of ctx.bundle.manifests)
          for (const id of Object.keys(templates) as (keyof typeof templates)[])
            data.forEach((d, i) => ctx.on(m).report(id, ['spec', `field${i}`], d));
      },
    });
    const result = evaluateManifests(
      fromObjectsByEntity({
        items: [
          {
            cluster: { name: 'c' },
            resources: [{ type: 'configmaps', resources: [{ metadata: { name: 'a' } }] }],
          },
        ],
      }).manifests,
      { rules: [rule], config: { extends: 'all' } },
    );
    const expected = (Object.values(templates) as string[]).flatMap((t) =>
      data.map((d) => interpolate(t, d)),
    );
    expect(result.findings.map((f) => f.message).sort()).toEqual(expected.sort());
  });
});

/** The fingerprint key as first written, joined and hashed in one piece. */
function referenceFingerprint(
  ruleId: string,
  messageId: string,
  bundle: Bundle,
  m: Manifest,
  role: string | undefined,
  container: { name: string; path: Path } | undefined,
  specPath: Path | undefined,
  path: Path,
): string {
  const startsWith = (p: Path, prefix: Path) =>
    prefix.length <= p.length && prefix.every((s, i) => p[i] === s);
  let where: string;
  if (container && startsWith(path, container.path))
    where = `${role ?? ''}|c:${container.name}|${formatPath(path.slice(container.path.length))}`;
  else if (specPath && startsWith(path, specPath))
    where = `${role ?? ''}|s:${formatPath(path.slice(specPath.length))}`;
  else where = formatPath(path);
  return referenceHash(
    [ruleId, messageId, clusterOf(m), m.group, m.kind, bundle.namespaceOf(m), m.name, where].join(
      '|',
    ),
  );
}

describe('fingerprints', () => {
  it('hash the identity key as the reference builds it, for every kind of path', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'spec',
        'containers',
        'resources',
        'limits',
        'nvidia.com/gpu',
        'a b',
        '',
        '0',
      ),
      fc.nat({ max: 3 }),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(segment, { maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        (tails) => {
          const seen: { expected: string; path: Path }[] = [];
          const rule = defineRule({
            meta: {
              id: 'gpu/test-paths',
              category: 'gpu',
              severity: 'warning',
              description: 'd',
              rationale: 'r',
              remediation: 'fix',
              messages: { m: 'm' },
            },
            check(ctx) {
              for (const s of ctx.containers()) {
                tails.forEach((tail, i) => {
                  // Inside the container, inside the pod spec, elsewhere in the object.
                  const path =
                    i % 3 === 0
                      ? [...s.container.path, ...tail]
                      : i % 3 === 1
                        ? [...s.template.specPath, ...tail]
                        : tail;
                  ctx.on(s.template, s.container).report('m', path);
                  seen.push({
                    path,
                    expected: referenceFingerprint(
                      'gpu/test-paths',
                      'm',
                      ctx.bundle,
                      s.manifest,
                      s.template.role,
                      s.container,
                      s.template.specPath,
                      path,
                    ),
                  });
                });
              }
            },
          });
          const pod = {
            metadata: { name: 'p', namespace: 'ml', uid: 'u' },
            spec: {
              containers: [
                { name: 'vllm', image: 'x' },
                { name: 'side', image: 'y' },
              ],
            },
          };
          const result = evaluateManifests(
            fromObjectsByEntity({
              items: [
                { cluster: { name: 'east' }, resources: [{ type: 'pods', resources: [pod] }] },
              ],
            }).manifests,
            { rules: [rule], config: { extends: 'all' } },
          );
          // Repeated identities get `~n` in order of appearance.
          const counts = new Map<string, number>();
          const expected = seen.map(({ expected: base }) => {
            const n = (counts.get(base) ?? 0) + 1;
            counts.set(base, n);
            return n === 1 ? base : `${base}~${n}`;
          });
          expect(result.findings.map((f) => f.fingerprint).sort()).toEqual(expected.sort());
          expect(new Set(result.findings.map((f) => f.path))).toEqual(
            new Set(seen.map((s) => formatPath(s.path))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** Suppression as first written: the annotations read again for every finding. */
function referenceSuppression(
  q: SuppressionQuery,
  exemptions: readonly Exemption[],
  requireReason: boolean,
): Suppression | undefined {
  const listOf = (v: string | undefined) => (v ? v.split(/[\s,]+/).filter(Boolean) : []);
  const sources = [
    stringMap(getIn(q.manifest.object, ['metadata', 'annotations'])),
    q.template?.annotations ?? {},
  ];
  for (const annotations of sources) {
    const patterns = [...listOf(annotations['aigov.dev/ignore'])];
    if (q.container !== undefined)
      patterns.push(...listOf(annotations[`aigov.dev/ignore.${q.container}`]));
    if (!patterns.some((p) => ruleMatches(p, q.ruleId))) continue;
    const reason = annotations['aigov.dev/ignore-reason']?.trim();
    if (!reason && requireReason) continue;
    return reason ? { kind: 'annotation', reason } : { kind: 'annotation' };
  }
  const exemption = exemptions.find(
    (e) =>
      e.rules.some((r) => ruleMatches(r, q.ruleId)) &&
      (!e.namespace || globToRegExp(e.namespace).test(q.namespace)) &&
      (!e.kind || globToRegExp(e.kind).test(q.manifest.kind)) &&
      (!e.name || globToRegExp(e.name).test(q.manifest.name)) &&
      (!e.container || (q.container !== undefined && globToRegExp(e.container).test(q.container))),
  );
  return exemption ? { kind: 'exemption', reason: exemption.reason } : undefined;
}

describe('suppression', () => {
  it('decides as the reference, asked again and again about the same objects', () => {
    const annotation = fc.dictionary(
      fc.constantFrom(
        'aigov.dev/ignore',
        'aigov.dev/ignore.vllm',
        'aigov.dev/ignore.side',
        'aigov.dev/ignore-reason',
        'other',
      ),
      fc.constantFrom('gpu/*', 'security/run-as-root, gpu/shm-missing', '*', '', '  why  ', 'x'),
    );
    const exemption = fc.record({
      rules: fc.array(fc.constantFrom('gpu/*', 'security/run-as-root', '*'), {
        minLength: 1,
        maxLength: 2,
      }),
      reason: fc.constantFrom('r1', 'r2'),
      namespace: fc.option(fc.constantFrom('ml', 'm*', 'other'), { nil: undefined }),
      kind: fc.option(fc.constantFrom('Deploy*', 'Pod'), { nil: undefined }),
      container: fc.option(fc.constantFrom('v*', 'side'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        annotation,
        annotation,
        fc.array(exemption, { maxLength: 2 }),
        fc.boolean(),
        (objectAnnotations, templateAnnotations, rawExemptions, requireReason) => {
          const exemptions = rawExemptions.map((e) =>
            Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
          ) as unknown as Exemption[];
          const bundle = new Bundle(
            fromObjectsByEntity({
              items: [
                {
                  cluster: { name: 'c' },
                  resources: [
                    {
                      type: 'deployments',
                      resources: [
                        {
                          metadata: { name: 'd', namespace: 'ml', annotations: objectAnnotations },
                          spec: {
                            template: {
                              metadata: { annotations: templateAnnotations },
                              spec: { containers: [{ name: 'vllm' }, { name: 'side' }] },
                            },
                          },
                        },
                      ],
                    },
                  ],
                },
              ],
            }).manifests,
          );
          const suppressor = new Suppressor(exemptions, requireReason);
          const [template] = bundle.templates;
          const manifest = bundle.manifests[0] as Manifest;
          for (let round = 0; round < 2; round++)
            for (const ruleId of ['gpu/shm-missing', 'security/run-as-root', 'storage/x'])
              for (const t of [template, undefined])
                for (const container of ['vllm', 'side', undefined]) {
                  const q = { ruleId, manifest, namespace: 'ml', template: t, container };
                  expect(suppressor.suppression(q)).toEqual(
                    referenceSuppression(q, exemptions, requireReason),
                  );
                }
        },
      ),
      { numRuns: 300 },
    );
  });
});
