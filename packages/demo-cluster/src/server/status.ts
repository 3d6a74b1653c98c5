import type { JsonObject } from '../util/json';

/** The `Status` object the API server answers errors with (meta/v1). */
export interface KubeStatus extends JsonObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: JsonObject;
  status: 'Failure';
  message: string;
  reason: string;
  details?: JsonObject;
  code: number;
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'AlreadyExists',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The Status reason the API server uses for an HTTP code (`Unknown` for others). */
export function reasonFor(code: number): string {
  return REASONS[code] ?? 'Unknown';
}

export function statusBody(code: number, message: string, details?: JsonObject): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: reasonFor(code),
    ...(details ? { details } : {}),
    code,
  };
}

/** 404 for a path no resource serves (an API group whose CRD is not installed, a typo). */
export function resourceNotFound(): KubeStatus {
  return statusBody(404, 'the server could not find the requested resource', {});
}

/** 404 for an object that does not exist: `pods "x" not found`. */
export function objectNotFound(group: string, plural: string, name: string): KubeStatus {
  const what = group ? `${plural}.${group}` : plural;
  return statusBody(404, `${what} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: plural,
  });
}

export function unauthorized(): KubeStatus {
  return statusBody(401, 'Unauthorized');
}

export function badRequest(message: string): KubeStatus {
  return statusBody(400, message);
}

export function methodNotAllowed(): KubeStatus {
  return statusBody(405, 'the server does not allow this method on the requested resource');
}
