import { ResponseError } from '@backstage/errors';

/**
 * What went wrong with a request to the aigov backend, for the message to show:
 * - `not-found`: 404 (from `getStatus`, whose route always exists: the backend plugin is not
 *   installed; from an entity route: nothing stored for it);
 * - `forbidden`: 403, the user lacks the permission;
 * - `unauthorized`: 401, no valid Backstage credentials;
 * - `conflict`: 409, a run of the scoring task is already in progress;
 * - `error`: anything else (5xx, network, malformed answers).
 */
export type AigovProblem = 'not-found' | 'forbidden' | 'unauthorized' | 'conflict' | 'error';

export function aigovProblemOf(error: unknown): AigovProblem {
  if (!ResponseError.is(error)) return 'error';
  switch (error.statusCode) {
    case 404:
      return 'not-found';
    case 403:
      return 'forbidden';
    case 401:
      return 'unauthorized';
    case 409:
      return 'conflict';
    default:
      return 'error';
  }
}

/**
 * The message to show for a failed request: the backend's own message when it sent one
 * (`Permission aigov.scores.refresh is required`), with the HTTP status.
 */
export function aigovErrorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    const status = `HTTP ${error.statusCode}${error.statusText ? ` ${error.statusText}` : ''}`;
    const cause = error.cause?.message;
    // Without a Backstage error body, the cause only repeats the status and the raw body.
    const fromServer = cause && !cause.startsWith('Request failed with status') ? cause : undefined;
    return fromServer ? `${fromServer} (${status})` : `The aigov backend answered ${status}.`;
  }
  if (error instanceof TypeError) return `The aigov backend could not be reached: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
