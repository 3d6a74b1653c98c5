import { useEffect, useRef, useState } from 'react';
import { aigovScoresRefreshPermission, type AigovRun } from '@aigov/backstage-plugin-common';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button, Flex, Text } from '@backstage/ui';
import { aigovApiRef } from '../../api/AigovApi';
import { aigovErrorMessage, aigovProblemOf } from '../../api/errors';
import { formatDateTime } from '../ScoreTrend';

export interface RescanButtonProps {
  /** The last run the page knows of: the rescan is done when a newer one has finished. */
  lastRun?: AigovRun;
  /** The requested run has finished: reload the scores. */
  onFinished: () => void;
  /** How often to ask `/status` while the run goes on (default 5 s). */
  pollIntervalMs?: number;
  /** When to stop waiting and say so (default 15 min). */
  maxWaitMs?: number;
}

type State =
  | { step: 'idle' }
  | { step: 'requesting' }
  | { step: 'waiting'; since: number; alreadyRunning: boolean }
  | { step: 'done'; at: string }
  | { step: 'timeout' }
  | { step: 'forbidden' }
  | { step: 'failed'; message: string };

/** Whether `run` is a finished run that started after (or is the unfinished) `before`. */
export function isNewerFinishedRun(run: AigovRun | undefined, before: AigovRun | undefined) {
  if (!run?.finishedAt) return false;
  return !before || run.id > before.id || (run.id === before.id && !before.finishedAt);
}

/**
 * "Rescan now": asks the backend to run the scoring task (`POST /refresh`), then waits for the
 * run to finish and reloads. Shown only to users with `aigov.scores.refresh`; if the backend
 * still refuses (403), the button goes away with a note.
 */
export function RescanButton({
  lastRun,
  onFinished,
  pollIntervalMs = 5000,
  maxWaitMs = 15 * 60_000,
}: RescanButtonProps) {
  const api = useApi(aigovApiRef);
  const { allowed } = usePermission({ permission: aigovScoresRefreshPermission });
  const [state, setState] = useState<State>({ step: 'idle' });
  const baseline = useRef<AigovRun | undefined>(lastRun);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;

  useEffect(() => {
    if (state.step !== 'waiting') return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (Date.now() - state.since > maxWaitMs) {
        setState({ step: 'timeout' });
        return;
      }
      try {
        const status = await api.getStatus();
        if (cancelled) return;
        if (isNewerFinishedRun(status.lastRun, baseline.current) && status.lastRun?.finishedAt) {
          setState({ step: 'done', at: status.lastRun.finishedAt });
          onFinishedRef.current();
          return;
        }
      } catch {
        // A failed status read is retried on the next tick; the page shows backend errors.
      }
      if (!cancelled) timer = setTimeout(poll, pollIntervalMs);
    };
    timer = setTimeout(poll, pollIntervalMs);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [state, api, pollIntervalMs, maxWaitMs]);

  const rescan = async () => {
    baseline.current = lastRun;
    setState({ step: 'requesting' });
    try {
      await api.refreshAll();
      setState({ step: 'waiting', since: Date.now(), alreadyRunning: false });
    } catch (e) {
      const problem = aigovProblemOf(e);
      if (problem === 'conflict')
        setState({ step: 'waiting', since: Date.now(), alreadyRunning: true });
      else if (problem === 'forbidden') setState({ step: 'forbidden' });
      else setState({ step: 'failed', message: aigovErrorMessage(e) });
    }
  };

  if (state.step === 'forbidden')
    return (
      <Text variant="body-small" color="secondary" role="status">
        You are not allowed to rescan (permission aigov.scores.refresh).
      </Text>
    );
  if (!allowed) return null;

  const busy = state.step === 'requesting' || state.step === 'waiting';
  let message = '';
  if (state.step === 'waiting')
    message = state.alreadyRunning
      ? 'A run is already in progress; the scores reload when it finishes.'
      : 'Rescan requested; the scores reload when the run finishes.';
  else if (state.step === 'done')
    message = `Rescanned: the run finished at ${formatDateTime(state.at)}.`;
  else if (state.step === 'timeout')
    message =
      'The rescan is taking long; the scores update when it finishes. Reload the page later.';
  else if (state.step === 'failed') message = `Could not start a rescan: ${state.message}`;

  return (
    <Flex align="center" gap={message ? '2' : '0'}>
      <Text
        variant="body-small"
        color={state.step === 'failed' ? 'danger' : 'secondary'}
        role="status"
        aria-live="polite"
      >
        {message}
      </Text>
      <Button size="small" variant="secondary" isPending={busy} onPress={rescan}>
        Rescan now
      </Button>
    </Flex>
  );
}
