import { render, screen, within } from '@testing-library/react';
import type { AigovFinding } from '@aigov/backstage-plugin-common';
import { FindingsList } from './FindingsList';
import { must } from '../../testUtils/must';

const base: AigovFinding = {
  ruleId: 'gpu/shm-missing',
  messageId: 'missing',
  severity: 'warning',
  category: 'gpu',
  message: 'No /dev/shm',
  remediation: 'Mount an emptyDir at /dev/shm.',
  docsUrl: 'https://example.com/rules/gpu/shm-missing.md',
  path: 'spec.template.spec.containers[0]',
  fingerprint: 'a',
  cluster: 'east',
  container: 'vllm',
  object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'ml', name: 'llm' },
};

describe('FindingsList', () => {
  it('renders clusters, workloads with their score, containers and each finding', () => {
    render(
      <FindingsList
        findings={[
          base,
          {
            ...base,
            fingerprint: 'b',
            ruleId: 'security/run-as-root',
            severity: 'error',
            container: undefined,
            message: 'Runs as root',
            suppressed: { kind: 'exemption', reason: 'legacy image' },
          },
          { ...base, fingerprint: 'c', cluster: 'west' },
        ]}
        scoreOf={(cluster) => (cluster === 'east' ? { score: 42, grade: 'F' } : undefined)}
        replicasOf={(cluster) => (cluster === 'west' ? 20 : undefined)}
      />,
    );
    const east = screen.getByRole('region', { name: 'Cluster east' });
    const workload = within(east).getByRole('region', { name: 'Deployment ml/llm' });
    expect(
      within(workload).getByRole('img', { name: 'Grade F, score 42 of 100' }),
    ).toBeInTheDocument();
    const [objectLevel, container] = within(workload).getAllByRole('heading', { level: 5 });
    expect(objectLevel).toHaveTextContent('Object and pod spec');
    expect(container).toHaveTextContent('Container vllm');
    const items = within(workload).getAllByTestId('finding');
    expect(items.map((i) => i.dataset.rule)).toEqual(['security/run-as-root', 'gpu/shm-missing']);
    expect(
      within(must(items[0])).getByText('Suppressed by exemption: legacy image'),
    ).toBeInTheDocument();
    expect(within(must(items[1])).getByRole('link', { name: 'gpu/shm-missing' })).toHaveAttribute(
      'href',
      base.docsUrl,
    );
    expect(within(must(items[1])).getByText('Mount an emptyDir at /dev/shm.')).toBeInTheDocument();
    const west = screen.getByRole('region', { name: 'Cluster west' });
    expect(within(west).queryByRole('img')).not.toBeInTheDocument();
    expect(within(west).getByText('checked for all 20 pods of its controller')).toBeInTheDocument();
    expect(within(east).queryByText(/checked for all/)).not.toBeInTheDocument();
  });
});
