import { render, screen } from '@testing-library/react';
import { DEFAULT_CUSTOM_RESOURCES } from '@aigov/rules';
import { ClusterWarnings } from './ClusterWarnings';

describe('ClusterWarnings', () => {
  it('groups errors per cluster: unreachable, refused resources, resource types not installed', () => {
    render(
      <ClusterWarnings
        customResources={DEFAULT_CUSTOM_RESOURCES}
        errors={[
          { cluster: 'west', errorType: 'FETCH_ERROR', message: 'connect ECONNREFUSED' },
          {
            cluster: 'east',
            errorType: 'NOT_FOUND',
            statusCode: 404,
            resourcePath: '/apis/ray.io/v1/namespaces/ml/rayjobs',
            message: 'x',
          },
          {
            cluster: 'east',
            errorType: 'NOT_FOUND',
            statusCode: 404,
            resourcePath: '/apis/metrics.k8s.io/v1beta1/namespaces/ml/pods',
            message: 'x',
          },
          {
            cluster: 'east',
            errorType: 'UNAUTHORIZED_ERROR',
            statusCode: 403,
            resourcePath: '/apis/policy/v1/poddisruptionbudgets',
            message: 'UNAUTHORIZED_ERROR (HTTP 403)',
          },
        ]}
        customError="Request failed with 500"
      />,
    );
    expect(screen.getByText('Cluster west did not answer')).toBeInTheDocument();
    expect(screen.getByText('connect ECONNREFUSED')).toBeInTheDocument();
    expect(screen.getByText('Cluster east answered partly')).toBeInTheDocument();
    expect(
      screen.getByText('PodDisruptionBudget: UNAUTHORIZED_ERROR (HTTP 403)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Not installed on east (HTTP 404): RayJob, pods.metrics.k8s.io.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Custom resources could not be read')).toBeInTheDocument();
    expect(
      screen.getByText(/Request failed with 500\. InferenceService, RayCluster/),
    ).toBeInTheDocument();
  });

  it('renders nothing without errors', () => {
    const { container } = render(<ClusterWarnings errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
