import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonValue } from './json';

/** One request as a server received it. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** Query parameters (the last value of a repeated one). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** When it arrived, ms since the epoch. */
  time: number;
}

/** What a handler answers: a JSON value (serialised) or text, with a status and headers. */
export interface HttpResult {
  status: number;
  json?: JsonValue;
  text?: string;
  headers?: Record<string, string>;
}

/** Requests a server keeps by default (the oldest are dropped), so a long-running demo stays small. */
export const DEFAULT_RECORDED_REQUESTS = 10_000;

/** Appends a request to the log, dropping the oldest beyond `max`. */
export function appendRequest(log: RecordedRequest[], entry: RecordedRequest, max: number): void {
  log.push(entry);
  if (log.length > max) log.splice(0, log.length - max);
}

export function recordRequest(req: IncomingMessage, url: URL): RecordedRequest {
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams.entries()),
    headers: { ...req.headers },
    time: Date.now(),
  };
}

export function send(res: ServerResponse, result: HttpResult): void {
  const body = result.json !== undefined ? JSON.stringify(result.json) : (result.text ?? '');
  res.writeHead(result.status, {
    'Content-Type': result.json !== undefined ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache, private',
    ...result.headers,
  });
  res.end(body);
}

const MAX_BODY = 1 << 20;

/** The request body as text (at most 1 MiB; a larger body is cut off). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts listening and resolves with the port (0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections, ends open ones, and resolves when the server has closed. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `http://host:port`, with IPv6 hosts in brackets. */
export function baseUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
