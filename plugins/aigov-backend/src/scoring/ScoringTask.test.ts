import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ScoreStore } from '../database/ScoreStore';
import type { EntityScanner } from './EntityScanner';
import { forEachConcurrently, ScoringTask } from './ScoringTask';

function component(name: string, annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}

describe('forEachConcurrently', () => {
  it('never runs more than the limit at once and visits every item', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      running--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('takes no new items once aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await forEachConcurrently(
      [1, 2, 3, 4],
      1,
      async (n) => {
        seen.push(n);
        if (n === 2) controller.abort();
      },
      controller.signal,
    );
    expect(seen).toEqual([1, 2]);
  });
});

describe('ScoringTask', () => {
  it('lists entities with either Kubernetes annotation, once each', async () => {
    const task = new ScoringTask({
      catalog: catalogServiceMock({
        entities: [
          component('by-id', { 'backstage.io/kubernetes-id': 'by-id' }),
          component('by-selector', { 'backstage.io/kubernetes-label-selector': 'app=x' }),
          component('both', {
            'backstage.io/kubernetes-id': 'both',
            'backstage.io/kubernetes-label-selector': 'app=both',
          }),
          component('none', { 'backstage.io/techdocs-ref': 'dir:.' }),
        ],
      }),
      auth: mockServices.auth(),
      scanner: {} as EntityScanner,
      store: {} as ScoreStore,
      logger: mockServices.logger.mock(),
      concurrency: 2,
      retention: { allMs: 1, hourlyMs: 2, dailyMs: 3 },
    });
    const names = (await task.listEntities()).map((e) => e.metadata.name).sort();
    expect(names).toEqual(['both', 'by-id', 'by-selector']);
  });
});
