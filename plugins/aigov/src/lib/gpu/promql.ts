/**
 * PromQL for the GPU card. Queries are built only from the pods the Kubernetes API returned
 * and from configuration: every label value is escaped as a regular expression literal and
 * then as a PromQL string, and label and metric names are checked against the Prometheus
 * grammar, so nothing a user typed can change a query's shape.
 */

/** The DCGM exporter's metrics the card reads. */
export const DCGM_GPU_UTIL = 'DCGM_FI_DEV_GPU_UTIL';
export const DCGM_FB_USED = 'DCGM_FI_DEV_FB_USED';

/** Where DCGM series name the pod they measure (configurable: exporters and scrapes differ). */
export interface PrometheusLabelNames {
  /** Label holding the workload pod's name when the exporter sets it (`honor_labels`). */
  pod: string;
  namespace: string;
  /**
   * The same labels renamed by Prometheus when the scrape target has its own `pod`
   * (`exported_pod`); empty to query only `pod`.
   */
  exportedPod: string;
  exportedNamespace: string;
  /** Label naming the cluster, for a Prometheus (Thanos, Mimir) shared by clusters; empty when none. */
  cluster: string;
}

export const DEFAULT_LABEL_NAMES: PrometheusLabelNames = {
  pod: 'pod',
  namespace: 'namespace',
  exportedPod: 'exported_pod',
  exportedNamespace: 'exported_namespace',
  cluster: '',
};

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function isValidLabelName(name: string): boolean {
  return NAME.test(name) && !name.startsWith('__');
}

/** Escapes a literal for an RE2 regular expression (what `=~` matches with). */
export function escapeRegex(literal: string): string {
  return literal.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** A PromQL double-quoted string holding exactly `value`. */
export function promqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export interface PodSelection {
  namespace: string;
  pods: readonly string[];
  /** Matched against `labels.cluster` when that is set. */
  cluster?: string;
}

function matchers(
  podLabel: string,
  namespaceLabel: string,
  clusterLabel: string,
  selection: PodSelection,
): string {
  const podRegex = [...new Set(selection.pods)].map(escapeRegex).join('|');
  const parts = [
    `${namespaceLabel}=${promqlString(selection.namespace)}`,
    `${podLabel}=~${promqlString(podRegex)}`,
  ];
  if (clusterLabel && selection.cluster !== undefined)
    parts.push(`${clusterLabel}=${promqlString(selection.cluster)}`);
  return `{${parts.join(',')}}`;
}

/**
 * `avg by (namespace, pod) (METRIC{namespace="ml",pod=~"a|b"}) or avg by (exported_namespace,
 * exported_pod) (METRIC{exported_namespace="ml",exported_pod=~"a|b"})`: one series per pod,
 * whichever label the exporter's scrape put the pod in.
 */
export function podMetricQuery(
  metric: string,
  aggregation: 'avg' | 'sum' | 'max',
  selection: PodSelection,
  labels: PrometheusLabelNames,
): string {
  if (!METRIC.test(metric)) throw new Error(`Invalid metric name: ${JSON.stringify(metric)}`);
  for (const [key, name] of Object.entries(labels)) {
    const optional = key === 'exportedPod' || key === 'exportedNamespace' || key === 'cluster';
    if ((name !== '' || !optional) && !isValidLabelName(name))
      throw new Error(`Invalid Prometheus label name for ${key}: ${JSON.stringify(name)}`);
  }
  if (selection.pods.length === 0) throw new Error('No pods to query');
  const cluster = labels.cluster;
  const by = (pod: string, ns: string) => [cluster, ns, pod].filter(Boolean).join(', ');
  const branch = (pod: string, ns: string) =>
    `${aggregation} by (${by(pod, ns)}) (${metric}${matchers(pod, ns, cluster, selection)})`;
  const direct = branch(labels.pod, labels.namespace);
  if (!labels.exportedPod) return direct;
  return `${direct} or ${branch(labels.exportedPod, labels.exportedNamespace || labels.namespace)}`;
}
