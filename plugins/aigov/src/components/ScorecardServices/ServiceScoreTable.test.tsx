import { screen, within } from '@testing-library/react';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { ServiceScoreTable } from './ServiceScoreTable';

const rowOf = (ref: string) => {
  const row = screen
    .getByRole('table', { name: 'Services' })
    .querySelector(`tr[data-entity="${ref}"]`);
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${ref}`);
  return row;
};

describe('ServiceScoreTable', () => {
  it('shows each service with a link, owner, score, grade, trend, findings and age', async () => {
    const data = scorecardData();
    const backend = new FakeAigovBackend(data);
    const titles = new Map([['group:default/ml-platform', 'ML Platform']]);
    await renderWithAigov(
      <ServiceScoreTable items={data.scores} ownerTitle={(ref) => titles.get(ref)} />,
      backend,
    );
    const chat = rowOf('component:default/chat-assistant');
    expect(within(chat).getByRole('link', { name: 'Chat assistant' })).toHaveAttribute(
      'href',
      '/catalog/default/component/chat-assistant',
    );
    expect(within(chat).getByText('ML Platform')).toBeInTheDocument();
    expect(within(chat).getByRole('img', { name: 'Grade C, score 74 of 100' })).toBeInTheDocument();
    expect(within(chat).getByText('2 errors · 9 warnings · 8 info')).toBeInTheDocument();
    expect(within(chat).getByText('10 minutes ago')).toBeInTheDocument();
    const trend = await within(chat).findByRole('img', {
      name: /^Score trend of Chat assistant: 5 scans from .*, 61 to 74$/,
    });
    expect(trend).toHaveAttribute('data-points', '5');
    expect(within(chat).getByText('+13')).toBeInTheDocument();
    const [history] = backend.requestsTo('/scores/Component/default/chat-assistant/history');
    expect(
      Math.abs(Date.parse(history?.query.from ?? '') - (Date.now() - 30 * 86_400_000)),
    ).toBeLessThan(60_000);

    // Owners that are not ranked teams, partial scans and failed later scans.
    const rag = rowOf('component:default/rag-indexer');
    expect(within(rag).getByText('user:default/jane')).toBeInTheDocument();
    expect(
      within(rowOf('component:default/llm-finetune')).getByText('partial'),
    ).toBeInTheDocument();
    const notebook = rowOf('resource:default/gpu-notebook');
    expect(within(notebook).getByText('Resource')).toBeInTheDocument();
    expect(within(notebook).getByText('research')).toBeInTheDocument();
    expect(
      within(notebook).getByText(
        'last scan failed: The Kubernetes backend did not answer within 60000 ms',
      ),
    ).toBeInTheDocument();
  });

  it('keeps the row when its trend cannot be read', async () => {
    const data = scorecardData();
    const backend = new FakeAigovBackend(data, {
      failures: [
        { path: /\/history$/, status: 403, message: 'Permission aigov.scores.read is required' },
      ],
    });
    await renderWithAigov(<ServiceScoreTable items={data.scores.slice(0, 1)} />, backend);
    const row = rowOf('component:default/chat-assistant');
    expect(await within(row).findByText('trend unavailable')).toBeInTheDocument();
    expect(within(row).getByRole('img', { name: 'Grade C, score 74 of 100' })).toBeInTheDocument();
  });
});
