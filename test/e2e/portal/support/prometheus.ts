/**
 * A real Prometheus (Debian's /usr/bin/prometheus) for the end-to-end test: configuration and
 * storage in a temporary directory, listening on a free loopback port, scraping the given targets
 * every second.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  fetchWithTimeout,
  freePort,
  startProcess,
  stopOnFailure,
  waitFor,
  type ManagedProcess,
} from './processes';

export const PROMETHEUS_BINARY = process.env.AIGOV_E2E_PROMETHEUS ?? '/usr/bin/prometheus';

export interface Prometheus {
  readonly url: string;
  readonly process: ManagedProcess;
  /** An instant or range-vector query through the HTTP API; the `data.result` array. */
  query(promql: string, time?: number): Promise<PrometheusSeries[]>;
  stop(): Promise<void>;
}

export interface PrometheusSeries {
  metric: Record<string, string>;
  /** Instant vector: [seconds, "value"]. */
  value?: [number, string];
  /** Range vector: the raw samples, [seconds, "value"] each. */
  values?: [number, string][];
}

export interface StartPrometheusOptions {
  dir: string;
  /** host:port of each scrape target. */
  targets: readonly string[];
  jobName: string;
}

export async function startPrometheus(options: StartPrometheusOptions): Promise<Prometheus> {
  const port = await freePort();
  const configFile = path.join(options.dir, 'prometheus.yml');
  const dataDir = path.join(options.dir, 'prometheus-data');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    configFile,
    [
      'global:',
      '  scrape_interval: 1s',
      '  scrape_timeout: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      `  - job_name: ${options.jobName}`,
      // The exporter's pod, namespace and container labels are the ones the plugin queries by.
      '    honor_labels: true',
      '    static_configs:',
      `      - targets: [${options.targets.map((target) => `'${target}'`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  const child = startProcess({
    name: 'prometheus',
    command: PROMETHEUS_BINARY,
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
    ],
    cwd: options.dir,
    logFile: path.join(options.dir, 'prometheus.log'),
  });
  const url = `http://127.0.0.1:${port}`;

  async function query(promql: string, time?: number): Promise<PrometheusSeries[]> {
    const params = new URLSearchParams({ query: promql });
    if (time !== undefined) params.set('time', String(time));
    const response = await fetchWithTimeout(`${url}/api/v1/query?${params}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: { result: PrometheusSeries[] };
    };
    if (!response.ok || body.status !== 'success' || !body.data) {
      throw new Error(`Prometheus query ${promql} failed: ${response.status} ${body.error ?? ''}`);
    }
    return body.data.result;
  }

  await stopOnFailure(
    child,
    waitFor(async () => ((await fetchWithTimeout(`${url}/-/ready`)).ok ? true : undefined), {
      what: 'Prometheus to be ready',
      timeoutMs: 30_000,
      process: child,
    }),
  );
  return { url, process: child, query, stop: () => child.stop() };
}

/** Waits until every target of the job is up and `metric` has at least `samples` samples. */
export async function waitForSamples(
  prometheus: Prometheus,
  options: { jobName: string; metric: string; samples: number; timeoutMs: number },
): Promise<void> {
  await waitFor(
    async () => {
      const up = await prometheus.query(`up{job="${options.jobName}"}`);
      if (up.length === 0 || up.some((series) => series.value?.[1] !== '1')) return undefined;
      const counts = await prometheus.query(`count_over_time(${options.metric}[5m])`);
      if (counts.length === 0) return undefined;
      const fewest = Math.min(...counts.map((series) => Number(series.value?.[1] ?? 0)));
      return fewest >= options.samples ? true : undefined;
    },
    {
      what: `${options.samples} samples of ${options.metric} in Prometheus`,
      timeoutMs: options.timeoutMs,
      intervalMs: 500,
      process: prometheus.process,
    },
  );
}
