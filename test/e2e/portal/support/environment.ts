/**
 * Everything the portal end-to-end test runs against, started in order and stopped in reverse:
 * the demo cluster (fake Kubernetes API, in this process), the DCGM exporter fixture (in this
 * process), a real Prometheus scraping it, the portal (backend serving the built frontend), and
 * headless Chromium. Temporary files live in one directory, kept when something failed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
  startDcgmExporter,
  startDemoCluster,
  type DcgmExporter,
  type DemoCluster,
} from '@aigov/demo-cluster';
import { launchBrowser } from './browser';
import { startPortal, type Portal } from './portal';
import { startPrometheus, waitForSamples, type Prometheus } from './prometheus';
import { UTIL_METRIC } from './gpu-expectations';

export const SCRAPE_JOB = 'dcgm';

export interface Environment {
  dir: string;
  cluster: DemoCluster;
  exporter: DcgmExporter;
  prometheus: Prometheus;
  portal: Portal;
  browser: BrowserContext;
  /** Where each server writes its output, for failure messages. */
  logs(): string;
}

/** Stops what was started, newest first; every step runs even if an earlier one fails. */
class Stack {
  readonly #stops: { name: string; stop: () => Promise<void> }[] = [];

  push(name: string, stop: () => Promise<void>): void {
    this.#stops.push({ name, stop });
  }

  async stopAll(): Promise<string[]> {
    const errors: string[] = [];
    for (const { name, stop } of this.#stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.#stops.length = 0;
    return errors;
  }
}

export interface StartedEnvironment {
  env: Environment;
  stop(options: { keepFiles: boolean }): Promise<void>;
}

export async function startEnvironment(timeouts: {
  prometheusSamplesMs: number;
  portalMs: number;
}): Promise<StartedEnvironment> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aigov-e2e-portal-'));
  const stack = new Stack();
  const stop = async ({ keepFiles }: { keepFiles: boolean }) => {
    const errors = await stack.stopAll();
    if (keepFiles) console.log(`portal e2e: logs and data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
    if (errors.length > 0)
      throw new Error(`stopping the environment failed:\n${errors.join('\n')}`);
  };
  try {
    const token = randomBytes(24).toString('hex');
    const cluster = await startDemoCluster({ token });
    stack.push('demo cluster', () => cluster.close());

    const exporter = await startDcgmExporter();
    stack.push('DCGM exporter', () => exporter.close());

    const prometheus = await startPrometheus({
      dir,
      jobName: SCRAPE_JOB,
      targets: [new URL(exporter.url).host],
    });
    stack.push('Prometheus', () => prometheus.stop());

    // The backend takes a while to start; Prometheus scrapes meanwhile.
    const portalStarting = startPortal({
      dir,
      clusterUrl: cluster.url,
      clusterToken: token,
      prometheusUrl: prometheus.url,
      timeoutMs: timeouts.portalMs,
    });
    // Registered before it is awaited, so a failed start still stops the backend.
    stack.push('portal', async () => (await portalStarting.catch(() => undefined))?.stop());
    const [portal] = await Promise.all([
      portalStarting,
      waitForSamples(prometheus, {
        jobName: SCRAPE_JOB,
        metric: UTIL_METRIC,
        samples: 5,
        timeoutMs: timeouts.prometheusSamplesMs,
      }),
    ]);

    const browser = await launchBrowser(path.join(dir, 'chromium-profile'));
    stack.push('Chromium', () => browser.close());

    const logs = () =>
      [prometheus.process, portal.process]
        .map((p) => `--- ${p.name} (${p.logFile}), last lines:\n${p.tail(12)}`)
        .join('\n');
    return { env: { dir, cluster, exporter, prometheus, portal, browser, logs }, stop };
  } catch (error) {
    await stop({ keepFiles: true }).catch(() => undefined);
    throw error;
  }
}
