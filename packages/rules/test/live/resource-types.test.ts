import { allRules } from '../../src/rules';
import {
  BUILT_IN_TYPES,
  DEFAULT_CUSTOM_RESOURCES,
  DEFAULT_OBJECT_TYPES,
  apiVersionOf,
  kindOfCustomResource,
  kindOfResourcePath,
  parseResourcePath,
} from '../../src/live/resource-types';

describe('parseResourcePath', () => {
  it.each([
    ['/api/v1/pods', { group: '', plural: 'pods' }],
    ['/api/v1/namespaces/ml/pods', { group: '', plural: 'pods' }],
    ['/apis/apps/v1/namespaces/ml/deployments', { group: 'apps', plural: 'deployments' }],
    [
      '/apis/serving.kserve.io/v1beta1/inferenceservices',
      { group: 'serving.kserve.io', plural: 'inferenceservices' },
    ],
    [
      '/apis/keda.sh/v1alpha1/namespaces/a%2Fb/scaledobjects?labelSelector=x',
      { group: 'keda.sh', plural: 'scaledobjects' },
    ],
    ['/apis/x.io/v1/namespaces/%E0%A4%A/things', { group: 'x.io', plural: 'things' }],
  ])('%s', (path, expected) => {
    expect(parseResourcePath(path)).toEqual(expected);
  });

  it.each([undefined, '', '/', '/api', '/apis/apps', '/healthz', 'pods'])('rejects %p', (path) => {
    expect(parseResourcePath(path)).toBeUndefined();
  });
});

describe('kindOfResourcePath', () => {
  it('knows built-in types and the configured custom resources, by group and plural', () => {
    expect(kindOfResourcePath('/apis/apps/v1/namespaces/ml/deployments', [])).toBe('Deployment');
    expect(kindOfResourcePath('/apis/ray.io/v1/rayjobs', DEFAULT_CUSTOM_RESOURCES)).toBe('RayJob');
    expect(kindOfResourcePath('/apis/ray.io/v1/rayjobs', [])).toBeUndefined();
    // Another version of the same resource lists the same kind.
    expect(kindOfResourcePath('/apis/autoscaling/v1/horizontalpodautoscalers', [])).toBe(
      'HorizontalPodAutoscaler',
    );
    // Pod metrics are pods of another group.
    expect(
      kindOfResourcePath('/apis/metrics.k8s.io/v1beta1/namespaces/ml/pods', []),
    ).toBeUndefined();
  });

  it('names a custom resource listed without its kind when the kind is known', () => {
    const noKind = [{ group: '', apiVersion: 'v1', plural: 'persistentvolumeclaims' }];
    expect(kindOfResourcePath('/api/v1/namespaces/ml/persistentvolumeclaims', noKind)).toBe(
      'PersistentVolumeClaim',
    );
    expect(
      kindOfResourcePath('/apis/example.com/v1/things', [
        { group: 'example.com', apiVersion: 'v1', plural: 'things' },
      ]),
    ).toBeUndefined();
  });
});

describe('kindOfCustomResource', () => {
  it('is the kind given, else the kind of the built-in type or default with that group and plural', () => {
    expect(kindOfCustomResource({ group: 'x.io', apiVersion: 'v1', plural: 'a', kind: 'A' })).toBe(
      'A',
    );
    expect(kindOfCustomResource({ group: 'ray.io', apiVersion: 'v1', plural: 'rayjobs' })).toBe(
      'RayJob',
    );
    expect(kindOfCustomResource({ group: '', apiVersion: 'v1', plural: 'secrets' })).toBe('Secret');
    expect(kindOfCustomResource({ group: 'x.io', apiVersion: 'v1', plural: 'a' })).toBeUndefined();
  });
});

describe('the resource tables', () => {
  it('give built-in types their apiVersion, kind and plural, by response type', () => {
    for (const [type, t] of Object.entries(BUILT_IN_TYPES)) {
      expect(t.plural).toBe(type);
      expect(t.apiVersion).toBe(t.group ? `${t.group}/${t.apiVersion.split('/')[1]}` : 'v1');
    }
    expect(BUILT_IN_TYPES.horizontalpodautoscalers?.apiVersion).toBe('autoscaling/v2');
    for (const t of DEFAULT_OBJECT_TYPES) expect(BUILT_IN_TYPES[t]).toBeDefined();
  });

  it('fetch by default every kind a rule needs complete to conclude that something is missing', () => {
    const fetched = new Set([
      ...DEFAULT_OBJECT_TYPES.map((t) => BUILT_IN_TYPES[t]?.kind),
      ...DEFAULT_CUSTOM_RESOURCES.map((c) => c.kind),
    ]);
    const needed = new Set(allRules.flatMap((r) => [...(r.meta.completeKinds ?? [])]));
    expect(needed.size).toBeGreaterThan(5);
    expect([...needed].filter((k) => !fetched.has(k))).toEqual([]);
  });

  it('list each default custom resource once, with its apiVersion', () => {
    const keys = DEFAULT_CUSTOM_RESOURCES.map((c) => `${c.group}/${c.plural}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(DEFAULT_CUSTOM_RESOURCES.map(apiVersionOf)).toContain('serving.kserve.io/v1beta1');
    expect(
      apiVersionOf({ group: '', apiVersion: 'v1' }) === 'v1' &&
        DEFAULT_CUSTOM_RESOURCES.some((c) => c.kind === 'PersistentVolumeClaim' && c.group === ''),
    ).toBe(true);
  });
});
