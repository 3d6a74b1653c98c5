import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { FakeKubernetesApi } from '../../testUtils/FakeKubernetesApi';
import {
  deployment,
  deploymentWithPods,
  entityWithoutAnnotations,
  networkPolicy,
} from '../../testUtils/objects';
import { deferred, renderOnEntityPage } from '../../testUtils/render';
import { AigovContent } from './AigovContent';
import { must } from '../../testUtils/must';

const findings = () => screen.queryAllByTestId('finding');
const NO_REFRESH = { aigov: { refreshIntervalSeconds: 0 } };

describe('AigovContent', () => {
  it('shows a loading state until the objects arrive', async () => {
    const api = new FakeKubernetesApi({ clusters: [] });
    const pending = deferred<ObjectsByEntityResponse>();
    jest.spyOn(api, 'getObjectsByEntity').mockReturnValue(pending.promise);
    await renderOnEntityPage(<AigovContent />, { kubernetesApi: api, config: NO_REFRESH });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reading the live objects from Kubernetes',
    );
    pending.resolve({ items: [] });
    expect(
      await screen.findByText('No Kubernetes objects found for this entity'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows score, grade, a bar per category and the findings by cluster, workload and container', async () => {
    const api = new FakeKubernetesApi({
      clusters: [{ name: 'gpu-east', objects: [...deploymentWithPods(), networkPolicy()] }],
    });
    await renderOnEntityPage(<AigovContent />, { kubernetesApi: api, config: NO_REFRESH });
    await screen.findByText(/Findings \(/);

    const grade = must(screen.getAllByRole('img', { name: /^Grade [A-F], score \d+ of 100$/ })[0]);
    expect(grade).toHaveTextContent(/^[A-F]$/);
    const gpuBar = screen.getByRole('meter', { name: 'GPU score' });
    expect(Number(gpuBar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(screen.getByRole('meter', { name: 'Monitoring score' })).toBeInTheDocument();

    const cluster = screen.getByRole('region', { name: 'Cluster gpu-east' });
    const workload = within(cluster).getByRole('region', { name: 'Deployment ml/llm' });
    expect(within(workload).getByText('Container vllm')).toBeInTheDocument();
    expect(within(workload).getByText('Object and pod spec')).toBeInTheDocument();

    const shm = must(findings().find((f) => f.dataset.rule === 'gpu/shm-missing'));
    expect(within(shm).getByText('Warning')).toBeInTheDocument();
    expect(within(shm).getByRole('link', { name: 'gpu/shm-missing' })).toHaveAttribute(
      'href',
      expect.stringMatching(/gpu\/shm-missing/),
    );
    expect(within(shm).getByText(/^Add a volume/)).toBeInTheDocument(); // the remediation
    // The NetworkPolicy selects the pods: no finding about it.
    expect(findings().some((f) => f.dataset.rule === 'security/network-policy-missing')).toBe(
      false,
    );
    expect(screen.getByText(/2 objects in 1 cluster: gpu-east \(2\)/)).toBeInTheDocument();
  });

  it('asks for the annotations when the entity has none, without calling Kubernetes', async () => {
    const api = new FakeKubernetesApi({ clusters: [] });
    await renderOnEntityPage(<AigovContent />, {
      kubernetesApi: api,
      entity: entityWithoutAnnotations,
    });
    expect(screen.getByText(/Missing Annotation/i)).toBeInTheDocument();
    expect(screen.getAllByText(/backstage.io\/kubernetes-id/).length).toBeGreaterThan(0);
    expect(api.calls).toEqual([]);
  });

  it('shows cluster errors as warnings beside the results of the clusters that answered', async () => {
    const api = new FakeKubernetesApi({
      clusters: [
        {
          name: 'gpu-east',
          objects: deploymentWithPods(),
          failures: { 'keda.sh/scaledobjects': 404, 'policy/poddisruptionbudgets': 403 },
        },
        { name: 'gpu-west', unreachable: true },
      ],
    });
    await renderOnEntityPage(<AigovContent />, { kubernetesApi: api, config: NO_REFRESH });
    await screen.findByText(/Findings \(/);
    const warnings = screen.getByLabelText('Cluster warnings');
    expect(within(warnings).getByText('Cluster gpu-west did not answer')).toBeInTheDocument();
    expect(within(warnings).getByText(/ECONNREFUSED/)).toBeInTheDocument();
    expect(within(warnings).getByText('Cluster gpu-east answered partly')).toBeInTheDocument();
    expect(
      within(warnings).getByText('Not installed on gpu-east (HTTP 404): ScaledObject.'),
    ).toBeInTheDocument();
    expect(within(warnings).getByText(/PodDisruptionBudget: /)).toBeInTheDocument();
    expect(screen.getByText(/partial/)).toBeInTheDocument();
    // The answering cluster's findings are there.
    expect(screen.getByRole('region', { name: 'Cluster gpu-east' })).toBeInTheDocument();
    expect(findings().length).toBeGreaterThan(0);
  });

  it('filters by severity and category, and shows suppressed findings as such', async () => {
    const d = deployment();
    (d.metadata as Record<string, unknown>).annotations = {
      'aigov.dev/ignore': 'gpu/shm-missing',
      'aigov.dev/ignore-reason': 'fits in RAM',
    };
    const api = new FakeKubernetesApi({ clusters: [{ name: 'c', objects: [d] }] });
    await renderOnEntityPage(<AigovContent />, { kubernetesApi: api, config: NO_REFRESH });
    await screen.findByText(/Findings \(/);
    const all = findings().length;

    const suppressed = must(findings().find((f) => f.dataset.rule === 'gpu/shm-missing'));
    expect(
      within(suppressed).getByText('Suppressed by annotation: fits in RAM'),
    ).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Error' }));
    expect(findings().length).toBeGreaterThan(0);
    expect(findings().every((f) => within(f).queryByText('Error') !== null)).toBe(true);
    expect(
      screen.getByText(new RegExp(`Findings \\(${findings().length} of ${all}\\)`)),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Error' }));
    await user.click(screen.getByRole('button', { name: 'GPU' }));
    expect(findings().length).toBeGreaterThan(0);
    expect(findings().every((f) => f.dataset.rule?.startsWith('gpu/'))).toBe(true);
    expect(findings().some((f) => f.dataset.rule === 'gpu/shm-missing')).toBe(true);

    await user.click(screen.getByRole('switch', { name: 'Show suppressed' }));
    expect(findings().some((f) => f.dataset.rule === 'gpu/shm-missing')).toBe(false);
  });

  it('says so when the Kubernetes backend fails, and retries', async () => {
    const api = new FakeKubernetesApi({
      clusters: [],
      backendError:
        'Could not find the Kubernetes Backend (HTTP 404). Make sure the plugin has been fully installed.',
    });
    await renderOnEntityPage(<AigovContent />, { kubernetesApi: api, config: NO_REFRESH });
    expect(
      await screen.findByText('Could not read the live objects of this entity'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Kubernetes Backend \(HTTP 404\)/)).toBeInTheDocument();
    api.update({ clusters: [{ name: 'c', objects: deploymentWithPods() }] });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/Findings \(/)).toBeInTheDocument();
  });

  it('refreshes on the interval without flicker, and keeps the results when a refresh fails', async () => {
    const api = new FakeKubernetesApi({ clusters: [{ name: 'c', objects: deploymentWithPods() }] });
    await renderOnEntityPage(<AigovContent />, {
      kubernetesApi: api,
      config: { aigov: { refreshIntervalSeconds: 0.05 } },
    });
    await screen.findByText(/Findings \(/);
    const before = findings().length;

    // The next refresh hangs: the results stay, marked as refreshing.
    const pending = deferred<ObjectsByEntityResponse>();
    const spy = jest.spyOn(api, 'getObjectsByEntity').mockReturnValue(pending.promise);
    await waitFor(() => expect(screen.getByText(/refreshing…/)).toBeInTheDocument());
    expect(findings()).toHaveLength(before);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    // A NetworkPolicy appeared: the answer replaces the results in place.
    spy.mockRestore();
    pending.resolve(
      await api.getObjectsByEntity({
        entity: {
          apiVersion: 'v1',
          kind: 'Component',
          metadata: { name: 'llm-chat', annotations: { 'backstage.io/kubernetes-id': 'llm-chat' } },
        },
      }),
    );
    await waitFor(() => expect(screen.queryByText(/refreshing…/)).not.toBeInTheDocument());

    api.update({ clusters: [{ name: 'c', objects: [...deploymentWithPods(), networkPolicy()] }] });
    await waitFor(() =>
      expect(findings().some((f) => f.dataset.rule === 'security/network-policy-missing')).toBe(
        false,
      ),
    );

    api.update({ clusters: [], backendError: 'Request failed with 503 Service Unavailable' });
    expect(await screen.findByText('Could not refresh')).toBeInTheDocument();
    expect(
      screen.getByText(/503 Service Unavailable.*Showing results read at/),
    ).toBeInTheDocument();
    expect(findings().length).toBeGreaterThan(0);
  });
});
