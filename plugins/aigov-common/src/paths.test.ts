import { aigovApiPaths, aigovScoreQueryString } from './paths';
import {
  aigovPermissions,
  aigovScoresReadPermission,
  aigovScoresRefreshPermission,
} from './permissions';

describe('aigovApiPaths', () => {
  it('encodes each segment of an entity path', () => {
    expect(
      aigovApiPaths.entityScore({ kind: 'component', namespace: 'default', name: 'llm chat' }),
    ).toBe('/scores/component/default/llm%20chat');
    expect(aigovApiPaths.entityHistory({ kind: 'Component', namespace: 'ml', name: 'a/b' })).toBe(
      '/scores/Component/ml/a%2Fb/history',
    );
    expect(aigovApiPaths.team({ namespace: 'default', name: 'ml-platform' })).toBe(
      '/teams/default/ml-platform',
    );
  });
});

describe('aigovScoreQueryString', () => {
  it('joins lists with commas and leaves out what is not set', () => {
    expect(
      aigovScoreQueryString({
        owner: ['group:default/a', 'b'],
        grade: ['D', 'F'],
        q: 'llm',
        limit: 10,
        offset: 0,
      }),
    ).toBe('owner=group%3Adefault%2Fa%2Cb&grade=D%2CF&q=llm&limit=10&offset=0');
    expect(aigovScoreQueryString({ owner: [] })).toBe('');
  });
});

describe('permissions', () => {
  it('are basic permissions with the documented names', () => {
    expect(aigovScoresReadPermission).toEqual({
      type: 'basic',
      name: 'aigov.scores.read',
      attributes: { action: 'read' },
    });
    expect(aigovScoresRefreshPermission.name).toBe('aigov.scores.refresh');
    expect(aigovPermissions).toHaveLength(2);
  });
});
