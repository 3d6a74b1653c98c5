import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../src/cli';
import type { CliIO, StartedUrls } from '../src/cli';
import { getJson, getText } from './support/http';

const PACKAGE_DIR = join(__dirname, '..');

interface FakeIO extends CliIO {
  stdout: string;
  stderr: string;
  stop(): void;
  /** Resolves when something was printed to stdout. */
  printed: Promise<void>;
}

function fakeIO(): FakeIO {
  let stop: (signal: string) => void = () => undefined;
  let printed: () => void = () => undefined;
  const io: FakeIO = {
    stdout: '',
    stderr: '',
    out(text) {
      io.stdout += text;
      printed();
    },
    err(text) {
      io.stderr += text;
    },
    stopSignal: () => new Promise((resolve) => (stop = resolve)),
    stop: () => stop('SIGTERM'),
    printed: new Promise((resolve) => (printed = resolve)),
  };
  return io;
}

describe('main', () => {
  it('starts the API, the demo Prometheus and the exporter, prints their URLs, and stops on a signal', async () => {
    const io = fakeIO();
    const running = main(['--port', '0', '--dcgm-port', '0', '--token', 'demo', '--json'], io);
    await io.printed;
    const urls = JSON.parse(io.stdout) as StartedUrls;
    expect(urls.kubernetes).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(urls.prometheus).toBe(`${urls.kubernetes}/prometheus`);
    expect(urls.dcgm).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await getJson(`${urls.kubernetes}/api/v1/nodes`)).status).toBe(401);
    expect(
      (
        await getJson(`${urls.kubernetes}/api/v1/nodes`, {
          headers: { Authorization: 'Bearer demo' },
        })
      ).status,
    ).toBe(200);
    expect((await getText(urls.dcgm as string)).text).toContain('DCGM_FI_DEV_GPU_UTIL{');
    io.stop();
    expect(await running).toBe(0);
    await expect(
      fetch(`${urls.kubernetes}/version`, { signal: AbortSignal.timeout(2000) }),
    ).rejects.toThrow();
  });

  it('acts as if a CRD group were not installed with --without-crd', async () => {
    const io = fakeIO();
    const running = main(['--port', '0', '--no-dcgm', '--without-crd', 'ray.io', '--json'], io);
    await io.printed;
    const urls = JSON.parse(io.stdout) as StartedUrls;
    expect(urls.dcgm).toBeNull();
    expect((await getJson(`${urls.kubernetes}/apis/ray.io/v1/rayclusters`)).status).toBe(404);
    expect((await getJson(`${urls.kubernetes}/apis/kubeflow.org/v1/pytorchjobs`)).status).toBe(200);
    io.stop();
    expect(await running).toBe(0);
  });

  it('prints readable URLs without --json', async () => {
    const io = fakeIO();
    const running = main(['--port', '0', '--dcgm-port', '0'], io);
    await io.printed;
    expect(io.stdout).toMatch(/Kubernetes API {2}http:\/\/127\.0\.0\.1:\d+\n/);
    expect(io.stdout).toMatch(
      /Prometheus API {2}http:\/\/127\.0\.0\.1:\d+\/prometheus {2}\(demo data\)/,
    );
    expect(io.stdout).toMatch(/DCGM exporter {3}http:\/\/127\.0\.0\.1:\d+\/metrics/);
    io.stop();
    expect(await running).toBe(0);
    expect(io.stdout).toContain('Stopped (SIGTERM).');
  });

  it('exits 2 with the usage on a bad option, 0 with --help', async () => {
    const bad = fakeIO();
    expect(await main(['--port', 'eighty'], bad)).toBe(2);
    expect(bad.stderr).toContain('--port must be a port number');
    expect(bad.stderr).toContain('Usage: aigov-demo-cluster');
    const unknown = fakeIO();
    expect(await main(['--bogus'], unknown)).toBe(2);
    const help = fakeIO();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.stdout).toContain('--dcgm-port');
  });

  it('exits 1 when a port is taken', async () => {
    const first = fakeIO();
    const running = main(['--port', '0', '--no-dcgm', '--json'], first);
    await first.printed;
    const port = new URL((JSON.parse(first.stdout) as StartedUrls).kubernetes).port;
    const second = fakeIO();
    expect(await main(['--port', port, '--no-dcgm'], second)).toBe(1);
    expect(second.stderr).toContain('cannot start');
    first.stop();
    await running;
  });
});

describe('bin/demo-cluster.js', () => {
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    // The bin runs the compiled CLI: build it from the current sources first.
    await promisify(execFile)(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: PACKAGE_DIR,
        timeout: 120_000,
      },
    );
  }, 130_000);

  afterEach(() => {
    if (child && child.exitCode === null && child.pid !== undefined) child.kill('SIGKILL');
  });

  it('runs as a process and stops on SIGTERM', async () => {
    const proc = spawn(
      process.execPath,
      ['bin/demo-cluster.js', '--port', '0', '--dcgm-port', '0', '--json'],
      {
        cwd: PACKAGE_DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URLs printed in 10 s: ${out}`)), 10_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(out.split('\n')[0] as string);
        }
      });
      proc.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
    });
    const urls = JSON.parse(line) as StartedUrls;
    expect((await getJson(`${urls.kubernetes}/version`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) =>
      proc.once('exit', (code) => resolve(code)),
    );
    proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5000))),
    ]);
    clearTimeout(timer);
    expect(code).toBe(0);
  }, 20_000);
});
