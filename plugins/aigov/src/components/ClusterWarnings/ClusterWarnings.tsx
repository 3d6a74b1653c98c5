import { kindOfResourcePath, parseResourcePath } from '@aigov/rules';
import type { CustomResourceSpec, LiveClusterError } from '@aigov/rules';
import { Alert, Flex } from '@backstage/ui';

export interface ClusterWarningsProps {
  errors: readonly LiveClusterError[];
  /** The custom resources request failed as a whole. */
  customError?: string;
  customResources?: readonly CustomResourceSpec[];
}

interface ClusterProblems {
  notServed: string[];
  other: string[];
  unreachable?: string;
}

function resourceLabel(
  error: LiveClusterError,
  customResources: readonly CustomResourceSpec[],
): string {
  const kind = kindOfResourcePath(error.resourcePath, customResources);
  if (kind) return kind;
  const r = parseResourcePath(error.resourcePath);
  if (r) return r.group ? `${r.plural}.${r.group}` : r.plural;
  return error.resourcePath ?? error.errorType;
}

/**
 * What the clusters did not answer, one warning per cluster, shown beside the results of the
 * others: unreachable clusters, refused resources, and resource types a cluster does not
 * serve (a custom resource definition that is not installed: HTTP 404).
 */
export function ClusterWarnings({
  errors,
  customError,
  customResources = [],
}: ClusterWarningsProps) {
  const byCluster = new Map<string, ClusterProblems>();
  for (const e of errors) {
    let p = byCluster.get(e.cluster);
    if (!p) byCluster.set(e.cluster, (p = { notServed: [], other: [] }));
    if (e.errorType === 'NOT_FOUND' || e.statusCode === 404) {
      const label = resourceLabel(e, customResources);
      if (!p.notServed.includes(label)) p.notServed.push(label);
    } else if (!e.resourcePath) p.unreachable = e.message;
    else p.other.push(`${resourceLabel(e, customResources)}: ${e.message}`);
  }
  if (byCluster.size === 0 && customError === undefined) return null;
  return (
    <Flex direction="column" gap="2" aria-label="Cluster warnings">
      {customError !== undefined && (
        <Alert
          status="warning"
          icon
          title="Custom resources could not be read"
          description={`${customError}. ${customResources.map((c) => c.kind).join(', ') || 'They'} were left out of the evaluation.`}
        />
      )}
      {[...byCluster.entries()].map(([cluster, p]) => (
        <Alert
          key={cluster}
          status="warning"
          icon
          title={
            p.unreachable
              ? `Cluster ${cluster} did not answer`
              : `Cluster ${cluster} answered partly`
          }
          description={
            <Flex direction="column" gap="1">
              {p.unreachable && <span>{p.unreachable}</span>}
              {p.other.map((m) => (
                <span key={m}>{m}</span>
              ))}
              {p.notServed.length > 0 && (
                <span>
                  Not installed on {cluster} (HTTP 404): {p.notServed.join(', ')}.
                </span>
              )}
            </Flex>
          }
        />
      ))}
    </Flex>
  );
}
