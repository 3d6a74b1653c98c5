import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../util/json';
import {
  appendRequest,
  baseUrl,
  closeServer,
  DEFAULT_RECORDED_REQUESTS,
  listen,
  readBody,
  recordRequest,
  send,
} from '../util/http';
import type { HttpResult, RecordedRequest } from '../util/http';
import { demoObjects } from '../demo/objects';
import { gpuAllocations } from '../dcgm/gpu-allocation';
import { createPrometheusApi, PROMETHEUS_PATHS, prometheusError } from '../prometheus/api';
import { dcgmSeries } from '../prometheus/dcgm-series';
import type { Series } from '../prometheus/evaluate';
import { actionOf, FailureSet } from './failures';
import type { FailureRule } from './failures';
import { answerKubeRequest } from './kube-api';
import type { KubeApiState } from './kube-api';
import { ResourceRegistry } from './registry';
import type { RegistryOptions } from './registry';
import { parseKubePath } from './routes';
import { methodNotAllowed, resourceNotFound, statusBody, unauthorized } from './status';
import { ObjectStore } from './store';

export interface DemoClusterOptions extends RegistryOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * When set, every Kubernetes API request must carry `Authorization: Bearer <token>`
   * (else 401 Unauthorized). The Prometheus API needs no token.
   */
  token?: string;
  /** The cluster's objects (default: `demoObjects()`). Copied; the input is not changed. */
  objects?: readonly KubeObject[];
  /** Artificial failures for tests (changeable later with `setFailures`). */
  failures?: readonly FailureRule[];
  /**
   * Where the demo Prometheus API lives on this server (default `/prometheus`: queries at
   * `/prometheus/api/v1/query_range`); `false` to leave it out.
   */
  prometheusPath?: string | false;
  /** Clock in ms since the epoch (default `Date.now`), for metrics. */
  now?: () => number;
  /** How many requests `requests` keeps, newest last (default 10,000). */
  maxRecordedRequests?: number;
}

export interface DemoCluster {
  /** `http://127.0.0.1:<port>`: the Kubernetes API server URL. */
  url: string;
  port: number;
  /** The demo Prometheus API root (`${url}/prometheus`), or undefined when disabled. */
  prometheusUrl: string | undefined;
  /** The requests received, in order (the newest `maxRecordedRequests`). */
  requests: RecordedRequest[];
  /** Replaces the artificial failures. */
  setFailures(rules: readonly FailureRule[]): void;
  /** Replaces the object set (the cluster's resourceVersion moves on; old continue tokens expire). */
  setObjects(objects: readonly KubeObject[]): void;
  /** Stops the server and ends open connections. */
  close(): Promise<void>;
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function delay(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

/**
 * Starts a Kubernetes-API-compatible HTTP server over an in-memory object set: discovery, list
 * and get of built-in and custom resources with label and field selectors and pagination, the
 * metrics API, Status errors, bearer-token auth, artificial failures, and a demo Prometheus API
 * fed by the same GPU usage function as the DCGM exporter fixture.
 */
export async function startDemoCluster(options: DemoClusterOptions = {}): Promise<DemoCluster> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const prefix =
    options.prometheusPath === false
      ? undefined
      : normalisePrefix(options.prometheusPath ?? '/prometheus');
  const failures = new FailureSet(options.failures);
  const requests: RecordedRequest[] = [];
  const maxRecorded = options.maxRecordedRequests ?? DEFAULT_RECORDED_REQUESTS;
  const timers = new Set<NodeJS.Timeout>();

  let generation = 0;
  let series: Series[] = [];
  const load = (objects: readonly KubeObject[], serverAddress: string): KubeApiState => {
    const registry = new ResourceRegistry(objects, options);
    const store = new ObjectStore(objects, registry, generation++);
    series = dcgmSeries(gpuAllocations(objects));
    return { registry, store, serverAddress, now };
  };
  let state = load(options.objects ?? demoObjects(), host);
  const prometheus = createPrometheusApi(() => series, now);

  /** At the root (prefix ``) only the Prometheus endpoints themselves are claimed. */
  const isPrometheusPath = (path: string): boolean => {
    if (prefix === undefined) return false;
    if (prefix === '') return PROMETHEUS_PATHS.has(path);
    return path === prefix || path.startsWith(`${prefix}/`);
  };

  const answer = async (
    req: IncomingMessage,
    url: URL,
    isPrometheus: boolean,
  ): Promise<HttpResult> => {
    const method = req.method ?? 'GET';
    if (isPrometheus && prefix !== undefined) {
      const params = new URLSearchParams(url.searchParams);
      const type = req.headers['content-type'] ?? '';
      if (method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
        for (const [k, v] of new URLSearchParams(await readBody(req))) params.append(k, v);
      }
      return prometheus.handle(method, url.pathname.slice(prefix.length) || '/', params);
    }
    if (options.token !== undefined) {
      const auth = req.headers.authorization ?? '';
      const match = /^bearer\s+(.+)$/i.exec(auth);
      if (!match || match[1] !== options.token) return { status: 401, json: unauthorized() };
    }
    if (method !== 'GET' && method !== 'HEAD') return { status: 405, json: methodNotAllowed() };
    const route = parseKubePath(url.pathname);
    if (!route) return { status: 404, json: resourceNotFound() };
    const q = url.searchParams;
    const opt = (name: string): Record<string, string> => {
      const v = q.get(name);
      return v === null ? {} : { [name]: v };
    };
    return answerKubeRequest(state, route, {
      ...opt('labelSelector'),
      ...opt('fieldSelector'),
      ...opt('limit'),
      ...opt('continue'),
      ...opt('watch'),
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    appendRequest(requests, recordRequest(req, url), maxRecorded);
    const isPrometheus = isPrometheusPath(url.pathname);
    const rule = failures.match(method, url.pathname);
    if (rule) {
      if (rule.delayMs) await delay(rule.delayMs, timers);
      const action = actionOf(rule);
      if (action.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (action.kind === 'body') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(action.body);
        return;
      }
      if (action.kind === 'status') {
        const message = action.message ?? `injected failure (HTTP ${action.status})`;
        send(
          res,
          isPrometheus
            ? prometheusError(action.status, message)
            : { status: action.status, json: statusBody(action.status, message) },
        );
        return;
      }
    }
    const result = await answer(req, url, isPrometheus);
    if (method === 'HEAD') {
      res.writeHead(result.status, { 'Content-Type': 'application/json', ...result.headers });
      res.end();
      return;
    }
    send(res, result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(res, { status: 500, json: statusBody(500, `internal error: ${String(err)}`) });
    });
  });
  const port = await listen(server, options.port ?? 0, host);
  const serverAddress = `${host}:${port}`;
  state = { ...state, serverAddress };
  const url = baseUrl(host, port);

  return {
    url,
    port,
    prometheusUrl: prefix === undefined ? undefined : `${url}${prefix}`,
    requests,
    setFailures: (rules) => failures.set(rules),
    setObjects: (next) => {
      state = load(next, serverAddress);
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await closeServer(server);
    },
  };
}
