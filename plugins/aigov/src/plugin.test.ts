import {
  EntityAigovCard,
  EntityAigovContent,
  EntityGpuUsageCard,
  aigovPlugin,
  isAigovAvailable,
} from './index';
import { entity, entityWithoutAnnotations } from './testUtils/objects';

describe('legacy frontend system', () => {
  it('exports the plugin, the tab and both cards', () => {
    expect(aigovPlugin.getId()).toBe('aigov');
    expect(aigovPlugin.routes).toHaveProperty('entityContent');
    for (const c of [EntityAigovContent, EntityAigovCard, EntityGpuUsageCard])
      expect(typeof c).toBe('function');
  });

  it('applies to entities with either Kubernetes annotation', () => {
    expect(isAigovAvailable(entity)).toBe(true);
    expect(
      isAigovAvailable({
        ...entityWithoutAnnotations,
        metadata: {
          name: 'x',
          annotations: { 'backstage.io/kubernetes-label-selector': 'app=llm' },
        },
      }),
    ).toBe(true);
    expect(isAigovAvailable(entityWithoutAnnotations)).toBe(false);
  });
});
