import { gpuAllocation, holdsGpus } from './allocation';
import { gpuResourceMatcher } from './resources';
import { must } from '../../testUtils/must';

const isGpu = gpuResourceMatcher();
const pod = (name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'ml' },
  spec,
  status: { phase: 'Running' },
  ...extra,
});
const response = (pods: unknown[]) => ({
  items: [
    {
      cluster: { name: 'east' },
      resources: [
        { type: 'pods', resources: pods },
        { type: 'services', resources: [{}] },
      ],
      errors: [],
      podMetrics: [],
    },
  ],
});

describe('gpuAllocation', () => {
  it('lists whole GPUs, MIG slices and shared GPUs per container, with the node', () => {
    const r = gpuAllocation(
      response([
        pod('whole', {
          nodeName: 'n1',
          containers: [
            { name: 'vllm', resources: { limits: { 'nvidia.com/gpu': '2', cpu: '4' } } },
          ],
        }),
        pod('mig', {
          nodeName: 'n2',
          containers: [
            { name: 'a', resources: { limits: { 'nvidia.com/mig-1g.5gb': 1 } } },
            { name: 'b', resources: { limits: { 'nvidia.com/mig-1g.5gb': 2 } } },
          ],
        }),
        pod(
          'shared',
          {
            containers: [
              {
                name: 'c',
                resources: {
                  requests: { 'nvidia.com/gpu.shared': 1 },
                  limits: { 'nvidia.com/gpu.shared': 1 },
                },
              },
            ],
          },
          { status: { phase: 'Pending' } },
        ),
        pod('cpu', { containers: [{ name: 'web', resources: { limits: { cpu: '1' } } }] }),
      ]),
      isGpu,
    );
    expect(r.totalPods).toBe(4);
    expect(r.pods.map((p) => [p.name, p.node, p.phase, p.allocated])).toEqual([
      ['mig', 'n2', 'Running', { 'nvidia.com/mig-1g.5gb': 3 }],
      ['shared', undefined, 'Pending', { 'nvidia.com/gpu.shared': 1 }],
      ['whole', 'n1', 'Running', { 'nvidia.com/gpu': 2 }],
    ]);
    expect(r.pods[0]?.containers[0]?.resources[0]).toEqual({
      resource: 'nvidia.com/mig-1g.5gb',
      kind: 'mig',
      profile: '1g.5gb',
      request: 1,
      limit: 1,
    });
    expect(r.pods[1]?.containers[0]?.resources[0]?.kind).toBe('shared');
    expect(r.pods[2]?.containers[0]?.resources).toEqual([
      { resource: 'nvidia.com/gpu', kind: 'whole', request: 2, limit: 2 },
    ]);
  });

  it('counts init containers as the scheduler does and keeps invalid values visible', () => {
    const r = gpuAllocation(
      response([
        pod('p', {
          initContainers: [{ name: 'warmup', resources: { limits: { 'nvidia.com/gpu': 4 } } }],
          containers: [
            { name: 'a', resources: { limits: { 'nvidia.com/gpu': 1 } } },
            { name: 'b', resources: { limits: { 'nvidia.com/gpu': '500m' } } },
          ],
        }),
      ]),
      isGpu,
    );
    const p = must(r.pods[0]);
    expect(p.allocated).toEqual({ 'nvidia.com/gpu': 4 });
    expect(p.containers.map((c) => [c.name, c.init])).toEqual([
      ['warmup', true],
      ['a', false],
      ['b', false],
    ]);
    expect(p.containers[2]?.resources[0]).toEqual({
      resource: 'nvidia.com/gpu',
      kind: 'whole',
      invalid: '500m',
    });
  });

  it('holds no GPUs with zero counts and tolerates malformed input', () => {
    const r = gpuAllocation(
      response([
        pod('z', { containers: [{ name: 'a', resources: { limits: { 'nvidia.com/gpu': 0 } } }] }),
        null,
        'x',
        { spec: 'y' },
      ]),
      isGpu,
    );
    expect(r.pods).toHaveLength(1);
    expect(holdsGpus(must(r.pods[0]))).toBe(false);
    for (const bad of [null, {}, { items: [null, { cluster: 1 }] }])
      expect(gpuAllocation(bad, isGpu).pods).toEqual([]);
  });
});
