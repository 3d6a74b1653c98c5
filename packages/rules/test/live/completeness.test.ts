import { liveCompleteness } from '../../src/live/completeness';
import {
  BUILT_IN_TYPES,
  DEFAULT_CUSTOM_RESOURCES,
  DEFAULT_OBJECT_TYPES,
} from '../../src/live/resource-types';
import type { CustomResourceSpec } from '../../src/live/resource-types';
import { customAnswer, deploymentWithPods, networkPolicy, objectsAnswer } from './fixtures';

const DEFAULT_KINDS = DEFAULT_OBJECT_TYPES.map((t) => BUILT_IN_TYPES[t]?.kind as string);
const some = DEFAULT_CUSTOM_RESOURCES.filter((r) =>
  ['NetworkPolicy', 'InferenceService'].includes(r.kind),
);

/** A cluster's item as the Kubernetes backend sends it: one entry per type that answered. */
function cluster(name: string, types: readonly string[], errors: unknown[] = []) {
  return {
    cluster: { name },
    resources: types.map((type) => ({ type, resources: [] })),
    errors,
    podMetrics: [],
  };
}

describe('liveCompleteness', () => {
  it('counts the built-in kinds every cluster read and the custom kinds asked for', () => {
    const result = liveCompleteness(
      { workloads: { items: [cluster('east', DEFAULT_OBJECT_TYPES)] }, custom: { items: [] } },
      some,
    );
    expect(result).toEqual({
      kinds: [...DEFAULT_KINDS, 'NetworkPolicy', 'InferenceService'].sort(),
      partial: false,
    });
  });

  it('reads the answers of a real fan-out: every default kind, every custom kind', () => {
    const clusters = [{ name: 'east', objects: [...deploymentWithPods(), networkPolicy()] }];
    const result = liveCompleteness(
      {
        workloads: objectsAnswer(clusters),
        custom: customAnswer(clusters),
      },
      DEFAULT_CUSTOM_RESOURCES,
    );
    expect(result.partial).toBe(false);
    expect(result.kinds).toEqual(
      [...new Set([...DEFAULT_KINDS, ...DEFAULT_CUSTOM_RESOURCES.map((c) => c.kind)])].sort(),
    );
  });

  it('leaves out a built-in type one cluster could not read, and flags the result partial', () => {
    const result = liveCompleteness({
      workloads: {
        items: [
          cluster('east', DEFAULT_OBJECT_TYPES),
          cluster(
            'west',
            DEFAULT_OBJECT_TYPES.filter((t) => t !== 'deployments'),
            [
              {
                errorType: 'UNAUTHORIZED_ERROR',
                statusCode: 401,
                resourcePath: '/apis/apps/v1/deployments',
              },
            ],
          ),
        ],
      },
    });
    expect(result.kinds).not.toContain('Deployment');
    expect(result.kinds).toContain('StatefulSet');
    expect(result.partial).toBe(true);
  });

  it('leaves out a built-in kind an error names even when its list is there', () => {
    const result = liveCompleteness({
      workloads: {
        items: [
          cluster('east', DEFAULT_OBJECT_TYPES, [
            {
              errorType: 'SYSTEM_ERROR',
              statusCode: 500,
              resourcePath: '/api/v1/namespaces/ml/pods',
            },
          ]),
        ],
      },
    });
    expect(result.kinds).not.toContain('Pod');
    expect(result.kinds).toContain('Deployment');
    expect(result.partial).toBe(true);
  });

  it('counts a type the cluster does not serve (404) as answered: no such objects exist', () => {
    const result = liveCompleteness(
      {
        workloads: { items: [cluster('east', DEFAULT_OBJECT_TYPES)] },
        custom: {
          items: [
            cluster(
              'east',
              [],
              [
                {
                  errorType: 'NOT_FOUND',
                  statusCode: 404,
                  resourcePath: '/apis/serving.kserve.io/v1beta1/namespaces/ml/inferenceservices',
                },
              ],
            ),
          ],
        },
      },
      some,
    );
    expect(result.kinds).toContain('NetworkPolicy');
    expect(result.kinds).toContain('InferenceService');
    expect(result.partial).toBe(false);
  });

  it('leaves out a custom kind refused on one cluster, whatever the others answered', () => {
    const clusters = [
      { name: 'east', objects: deploymentWithPods() },
      {
        name: 'west',
        objects: deploymentWithPods(),
        failures: { 'networking.k8s.io/networkpolicies': 403 },
      },
    ];
    const result = liveCompleteness(
      { workloads: objectsAnswer(clusters), custom: customAnswer(clusters) },
      DEFAULT_CUSTOM_RESOURCES,
    );
    expect(result.kinds).not.toContain('NetworkPolicy');
    expect(result.kinds).toContain('PodDisruptionBudget');
    expect(result.kinds).toContain('Deployment');
    expect(result.partial).toBe(true);
  });

  it('makes nothing complete when a cluster is unreachable', () => {
    const result = liveCompleteness(
      {
        workloads: {
          items: [
            cluster('east', DEFAULT_OBJECT_TYPES),
            cluster('down', [], [{ errorType: 'FETCH_ERROR', message: 'connect ECONNREFUSED' }]),
          ],
        },
        custom: { items: [] },
      },
      some,
    );
    expect(result).toEqual({ kinds: [], partial: true });
    // Also when only the custom resources request met it, and for a path that names nothing.
    for (const error of [
      { errorType: 'FETCH_ERROR', message: 'socket hang up' },
      { errorType: 'UNKNOWN_ERROR', statusCode: 502, resourcePath: '/healthz' },
    ]) {
      expect(
        liveCompleteness(
          {
            workloads: { items: [cluster('east', DEFAULT_OBJECT_TYPES)] },
            custom: { items: [cluster('east', [], [error])] },
          },
          some,
        ),
      ).toEqual({ kinds: [], partial: true });
    }
  });

  it('ignores pod metrics errors', () => {
    const result = liveCompleteness({
      workloads: {
        items: [
          cluster('east', DEFAULT_OBJECT_TYPES, [
            {
              errorType: 'NOT_FOUND',
              statusCode: 404,
              resourcePath: '/apis/metrics.k8s.io/v1beta1/namespaces/ml/pods',
            },
            {
              errorType: 'SYSTEM_ERROR',
              statusCode: 500,
              resourcePath: '/apis/metrics.k8s.io/v1beta1/namespaces/ml/pods',
            },
          ]),
        ],
      },
    });
    expect(result.partial).toBe(false);
    expect(result.kinds).toContain('Pod');
  });

  it('flags a refused type it does not know as partial without touching the known kinds', () => {
    // A custom resource the Kubernetes backend reads on its own: its objects may matter.
    const result = liveCompleteness(
      {
        workloads: {
          items: [
            cluster('east', DEFAULT_OBJECT_TYPES, [
              {
                errorType: 'UNKNOWN_ERROR',
                statusCode: 403,
                resourcePath: '/apis/argoproj.io/v1alpha1/rollouts',
              },
            ]),
          ],
        },
        custom: { items: [] },
      },
      some,
    );
    expect(result.partial).toBe(true);
    expect(result.kinds).toEqual([...DEFAULT_KINDS, 'NetworkPolicy', 'InferenceService'].sort());
  });

  it('does not claim a custom kind when it is unknown, nor one the request was not made for', () => {
    const resources: CustomResourceSpec[] = [
      { group: 'ray.io', apiVersion: 'v1', plural: 'rayclusters', kind: 'RayCluster' },
      { group: 'ray.io', apiVersion: 'v1', plural: 'rayservices', kind: 'RayService' },
      { group: 'example.com', apiVersion: 'v1', plural: 'things' },
      { group: '', apiVersion: 'v1', plural: 'persistentvolumeclaims' },
    ];
    const refused = {
      items: [
        cluster(
          'east',
          [],
          [
            {
              errorType: 'SYSTEM_ERROR',
              statusCode: 500,
              resourcePath: '/apis/ray.io/v1/rayservices',
            },
          ],
        ),
      ],
    };
    const result = liveCompleteness({ workloads: { items: [] }, custom: refused }, resources);
    expect(result.kinds).toContain('RayCluster');
    expect(result.kinds).not.toContain('RayService');
    // Its kind is known from the built-in types.
    expect(result.kinds).toContain('PersistentVolumeClaim');
    expect(result.kinds).not.toContain('Thing');

    const notAsked = liveCompleteness(
      { workloads: { items: [cluster('east', ['pods'])] } },
      resources,
    );
    expect(notAsked).toEqual({ kinds: ['Pod'], partial: false });
    const failed = liveCompleteness(
      { workloads: { items: [cluster('east', ['pods'])] }, customError: 'HTTP 500' },
      resources,
    );
    expect(failed).toEqual({ kinds: ['Pod'], partial: true });
  });

  it('takes the default object types as read when no cluster had any object or error', () => {
    // The Kubernetes backend leaves out the clusters that had nothing to say.
    const result = liveCompleteness({ workloads: { items: [] }, custom: { items: [] } }, some);
    expect(result).toEqual({
      kinds: [...DEFAULT_KINDS, 'NetworkPolicy', 'InferenceService'].sort(),
      partial: false,
    });
  });

  it('reads malformed answers as empty rather than throwing, and trusts none of them', () => {
    for (const bad of [null, 42, 'x', { items: 'no' }, { items: [1, null, { errors: 'x' }] }]) {
      expect(() => liveCompleteness({ workloads: bad, custom: bad }, some)).not.toThrow();
    }
    const fine = { items: [cluster('east', DEFAULT_OBJECT_TYPES)] };
    for (const bad of [null, 'x', { items: 'no' }, {}]) {
      expect(liveCompleteness({ workloads: bad, custom: { items: [] } }, some)).toEqual({
        kinds: [],
        partial: true,
      });
      expect(liveCompleteness({ workloads: fine, custom: bad }, some)).toEqual({
        kinds: [],
        partial: true,
      });
    }
    expect(
      liveCompleteness({
        workloads: {
          items: [{ cluster: { name: 'c' }, resources: [{ type: 3 }, 'x'], errors: [null, 7] }],
        },
      }),
    ).toEqual({ kinds: [], partial: true });
  });
});
