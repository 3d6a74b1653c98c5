import { screen, within } from '@testing-library/react';
import type { ObjectsByEntityResponse } from '@backstage/plugin-kubernetes-common';
import { FakeKubernetesApi } from '../../testUtils/FakeKubernetesApi';
import { deploymentWithPods, entityWithoutAnnotations } from '../../testUtils/objects';
import { deferred, renderOnEntityPage } from '../../testUtils/render';
import { AigovCard } from './AigovCard';
import { must } from '../../testUtils/must';

const config = { aigov: { refreshIntervalSeconds: 0 } };

describe('AigovCard', () => {
  it('shows a loading state, then score, grade, counts and the three worst findings with a link to the tab', async () => {
    const api = new FakeKubernetesApi({
      clusters: [{ name: 'gpu-east', objects: deploymentWithPods() }],
    });
    const pending = deferred<ObjectsByEntityResponse>();
    const spy = jest.spyOn(api, 'getObjectsByEntity').mockReturnValueOnce(pending.promise);
    await renderOnEntityPage(<AigovCard />, { kubernetesApi: api, config });
    expect(screen.getByRole('status')).toHaveTextContent('Reading the live objects');
    spy.mockRestore();
    pending.resolve(await api.getObjectsByEntity({ entity: entityWithAnnotations() }));

    const worst = await screen.findByRole('list', { name: 'Worst findings' });
    const items = within(worst).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    // Errors first.
    const first = must(items[0]);
    expect(within(first).getByText('Error')).toBeInTheDocument();
    expect(within(first).getByText(/gpu-east · Deployment ml\/llm/)).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: /^Grade [A-F], score \d+ of 100$/ }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Findings by severity')).toHaveTextContent(
      /1 error.*\d+ warnings.*\d+ info/,
    );
    expect(screen.getByRole('link', { name: 'View all findings' })).toHaveAttribute(
      'href',
      '/catalog/default/component/llm-chat/aigov',
    );
  });

  it('has no link when the app did not mount the tab', async () => {
    const api = new FakeKubernetesApi({
      clusters: [{ name: 'gpu-east', objects: deploymentWithPods() }],
    });
    await renderOnEntityPage(<AigovCard />, { kubernetesApi: api, config, mountTab: false });
    await screen.findByRole('list', { name: 'Worst findings' });
    expect(screen.queryByRole('link', { name: 'View all findings' })).not.toBeInTheDocument();
  });

  it('explains the missing annotations without calling Kubernetes', async () => {
    const api = new FakeKubernetesApi({ clusters: [] });
    await renderOnEntityPage(<AigovCard />, {
      kubernetesApi: api,
      entity: entityWithoutAnnotations,
    });
    expect(
      screen.getByText(
        /Add the backstage.io\/kubernetes-id or backstage.io\/kubernetes-label-selector annotation/,
      ),
    ).toBeInTheDocument();
    expect(api.calls).toEqual([]);
  });

  it('says when there are no objects', async () => {
    const api = new FakeKubernetesApi({ clusters: [{ name: 'gpu-east', objects: [] }] });
    await renderOnEntityPage(<AigovCard />, { kubernetesApi: api, config });
    expect(
      await screen.findByText('No Kubernetes objects found for this entity.'),
    ).toBeInTheDocument();
  });

  it('scores what answered when a cluster is unreachable, and says the score is partial', async () => {
    const api = new FakeKubernetesApi({
      clusters: [
        { name: 'gpu-east', objects: deploymentWithPods() },
        { name: 'gpu-west', unreachable: true },
      ],
    });
    await renderOnEntityPage(<AigovCard />, { kubernetesApi: api, config });
    expect(
      await screen.findByText(/Some objects could not be read; the score covers the rest/),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Worst findings' })).toBeInTheDocument();
  });

  it('shows the error when Kubernetes cannot be read', async () => {
    const api = new FakeKubernetesApi({
      clusters: [],
      backendError: 'Request failed with 500 Internal Server Error',
    });
    await renderOnEntityPage(<AigovCard />, { kubernetesApi: api, config });
    expect(await screen.findByText('Could not read the live objects')).toBeInTheDocument();
    expect(screen.getByText('Request failed with 500 Internal Server Error')).toBeInTheDocument();
  });

  it('says the aigov settings are invalid instead of reading Kubernetes', async () => {
    const api = new FakeKubernetesApi({ clusters: [] });
    await renderOnEntityPage(<AigovCard />, {
      kubernetesApi: api,
      config: { aigov: { refreshIntervalSeconds: 'soon' } },
    });
    expect(await screen.findByText('Could not read the live objects')).toBeInTheDocument();
    expect(
      screen.getByText(/^Invalid aigov configuration: .*refreshIntervalSeconds/),
    ).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });
});

function entityWithAnnotations() {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'llm-chat', annotations: { 'backstage.io/kubernetes-id': 'llm-chat' } },
  };
}
