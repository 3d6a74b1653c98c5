import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AigovStatusResponse } from '@aigov/backstage-plugin-common';
import { AigovClient } from '../../api/AigovClient';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { entityScore, scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { deferred } from '../../testUtils/render';
import { AIGOV_BACKEND_DOCS_URL, AigovScorecard } from './AigovScorecard';
import { ScorecardPage } from './ScorecardPage';
import { AigovScorecardPage, aigovPlugin } from '../../plugin';
import { aigovApiRef } from '../../api/AigovApi';
import { must } from '../../testUtils/must';

const teamsTable = (timeout?: number) =>
  screen.findByRole('table', { name: 'Teams ranked by score' }, timeout ? { timeout } : undefined);
const servicesTable = () => screen.findByRole('table', { name: 'Services' });
const serviceRows = async () =>
  within(await servicesTable())
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-entity'));
const search = () => screen.getByRole('status', { name: 'Location search' });

describe('AigovScorecard', () => {
  it('shows a loading state until the backend answers', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
    const pending = deferred<AigovStatusResponse>();
    jest.spyOn(api, 'getStatus').mockReturnValue(pending.promise);
    await renderWithAigov(<AigovScorecard />, backend, { api });
    expect(screen.getByText('Reading the scores from the aigov backend…')).toBeInTheDocument();
    pending.resolve({ scoredEntities: 6 });
    expect(await teamsTable()).toBeInTheDocument();
    expect(
      screen.queryByText('Reading the scores from the aigov backend…'),
    ).not.toBeInTheDocument();
  });

  it('ranks the teams, lists the services worst first with their trend, and the worst findings', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<AigovScorecard />, backend);

    expect(
      await screen.findByText(
        '6 services scored. Last run finished 10 minutes ago: 6 scored, 1 partial, 0 failed.',
      ),
    ).toBeInTheDocument();
    const teams = within(await teamsTable())
      .getAllByRole('row')
      .slice(1);
    expect(teams.map((r) => r.getAttribute('data-team'))).toEqual([
      'group:default/ml-platform',
      'group:default/ai-division',
      'group:default/research',
    ]);
    expect(
      within(must(teams[1])).getByRole('img', { name: 'Grade C, score 73 of 100' }),
    ).toBeInTheDocument();

    expect(screen.getByRole('heading', { name: 'Services (6)' })).toBeInTheDocument();
    expect(await serviceRows()).toEqual([
      'component:default/llm-finetune',
      'resource:default/gpu-notebook',
      'component:default/chat-assistant',
      'component:default/model-gateway',
      'component:default/rag-indexer',
      'component:default/embeddings',
    ]);
    expect(backend.requestsTo('/scores').at(-1)?.query).toEqual({ limit: '25', offset: '0' });
    expect(
      await screen.findByRole('img', { name: /^Score trend of Chat assistant: 5 scans/ }),
    ).toHaveAttribute('data-points', '5');
    // The owner column names teams by their title.
    const chat = within(await servicesTable())
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-entity') === 'component:default/chat-assistant');
    expect(within(must(chat)).getByText('ML Platform')).toBeInTheDocument();

    const worst = await screen.findByRole('list', { name: 'Worst findings' });
    expect(within(worst).getAllByTestId('worst-finding')[0]).toHaveAttribute(
      'data-rule',
      'gpu/limits-missing',
    );
    expect(screen.getByRole('button', { name: 'Rescan now' })).toBeInTheDocument();
  });

  it('shows a team’s services when the team is picked, and keeps the choice in the URL', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<AigovScorecard />, backend);
    await teamsTable();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Research' }));
    expect(
      await screen.findByRole('heading', { name: 'Services of Research (2)' }),
    ).toBeInTheDocument();
    expect(await serviceRows()).toEqual([
      'component:default/llm-finetune',
      'resource:default/gpu-notebook',
    ]);
    expect(backend.requestsTo('/scores').at(-1)?.query).toMatchObject({
      team: 'group:default/research',
    });
    expect(search()).toHaveTextContent('?team=group%3Adefault%2Fresearch');
    expect(screen.getByRole('button', { name: /Team/ })).toHaveTextContent(
      'Research (AI Division)',
    );
  });

  it('applies the filters of the URL, and the text search', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<AigovScorecard />, backend, {
      route: '/aigov?grade=D,F&kind=Component',
    });
    expect(await serviceRows()).toEqual(['component:default/llm-finetune']);
    expect(backend.requestsTo('/scores').at(-1)?.query).toEqual({
      grade: 'D,F',
      kind: 'Component',
      limit: '25',
      offset: '0',
    });
    expect(screen.getByRole('button', { name: 'Grade F', pressed: true })).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Grade F' }));
    await user.click(screen.getByRole('button', { name: 'Grade D' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search services' }), 'gate');
    await waitFor(() => expect(search()).toHaveTextContent('?kind=Component&q=gate'));
    expect(await serviceRows()).toEqual(['component:default/model-gateway']);

    await user.type(screen.getByRole('searchbox', { name: 'Search services' }), 'xyz');
    expect(await screen.findByText('No service matches the filters.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Worst findings' })).not.toBeInTheDocument();
  });

  it('downloads the CSV of the filtered services', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    URL.createObjectURL = () => 'blob:test/1';
    URL.revokeObjectURL = () => undefined;
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    await renderWithAigov(<AigovScorecard />, backend, {
      route: '/aigov?team=group:default/ml-platform&q=chat',
    });
    await servicesTable();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(backend.requestsTo('/export.csv')[0]?.query).toEqual({
      team: 'group:default/ml-platform',
      q: 'chat',
    });
    click.mockRestore();
  });

  it('pages through many services', async () => {
    const data = scorecardData();
    data.scores = Array.from({ length: 30 }, (_, i) =>
      entityScore(`svc-${String(i).padStart(2, '0')}`, 40 + i, { owner: 'group:default/research' }),
    );
    const backend = new FakeAigovBackend(data);
    await renderWithAigov(<AigovScorecard />, backend);
    expect(await serviceRows()).toHaveLength(25);
    expect(screen.getByText('1–25 of 30')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('26–30 of 30')).toBeInTheDocument();
    expect(await serviceRows()).toHaveLength(5);
    expect(backend.requestsTo('/scores').at(-1)?.query).toEqual({ limit: '25', offset: '25' });
  });

  it('says the backend is not installed, with a link to the docs', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { notInstalled: true });
    await renderWithAigov(<AigovScorecard />, backend);
    const message = await screen.findByRole('region', {
      name: 'The aigov backend is not installed',
    });
    expect(message).toHaveTextContent(/does not answer at \/api\/aigov \(HTTP 404\)/);
    expect(
      within(message).getByRole('link', { name: 'How to install the aigov backend' }),
    ).toHaveAttribute('href', AIGOV_BACKEND_DOCS_URL);
    expect(backend.requests.map((r) => r.path)).toEqual(['/status']);
  });

  it('says when the user may not read the scores', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { readForbidden: true });
    await renderWithAigov(<AigovScorecard />, backend);
    const message = await screen.findByRole('region', {
      name: 'You are not allowed to see the aigov scores',
    });
    expect(message).toHaveTextContent(/needs the aigov.scores.read permission/);
  });

  it('says when there are no scores yet, and shows them after a rescan', async () => {
    const data = scorecardData();
    const scores = data.scores;
    const backend = new FakeAigovBackend({ ...data, scores: [], lastRun: undefined });
    await renderWithAigov(<AigovScorecard />, backend);
    const message = await screen.findByRole('region', { name: 'No scores yet' });
    expect(message).toHaveTextContent(/has not finished a run yet/);

    // A rescan; the backend scores the services, then the run finishes.
    await userEvent.setup().click(within(message).getByRole('button', { name: 'Rescan now' }));
    expect(backend.requestsTo('/refresh', 'POST')).toHaveLength(1);
    backend.setData({
      ...data,
      scores,
      lastRun: { ...must(data.lastRun), id: 1, finishedAt: undefined },
    });
    backend.finishRun();
    // The button asks for the status every 5 s until the run has finished.
    expect(await teamsTable(8000)).toBeInTheDocument();
  }, 15_000);

  it('explains an empty first run', async () => {
    const data = scorecardData();
    const backend = new FakeAigovBackend({
      ...data,
      scores: [],
      lastRun: { ...must(data.lastRun), entities: 0, scored: 0, partial: 0 },
    });
    await renderWithAigov(<AigovScorecard />, backend, { refreshAllowed: false });
    expect(
      await screen.findByText(/found no catalog entity with the backstage.io\/kubernetes-id/),
    ).toBeInTheDocument();
  });

  it('shows a backend failure with a retry', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [{ path: /^\/status$/, status: 503, message: 'database unavailable' }],
    });
    await renderWithAigov(<AigovScorecard />, backend);
    expect(
      await screen.findByText('Could not read the scores from the aigov backend'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('database unavailable (HTTP 503 Service Unavailable)'),
    ).toBeInTheDocument();
    backend.update({});
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await teamsTable()).toBeInTheDocument();
  });

  it('still lists the services when the teams cannot be read', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [{ path: /^\/teams\//, status: 500, message: 'rollup failed' }],
    });
    await renderWithAigov(<AigovScorecard />, backend, { catalog: null });
    expect(await screen.findByText(/^Could not read some teams: /)).toBeInTheDocument();
    expect(
      screen.getByText(/No scored service is owned by a group of the catalog/),
    ).toBeInTheDocument();
    expect(await serviceRows()).toHaveLength(6);
  });

  it('hides the rescan button from users without aigov.scores.refresh', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<AigovScorecard />, backend, { refreshAllowed: false });
    await teamsTable();
    await servicesTable();
    expect(screen.queryByRole('button', { name: 'Rescan now' })).not.toBeInTheDocument();
  });
});

describe('ScorecardPage', () => {
  it('is the legacy plugin’s routable extension, with the aigov API', () => {
    expect(typeof AigovScorecardPage).toBe('function');
    expect(aigovPlugin.routes).toHaveProperty('root');
    const factory = [...aigovPlugin.getApis()].find((f) => f.api.id === aigovApiRef.id);
    const backend = new FakeAigovBackend(scorecardData());
    expect(
      factory?.factory({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi }),
    ).toBeInstanceOf(AigovClient);
  });

  it('is a page with a header for legacy apps', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<ScorecardPage />, backend);
    expect(screen.getByRole('heading', { name: 'AI Scorecard' })).toBeInTheDocument();
    expect(await teamsTable()).toBeInTheDocument();
  });
});
