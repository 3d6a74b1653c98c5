import { createServer } from 'node:http';
import type { KubeObject } from '../util/json';
import {
  appendRequest,
  baseUrl,
  closeServer,
  DEFAULT_RECORDED_REQUESTS,
  listen,
  recordRequest,
  send,
} from '../util/http';
import type { RecordedRequest } from '../util/http';
import { demoObjects } from '../demo/objects';
import { gpuAllocations } from './gpu-allocation';
import { renderDcgmMetrics } from './exposition';

export interface DcgmExporterOptions {
  /** Port to listen on; 0 (default) picks a free one. dcgm-exporter's own default is 9400. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The cluster whose GPU pods are reported. Default: the demo objects. */
  objects?: readonly KubeObject[];
  /** Clock in ms since the epoch (default `Date.now`), for tests that pin the time. */
  now?: () => number;
  /** How many requests `requests` keeps, newest last (default 10,000). */
  maxRecordedRequests?: number;
}

export interface DcgmExporter {
  /** `http://127.0.0.1:<port>`; metrics at `${url}/metrics`. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A fixture of NVIDIA's dcgm-exporter: `GET /metrics` reports every GPU allocated to a running
 * pod of the object set, with dcgm-exporter's labels and pod mapping, valued by
 * `gpuMetricValue` at the time of the scrape. `GET /health` answers `OK`.
 */
export async function startDcgmExporter(options: DcgmExporterOptions = {}): Promise<DcgmExporter> {
  const host = options.host ?? '127.0.0.1';
  const now = options.now ?? Date.now;
  const allocations = gpuAllocations(options.objects ?? demoObjects());
  const requests: RecordedRequest[] = [];
  const maxRecorded = options.maxRecordedRequests ?? DEFAULT_RECORDED_REQUESTS;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    appendRequest(requests, recordRequest(req, url), maxRecorded);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, { status: 405, text: 'Method Not Allowed\n' });
    } else if (url.pathname === '/metrics') {
      send(res, {
        status: 200,
        text: renderDcgmMetrics(allocations, now() / 1000),
        headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
      });
    } else if (url.pathname === '/health') {
      send(res, { status: 200, text: 'OK' });
    } else {
      send(res, { status: 404, text: '404 page not found\n' });
    }
  });
  const port = await listen(server, options.port ?? 0, host);
  return {
    url: baseUrl(host, port),
    port,
    requests,
    close: () => closeServer(server),
  };
}
