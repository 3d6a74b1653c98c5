import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import type { AigovEntityHistoryResponse } from '@aigov/backstage-plugin-common';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider } from '@backstage/test-utils';
import { aigovApiRef } from '../../api/AigovApi';
import { AigovClient } from '../../api/AigovClient';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { entityScore, history, scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { FakeKubernetesApi } from '../../testUtils/FakeKubernetesApi';
import { deploymentWithPods } from '../../testUtils/objects';
import { deferred, renderOnEntityPage } from '../../testUtils/render';
import { AigovContent } from '../AigovContent';
import { ScoreHistory } from './ScoreHistory';
import { must } from '../../testUtils/must';

const chat: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'chat-assistant',
    namespace: 'default',
    title: 'Chat assistant',
    annotations: { 'backstage.io/kubernetes-id': 'chat-assistant' },
  },
  spec: { type: 'service', owner: 'ml-platform', lifecycle: 'production' },
};

function renderHistory(backend: FakeAigovBackend, entity: Entity = chat) {
  return renderWithAigov(
    <EntityProvider entity={entity}>
      <ScoreHistory entity={entity} />
    </EntityProvider>,
    backend,
  );
}

const section = () => screen.queryByRole('region', { name: 'Score history' });

describe('ScoreHistory', () => {
  it('shows the stored scans as a chart and the last scans, newest first', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderHistory(backend);
    const region = await screen.findByRole('region', { name: 'Score history' });
    const chart = within(region).getByRole('img', {
      name: /^Score trend of Chat assistant: 5 scans from .*, 61 to 74$/,
    });
    expect(chart).toHaveAttribute('data-points', '5');
    expect(
      within(region).getByText(
        'Stored by the aigov backend on its scheduled scans: 5 scans in the last 90 days.',
      ),
    ).toBeInTheDocument();
    const rows = within(within(region).getByRole('table', { name: 'Last scans' })).getAllByTestId(
      'scan',
    );
    expect(
      rows.map((r) =>
        within(r)
          .getByRole('img', { name: /^Grade/ })
          .getAttribute('aria-label'),
      ),
    ).toEqual([
      'Grade C, score 74 of 100',
      'Grade C, score 72 of 100',
      'Grade C, score 70 of 100',
      'Grade D, score 66 of 100',
      'Grade D, score 61 of 100',
    ]);

    const [request] = backend.requestsTo('/scores/Component/default/chat-assistant/history');
    const from = Date.parse(request?.query.from ?? '');
    expect(Math.abs(Date.now() - 90 * 86_400_000 - from)).toBeLessThan(60_000);
  });

  it('lists the last 10 scans only, and flags partial ones', async () => {
    const data = scorecardData();
    const scans = history(
      Array.from({ length: 14 }, (_, i) => 60 + i),
      3_600_000,
    );
    scans[13] = { ...must(scans[13]), status: 'partial' };
    must(data.histories)['component:default/chat-assistant'] = scans;
    await renderHistory(new FakeAigovBackend(data));
    const table = await screen.findByRole('table', { name: 'Last scans' });
    const rows = within(table).getAllByTestId('scan');
    expect(rows).toHaveLength(10);
    expect(within(must(rows[0])).getByText('partial')).toBeInTheDocument();
    expect(within(must(rows[0])).getByText('73')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /: 14 scans from/ })).toHaveAttribute(
      'data-points',
      '14',
    );
  });

  it('shows nothing until the history is in', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
    const pending = deferred<AigovEntityHistoryResponse>();
    jest.spyOn(api, 'getEntityHistory').mockReturnValue(pending.promise);
    await renderWithAigov(
      <EntityProvider entity={chat}>
        <ScoreHistory entity={chat} />
      </EntityProvider>,
      backend,
      { api },
    );
    expect(section()).not.toBeInTheDocument();
    pending.resolve({ entityRef: 'component:default/chat-assistant', items: history([50, 60]) });
    expect(
      await screen.findByRole('img', { name: /^Score trend of Chat assistant: 2 scans/ }),
    ).toBeInTheDocument();
  });

  it('says when the backend has not scanned the entity yet', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderHistory(backend, {
      ...chat,
      metadata: { ...chat.metadata, name: 'brand-new', title: 'Brand new' },
    });
    expect(await screen.findByText(/has not stored a scan of this entity yet/)).toBeInTheDocument();
    expect(backend.requests.map((r) => r.path)).toEqual([
      '/scores/Component/default/brand-new/history',
      '/status',
    ]);
  });

  it('says when there is no scan in the range', async () => {
    const data = scorecardData();
    must(data.histories)['component:default/chat-assistant'] = [];
    await renderHistory(new FakeAigovBackend(data));
    expect(await screen.findByText('No scan in the last 90 days.')).toBeInTheDocument();
  });

  it('renders nothing, and no error, when the backend is not installed', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { notInstalled: true });
    await renderHistory(backend);
    await waitFor(() => expect(backend.requests.map((r) => r.path)).toContain('/status'));
    // Give the answer time to render, then check that nothing did.
    await new Promise((r) => setTimeout(r, 50));
    expect(section()).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the user may not read stored scores', async () => {
    await renderHistory(new FakeAigovBackend(scorecardData(), { readForbidden: true }));
    expect(
      await screen.findByText(
        'You are not allowed to read the stored scores (permission aigov.scores.read).',
      ),
    ).toBeInTheDocument();
  });

  it('shows a failure with the backend’s message, and retries', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [{ path: /\/history$/, status: 503, message: 'database unavailable' }],
    });
    await renderHistory(backend);
    expect(await screen.findByText('Could not read the score history')).toBeInTheDocument();
    expect(
      screen.getByText('database unavailable (HTTP 503 Service Unavailable)'),
    ).toBeInTheDocument();
    backend.update({});
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Last scans' })).toBeInTheDocument();
  });
});

describe('the AI Compliance tab', () => {
  const kubernetesApi = () =>
    new FakeKubernetesApi({ clusters: [{ name: 'gpu-east', objects: deploymentWithPods() }] });
  const NO_REFRESH = { aigov: { refreshIntervalSeconds: 0 } };

  it('shows the live evaluation and, below it, the stored history', async () => {
    const data = scorecardData();
    data.scores.push(entityScore('llm-chat', 70));
    must(data.histories)['component:default/llm-chat'] = history([64, 70]);
    const backend = new FakeAigovBackend(data);
    const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
    await renderOnEntityPage(
      <TestApiProvider apis={[[aigovApiRef, api]]}>
        <AigovContent />
      </TestApiProvider>,
      { kubernetesApi: kubernetesApi(), config: NO_REFRESH },
    );
    expect(await screen.findByText(/Findings \(/)).toBeInTheDocument();
    const region = await screen.findByRole('region', { name: 'Score history' });
    expect(
      within(region).getByRole('img', { name: /^Score trend of llm-chat: 2 scans/ }),
    ).toBeInTheDocument();
  });

  it('works as before when the backend is not installed', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { notInstalled: true });
    const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
    await renderOnEntityPage(
      <TestApiProvider apis={[[aigovApiRef, api]]}>
        <AigovContent />
      </TestApiProvider>,
      { kubernetesApi: kubernetesApi(), config: NO_REFRESH },
    );
    expect(await screen.findByText(/Findings \(/)).toBeInTheDocument();
    await waitFor(() => expect(backend.requestsTo('/status')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(section()).not.toBeInTheDocument();
    expect(screen.queryByText(/aigov backend/)).not.toBeInTheDocument();
  });
});
