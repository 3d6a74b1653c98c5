import { screen, within } from '@testing-library/react';
import { AigovClient } from '../../api/AigovClient';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { entityScore, finding, scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { WorstFindings } from './WorstFindings';
import { WORST_FINDINGS, loadWorstFindings } from './worstFindings';
import { must } from '../../testUtils/must';

const worstFirst = () => scorecardData().scores.sort((a, b) => a.score - b.score);

describe('WorstFindings', () => {
  it('lists the most severe open findings of the lowest-scored services', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<WorstFindings services={worstFirst()} />, backend);
    const list = await screen.findByRole('list', { name: 'Worst findings' });
    const items = within(list).getAllByTestId('worst-finding');
    // Errors first (the lower-scored service first), then warnings; suppressed ones left out.
    expect(items.map((i) => i.dataset.rule)).toEqual([
      'gpu/limits-missing',
      'security/network-policy-missing',
      'reliability/pdb-missing',
      'gpu/shm-missing',
    ]);
    const first = must(items[0]);
    expect(within(first).getByText('GPU requested without a limit')).toBeInTheDocument();
    expect(
      within(first).getByText(
        'LLM fine-tuning · gpu-east · PyTorchJob ml/llm-finetune · container pytorch',
      ),
    ).toBeInTheDocument();
    // The path tells the Worker's container from the Master's of the same name.
    expect(
      within(first).getByText(
        'spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resources.limits',
      ),
    ).toBeInTheDocument();
    expect(within(first).getByText('Error')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'gpu/limits-missing' })).toHaveAttribute(
      'href',
      'https://github.com/aigov-dev/aigov/blob/main/docs/rules/gpu/limits-missing.md',
    );
    // The services with findings, worst first: the one without findings is not asked.
    expect(backend.requestsTo(/^\/scores\/[^/]+\/[^/]+\/[^/]+$/).map((r) => r.path)).toEqual([
      '/scores/Component/default/llm-finetune',
      '/scores/Resource/default/gpu-notebook',
      '/scores/Component/default/chat-assistant',
    ]);
  });

  it('says when the services have no findings', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<WorstFindings services={[entityScore('embeddings', 93)]} />, backend);
    expect(
      await screen.findByText('No findings: every check passed on these services.'),
    ).toBeInTheDocument();
  });

  it('shows what it could read and names the services it could not', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [
        { path: /^\/scores\/Component\/default\/llm-finetune$/, status: 500, message: 'boom' },
      ],
    });
    await renderWithAigov(<WorstFindings services={worstFirst()} />, backend);
    expect(
      await screen.findByText('Could not read the findings of some services'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('LLM fine-tuning: boom (HTTP 500 Internal Server Error)'),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('worst-finding').map((i) => i.dataset.rule)).toEqual([
      'security/network-policy-missing',
      'gpu/shm-missing',
    ]);
  });

  it('shows a loading state, then the failures when no service could be read', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { readForbidden: true });
    const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
    const real = api.getEntityScore.bind(api);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(api, 'getEntityScore').mockImplementation(async (entity) => {
      await gate;
      return real(entity);
    });
    await renderWithAigov(<WorstFindings services={worstFirst().slice(0, 2)} />, backend, { api });
    expect(
      screen.getByText('Reading the findings of the lowest-scored services…'),
    ).toBeInTheDocument();
    release();
    expect(
      await screen.findByText('Could not read the findings of some services'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'LLM fine-tuning: Permission aigov.scores.read is required (HTTP 403 Forbidden); GPU notebook: Permission aigov.scores.read is required (HTTP 403 Forbidden)',
      ),
    ).toBeInTheDocument();
    // No claim about findings it could not read.
    expect(screen.queryByText(/No (open )?findings/)).not.toBeInTheDocument();
  });
});

describe('loadWorstFindings', () => {
  it(`keeps the ${WORST_FINDINGS} worst of many`, async () => {
    const data = scorecardData();
    const service = entityScore('noisy', 10, {
      counts: { error: 30, warning: 0, info: 0, suppressed: 0 },
    });
    data.scores = [service];
    data.details = {
      'component:default/noisy': {
        findings: Array.from({ length: 30 }, (_, i) =>
          finding(
            `resources/rule-${String(i).padStart(2, '0')}`,
            i < 3 ? 'error' : 'info',
            `m${i}`,
            {
              kind: 'Deployment',
              name: 'noisy',
            },
          ),
        ),
        clusters: [],
        clusterErrors: [],
        completeKinds: [],
      },
    };
    const backend = new FakeAigovBackend(data);
    const api = new AigovClient({ discoveryApi: backend.discoveryApi, fetchApi: backend.fetchApi });
    const result = await loadWorstFindings(api, [service]);
    expect(result.findings).toHaveLength(WORST_FINDINGS);
    expect(result.findings.slice(0, 3).map((f) => f.finding.severity)).toEqual([
      'error',
      'error',
      'error',
    ]);
  });
});
