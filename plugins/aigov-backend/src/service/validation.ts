import {
  AIGOV_DEFAULT_PAGE_SIZE,
  AIGOV_GRADES,
  AIGOV_MAX_PAGE_SIZE,
  AIGOV_SCAN_STATUSES,
  AIGOV_SCORE_ORDER_BY,
  type AigovEntityName,
  type AigovGrade,
  type AigovScanStatus,
  type AigovScoreOrderBy,
} from '@aigov/backstage-plugin-common';
import { parseEntityRef, type CompoundEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { ScoreFilter } from '../database/ScoreStore';
import { entityKey } from '../scoring/entities';

/** Express's parsed query string: strings, repeated strings, or nested objects from `a[b]=c`. */
export type RawQuery = Record<string, unknown>;

const MAX_LIST = 100;
const MAX_TEXT = 200;

/** A parameter as a list: repeated (`?grade=A&grade=B`) or comma-separated (`?grade=A,B`). */
export function listParam(query: RawQuery, key: string): string[] | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  if (!values.every((v): v is string => typeof v === 'string')) {
    throw new InputError(`Invalid query parameter "${key}": expected text`);
  }
  const items = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (items.length > MAX_LIST) {
    throw new InputError(`Invalid query parameter "${key}": at most ${MAX_LIST} values`);
  }
  return items.length > 0 ? items : undefined;
}

export function textParam(query: RawQuery, key: string): string | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') {
    throw new InputError(`Invalid query parameter "${key}": expected one value`);
  }
  if (raw.length > MAX_TEXT) {
    throw new InputError(`Invalid query parameter "${key}": at most ${MAX_TEXT} characters`);
  }
  return raw === '' ? undefined : raw;
}

export function intParam(
  query: RawQuery,
  key: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
): number {
  const text = textParam(query, key);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new InputError(
      `Invalid query parameter "${key}": expected an integer from ${min} to ${max}`,
    );
  }
  return Number(text);
}

export function timeParam(query: RawQuery, key: string): number | undefined {
  const text = textParam(query, key);
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    throw new InputError(
      `Invalid query parameter "${key}": expected an ISO 8601 date or time, e.g. 2025-01-31 or 2025-01-31T12:00:00Z`,
    );
  }
  return ms;
}

function oneOf<T extends string>(key: string, allowed: readonly T[], value: string): T {
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) {
    throw new InputError(
      `Invalid query parameter "${key}": "${value}" is not one of ${allowed.join(', ')}`,
    );
  }
  return found;
}

/** An entity ref from a parameter; `ml-platform` means `group:default/ml-platform`. */
export function groupRefParam(key: string, value: string): CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, { defaultKind: 'group', defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`Invalid query parameter "${key}": ${(error as Error).message}`);
  }
  return ref;
}

/** The filters of `GET /scores` and `GET /export.csv`, with `team` still to resolve. */
export interface ScoreQuery {
  filter: ScoreFilter;
  team?: CompoundEntityRef;
}

export function parseScoreQuery(query: RawQuery, { paged }: { paged: boolean }): ScoreQuery {
  const owners = listParam(query, 'owner')?.map((o) => entityKey(groupRefParam('owner', o)));
  const kinds = listParam(query, 'kind')?.map((k) => k.toLocaleLowerCase('en-US'));
  const grades = listParam(query, 'grade')?.map((g) => oneOf<AigovGrade>('grade', AIGOV_GRADES, g));
  const statuses = listParam(query, 'status')?.map((s) =>
    oneOf<AigovScanStatus>('status', AIGOV_SCAN_STATUSES, s),
  );
  const orderByText = textParam(query, 'orderBy');
  const orderText = textParam(query, 'order');
  const teamText = textParam(query, 'team');
  const team = teamText !== undefined ? groupRefParam('team', teamText) : undefined;
  if (team && team.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError('Invalid query parameter "team": expected a group ref');
  }
  const q = textParam(query, 'q');
  const filter: ScoreFilter = {
    ...(owners ? { owners } : {}),
    ...(kinds ? { kinds } : {}),
    ...(grades ? { grades } : {}),
    ...(statuses ? { statuses } : {}),
    ...(q ? { q } : {}),
    orderBy: orderByText
      ? oneOf<AigovScoreOrderBy>('orderBy', AIGOV_SCORE_ORDER_BY, orderByText)
      : 'score',
    order: orderText ? oneOf<'asc' | 'desc'>('order', ['asc', 'desc'], orderText) : 'asc',
  };
  if (paged) {
    filter.limit = intParam(query, 'limit', {
      min: 1,
      max: AIGOV_MAX_PAGE_SIZE,
      fallback: AIGOV_DEFAULT_PAGE_SIZE,
    });
    filter.offset = intParam(query, 'offset', { min: 0, max: 1_000_000, fallback: 0 });
  }
  return { filter, ...(team ? { team } : {}) };
}

/** `:kind/:namespace/:name` path parameters. */
export function entityNameParams(params: Record<string, string | undefined>): AigovEntityName {
  const { kind, namespace, name } = params;
  for (const [key, value] of Object.entries({ kind, namespace, name })) {
    if (!value || value.length > 253) {
      throw new InputError(`Invalid entity ${key}: expected 1 to 253 characters`);
    }
  }
  return { kind: kind as string, namespace: namespace as string, name: name as string };
}
