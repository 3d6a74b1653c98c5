import { parseArgs } from 'node:util';
import { startDcgmExporter } from './dcgm/exporter';
import type { DcgmExporter } from './dcgm/exporter';
import { KNOWN_CUSTOM_RESOURCES } from './server/resources';
import { startDemoCluster } from './server/start';
import type { DemoCluster } from './server/start';

export const USAGE = `Usage: aigov-demo-cluster [options]

Starts the demo Kubernetes API (with a demo Prometheus API) and a DCGM exporter fixture.

Options:
      --port <n>             Kubernetes API port (default 8001; 0 picks a free one)
      --dcgm-port <n>        DCGM exporter port (default 9400; 0 picks a free one)
      --no-dcgm              Do not start the DCGM exporter
      --host <addr>          Address to listen on (default 127.0.0.1)
      --token <token>        Require "Authorization: Bearer <token>" on the Kubernetes API
      --prometheus-path <p>  Path of the demo Prometheus API (default /prometheus)
      --no-prometheus        Do not serve the demo Prometheus API
      --without-crd <group>  Act as if the CRDs of an API group were not installed (repeatable)
      --json                 Print the URLs as one JSON line instead of text
  -h, --help                 Show this help

SIGTERM or SIGINT stops both servers.
`;

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Resolves when the process should stop (SIGTERM/SIGINT by default). */
  stopSignal(): Promise<string>;
}

export interface StartedUrls {
  kubernetes: string;
  prometheus: string | null;
  dcgm: string | null;
}

class UsageError extends Error {}

function port(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new UsageError(`--${name} must be a port number (0–65535), got "${value}"`);
  return Number(value);
}

function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    stopSignal: () =>
      new Promise((resolve) => {
        process.once('SIGTERM', () => resolve('SIGTERM'));
        process.once('SIGINT', () => resolve('SIGINT'));
      }),
  };
}

/** Runs the CLI until a stop signal; the exit code (0 stopped cleanly, 1 failed to start, 2 usage). */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'dcgm-port': { type: 'string' },
        'no-dcgm': { type: 'boolean' },
        host: { type: 'string' },
        token: { type: 'string' },
        'prometheus-path': { type: 'string' },
        'no-prometheus': { type: 'boolean' },
        'without-crd': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const without = new Set(values['without-crd'] ?? []);
    options = {
      port: port(values.port, 'port', 8001),
      dcgmPort: values['no-dcgm'] ? undefined : port(values['dcgm-port'], 'dcgm-port', 9400),
      host: values.host ?? '127.0.0.1',
      token: values.token,
      prometheusPath: values['no-prometheus']
        ? (false as const)
        : (values['prometheus-path'] ?? '/prometheus'),
      crdGroups: [...new Set(KNOWN_CUSTOM_RESOURCES.map((r) => r.group))].filter(
        (g) => !without.has(g),
      ),
      json: values.json ?? false,
    };
  } catch (e) {
    io.err(`aigov-demo-cluster: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let cluster: DemoCluster | undefined;
  let dcgm: DcgmExporter | undefined;
  try {
    cluster = await startDemoCluster({
      port: options.port,
      host: options.host,
      ...(options.token !== undefined ? { token: options.token } : {}),
      prometheusPath: options.prometheusPath,
      crdGroups: options.crdGroups,
    });
    if (options.dcgmPort !== undefined)
      dcgm = await startDcgmExporter({ port: options.dcgmPort, host: options.host });
  } catch (e) {
    await cluster?.close();
    io.err(`aigov-demo-cluster: cannot start: ${(e as Error).message}\n`);
    return 1;
  }

  const urls: StartedUrls = {
    kubernetes: cluster.url,
    prometheus: cluster.prometheusUrl ?? null,
    dcgm: dcgm ? `${dcgm.url}/metrics` : null,
  };
  if (options.json) {
    io.out(`${JSON.stringify(urls)}\n`);
  } else {
    io.out(
      [
        'aigov demo cluster',
        `  Kubernetes API  ${urls.kubernetes}${options.token !== undefined ? `  (bearer token: ${options.token})` : ''}`,
        ...(urls.prometheus ? [`  Prometheus API  ${urls.prometheus}  (demo data)`] : []),
        ...(urls.dcgm ? [`  DCGM exporter   ${urls.dcgm}`] : []),
        'SIGTERM or Ctrl-C stops it.',
        '',
      ].join('\n'),
    );
  }
  const signal = await io.stopSignal();
  await Promise.all([cluster.close(), dcgm?.close()]);
  if (!options.json) io.out(`Stopped (${signal}).\n`);
  return 0;
}
