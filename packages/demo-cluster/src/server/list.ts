import type { JsonObject, KubeObject } from '../util/json';
import { objectKey } from '../util/json';
import { matchesFields, parseFieldSelector } from './field-selector';
import type { FieldRequirement } from './field-selector';
import { SelectorError, matchesLabels, parseLabelSelector } from './label-selector';
import type { LabelRequirement } from './label-selector';
import type { ResourceType } from './resources';
import { groupVersion } from './resources';
import { badRequest, statusBody } from './status';
import type { KubeStatus } from './status';

/** The query parameters of a list request that the server honours. */
export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: string;
  continue?: string;
}

export interface ListBody extends JsonObject {
  kind: string;
  apiVersion: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: JsonObject[];
}

interface ContinueToken {
  v: 'meta.k8s.io/v1';
  rv: number;
  /** The key to start from (the last returned key followed by `\u0000`). */
  start: string;
}

export function encodeContinue(rv: number, lastKey: string): string {
  const token: ContinueToken = { v: 'meta.k8s.io/v1', rv, start: `${lastKey}\u0000` };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeContinue(raw: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new SelectorError('continue key is not valid: illegal base64 data or JSON');
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as ContinueToken).v !== 'meta.k8s.io/v1' ||
    typeof (parsed as ContinueToken).rv !== 'number' ||
    typeof (parsed as ContinueToken).start !== 'string'
  )
    throw new SelectorError(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  return parsed as ContinueToken;
}

const EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** A list item as the API server returns it: built-in kinds without apiVersion and kind. */
export function listItem(type: ResourceType, obj: KubeObject): JsonObject {
  if (!type.builtIn) return obj;
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = obj;
  return rest;
}

function fieldValue(type: ResourceType, obj: KubeObject, field: string): string | undefined {
  if (field === 'metadata.name') return obj.metadata.name;
  if (field === 'metadata.namespace') return obj.metadata.namespace ?? '';
  const get = type.fields?.[field];
  return get ? get(obj) : undefined;
}

function checkFields(type: ResourceType, requirements: readonly FieldRequirement[]): void {
  for (const r of requirements) {
    if (r.field === 'metadata.name' || r.field === 'metadata.namespace' || type.fields?.[r.field])
      continue;
    throw new SelectorError(
      type.builtIn
        ? `field label not supported: ${r.field}`
        : `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
    );
  }
}

/**
 * Answers a list request as the API server does: selectors, then `limit`/`continue` pages in
 * storage order, with `metadata.continue` while items remain.
 */
export function listResponse(
  type: ResourceType,
  objects: readonly KubeObject[],
  query: ListQuery,
  resourceVersion: number,
): ListBody | KubeStatus {
  let labels: LabelRequirement[];
  let fields: FieldRequirement[];
  let limit = 0;
  let start = '';
  try {
    labels = parseLabelSelector(query.labelSelector ?? '');
    fields = parseFieldSelector(query.fieldSelector ?? '');
    checkFields(type, fields);
    if (query.limit !== undefined && query.limit !== '') {
      if (!/^-?\d+$/.test(query.limit))
        throw new SelectorError(`limit: Invalid value: "${query.limit}": must be an integer`);
      limit = Math.max(0, Number(query.limit));
    }
    if (query.continue) {
      const token = decodeContinue(query.continue);
      if (token.rv !== resourceVersion) return statusBody(410, EXPIRED);
      start = token.start;
    }
  } catch (e) {
    if (e instanceof SelectorError) return badRequest(e.message);
    throw e;
  }

  const matching = objects.filter(
    (obj) =>
      objectKey(obj) >= start &&
      matchesLabels(labels, obj.metadata.labels ?? {}) &&
      matchesFields(fields, (f) => fieldValue(type, obj, f) ?? ''),
  );
  const page = limit > 0 ? matching.slice(0, limit) : matching;
  const metadata: ListBody['metadata'] = { resourceVersion: String(resourceVersion) };
  const last = page[page.length - 1];
  if (page.length < matching.length && last) {
    metadata.continue = encodeContinue(resourceVersion, objectKey(last));
    // The API server counts what remains only when the list is not filtered.
    if (labels.length === 0 && fields.length === 0)
      metadata.remainingItemCount = matching.length - page.length;
  }
  return {
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata,
    items: page.map((obj) => listItem(type, obj)),
  };
}
