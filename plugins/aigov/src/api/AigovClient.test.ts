import { ResponseError } from '@backstage/errors';
import { AigovResponseFormatError } from './AigovApi';
import { AigovClient } from './AigovClient';
import { aigovErrorMessage, aigovProblemOf } from './errors';
import { FakeAigovBackend } from './testing/FakeAigovBackend';
import { scorecardData } from './testing/fixtures';

function client(backend: FakeAigovBackend) {
  return new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('Expected the request to fail');
}

describe('AigovClient', () => {
  it('reads the routes under the aigov base URL through the fetch API', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const api = client(backend);

    expect((await api.getStatus()).scoredEntities).toBe(6);
    const scores = await api.getScores({ team: 'group:default/research', grade: ['D', 'F'] });
    expect(scores.items.map((s) => s.name)).toEqual(['llm-finetune', 'gpu-notebook']);
    expect(backend.requestsTo('/scores')[0]?.query).toEqual({
      team: 'group:default/research',
      grade: 'D,F',
    });

    const detail = await api.getEntityScore({
      kind: 'Component',
      namespace: 'default',
      name: 'chat-assistant',
    });
    expect(detail.findings.map((f) => f.ruleId)).toContain('gpu/shm-missing');

    const team = await api.getTeam({ namespace: 'default', name: 'ai-division' });
    expect(team.groups.map((g) => g.entityRef)).toEqual([
      'group:default/ai-division',
      'group:default/ml-platform',
      'group:default/research',
    ]);
    expect(
      (await api.getTeamHistory({ namespace: 'default', name: 'ml-platform' }, { days: 30 })).items,
    ).toHaveLength(2);
    expect(backend.requestsTo('/teams/default/ml-platform/history')[0]?.query).toEqual({
      days: '30',
    });
  });

  it('asks for a history range with ISO times and encodes entity names', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const from = new Date('2025-11-01T00:00:00.000Z');
    const history = await client(backend).getEntityHistory(
      { kind: 'Component', namespace: 'default', name: 'chat-assistant' },
      { from, limit: 3 },
    );
    expect(history.items).toHaveLength(3);
    expect(backend.requests.at(-1)).toMatchObject({
      path: '/scores/Component/default/chat-assistant/history',
      query: { from: '2025-11-01T00:00:00.000Z', limit: '3' },
    });

    await rejection(
      client(backend).getEntityHistory({ kind: 'Component', namespace: 'a b', name: 'x/y' }),
    );
    expect(backend.requests.at(-1)?.path).toBe('/scores/Component/a%20b/x%2Fy/history');
  });

  it('downloads the CSV with the filters but without paging', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const csv = await client(backend).exportCsv({ kind: ['Resource'], limit: 25, offset: 50 });
    expect(backend.requestsTo('/export.csv')[0]?.query).toEqual({ kind: 'Resource' });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^entity_ref,kind,namespace,name,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['resource:default/gpu-notebook']);
  });

  it('posts rescans', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await expect(client(backend).refreshAll()).resolves.toEqual({ triggered: true });
    expect(backend.requestsTo('/refresh', 'POST')).toHaveLength(1);
    const detail = await client(backend).refreshEntity({
      kind: 'component',
      namespace: 'default',
      name: 'embeddings',
    });
    expect(detail.entityRef).toBe('component:default/embeddings');
  });

  it('rejects with a ResponseError carrying the status and the backend’s message', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { readForbidden: true });
    const error = await rejection(client(backend).getStatus());
    expect(ResponseError.is(error)).toBe(true);
    expect(aigovProblemOf(error)).toBe('forbidden');
    expect(aigovErrorMessage(error)).toBe(
      'Permission aigov.scores.read is required (HTTP 403 Forbidden)',
    );

    backend.update({ refreshForbidden: true });
    expect(aigovProblemOf(await rejection(client(backend).refreshAll()))).toBe('forbidden');

    backend.update({ runInProgress: true });
    expect(aigovProblemOf(await rejection(client(backend).refreshAll()))).toBe('conflict');

    backend.update({});
    const missing = await rejection(
      client(backend).getEntityScore({ kind: 'component', namespace: 'default', name: 'nope' }),
    );
    expect(aigovProblemOf(missing)).toBe('not-found');
    expect(aigovErrorMessage(missing)).toBe(
      'No scores for component:default/nope (HTTP 404 Not Found)',
    );
  });

  it('tells a missing backend (404 without a body) by its status alone', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { notInstalled: true });
    const error = await rejection(client(backend).getStatus());
    expect(aigovProblemOf(error)).toBe('not-found');
    expect(aigovErrorMessage(error)).toBe('The aigov backend answered HTTP 404 Not Found.');
  });

  it('says so when the answer is not the API’s JSON', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [
        {
          path: /^\/status$/,
          status: 200,
          body: '<html>Sign in</html>',
          contentType: 'text/html',
        },
        {
          path: /^\/scores$/,
          status: 200,
          body: '{"hello":"world"}',
          contentType: 'application/json',
        },
        { path: /^\/export\.csv$/, status: 200, body: '<html/>', contentType: 'text/html' },
      ],
    });
    const api = client(backend);
    const notJson = await rejection(api.getStatus());
    expect(notJson).toBeInstanceOf(AigovResponseFormatError);
    expect((notJson as Error).message).toBe(
      'The aigov backend answered GET /status with text/html that is not JSON.',
    );
    expect(aigovProblemOf(notJson)).toBe('error');
    await expect(api.getScores()).rejects.toThrow(
      'The aigov backend answered GET /scores with JSON that is not what its API returns.',
    );
    await expect(api.exportCsv()).rejects.toThrow(
      'The aigov backend answered GET /export.csv with text/html, not CSV.',
    );
  });

  it('reports an unreachable backend', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { networkError: true });
    const error = await rejection(client(backend).getStatus());
    expect(aigovErrorMessage(error)).toBe(
      'The aigov backend could not be reached: Failed to fetch',
    );
  });
});
