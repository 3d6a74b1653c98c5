import { useCallback, useEffect, useRef, useState } from 'react';
import type { DependencyList } from 'react';

export interface PolledData<T> {
  /** The last value that loaded; kept while refreshing and when a refresh fails. */
  value?: T;
  /** Why the last attempt failed; cleared by the next success. */
  error?: Error;
  /** Nothing has loaded or failed yet. */
  loading: boolean;
  /** A refresh is running while the last value is shown. */
  refreshing: boolean;
  /** When `value` loaded (ms since the epoch). */
  updatedAt?: number;
  retry: () => void;
}

interface State<T> {
  value?: T;
  error?: Error;
  loading: boolean;
  refreshing: boolean;
  updatedAt?: number;
}

const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * Loads `load()` and reloads it every `intervalMs` (0: never) without flicker: the last value
 * stays on screen while the next one loads, and a failed refresh keeps it, with the error
 * beside it. Changing `deps` starts over. Refreshes wait for the previous one to finish and
 * skip while the page is hidden.
 */
export function usePolledData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  intervalMs: number,
): PolledData<T> {
  const [state, setState] = useState<State<T>>({ loading: true, refreshing: false });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    setState({ loading: true, refreshing: false });
    // Starts over when the caller's dependencies change: they are this effect's inputs.
  }, deps);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let first = true;
    const run = async () => {
      // A hidden page loads once, then waits to be seen before it refreshes.
      if (!first && typeof document !== 'undefined' && document.visibilityState === 'hidden') {
        schedule();
        return;
      }
      first = false;
      setState((s) => ({ ...s, refreshing: !s.loading }));
      try {
        const value = await loadRef.current();
        if (!cancelled)
          setState({ value, loading: false, refreshing: false, updatedAt: Date.now() });
      } catch (e) {
        if (!cancelled)
          setState((s) => ({ ...s, error: toError(e), loading: false, refreshing: false }));
      }
      schedule();
    };
    const schedule = () => {
      if (!cancelled && intervalMs > 0) timer = setTimeout(run, intervalMs);
    };
    run();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // `load` is read through a ref: a new closure each render must not restart polling.
  }, [...deps, intervalMs, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
