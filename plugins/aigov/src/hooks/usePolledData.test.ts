import { act, renderHook, waitFor } from '@testing-library/react';
import { deferred } from '../testUtils/render';
import { usePolledData } from './usePolledData';

describe('usePolledData', () => {
  afterEach(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
  });

  it('keeps the last value while refreshing and when a refresh fails', async () => {
    const answers = [deferred<number>(), deferred<number>(), deferred<number>()];
    let call = 0;
    const load = jest.fn(() => answers[call++]?.promise ?? new Promise<number>(() => {}));
    const { result } = renderHook(() => usePolledData(load, [], 20));
    expect(result.current).toMatchObject({ loading: true, refreshing: false });

    await act(async () => answers[0]?.resolve(1));
    expect(result.current).toMatchObject({ value: 1, loading: false });
    await waitFor(() => expect(result.current.refreshing).toBe(true));
    expect(result.current.value).toBe(1);

    await act(async () => answers[1]?.reject(new Error('503')));
    expect(result.current).toMatchObject({ value: 1, loading: false, refreshing: false });
    expect(result.current.error?.message).toBe('503');

    await waitFor(() => expect(result.current.refreshing).toBe(true));
    await act(async () => answers[2]?.resolve(2));
    expect(result.current.value).toBe(2);
    expect(result.current.error).toBeUndefined();
  });

  it('starts over when its dependencies change, ignoring the answer for the old ones', async () => {
    const pending = deferred<string>();
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) =>
        usePolledData(() => (id === 'a' ? pending.promise : Promise.resolve(id)), [id], 0),
      { initialProps: { id: 'a' } },
    );
    rerender({ id: 'b' });
    await waitFor(() => expect(result.current.value).toBe('b'));
    await act(async () => pending.resolve('a'));
    expect(result.current.value).toBe('b');
  });

  it('loads a hidden page once and does not refresh it until it is seen', async () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    const load = jest.fn(async () => 1);
    const { result } = renderHook(() => usePolledData(load, [], 10));
    await waitFor(() => expect(result.current.value).toBe(1));
    await new Promise((r) => setTimeout(r, 60));
    expect(load).toHaveBeenCalledTimes(1);
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
    await waitFor(() => expect(load.mock.calls.length).toBeGreaterThan(1));
  });

  it('retries on demand', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue('up');
    const { result } = renderHook(() => usePolledData(load, [], 0));
    await waitFor(() => expect(result.current.error?.message).toBe('down'));
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.value).toBe('up'));
  });
});
