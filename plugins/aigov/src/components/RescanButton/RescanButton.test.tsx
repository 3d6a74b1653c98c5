import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { RescanButton, isNewerFinishedRun } from './RescanButton';

const FAST = { pollIntervalMs: 10 };

describe('RescanButton', () => {
  it('asks for a rescan, waits for the run to finish, then reloads', async () => {
    const data = scorecardData();
    const backend = new FakeAigovBackend(data);
    const onFinished = jest.fn();
    await renderWithAigov(
      <RescanButton lastRun={data.lastRun} onFinished={onFinished} {...FAST} />,
      backend,
    );
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Rescan now' }));
    expect(
      await screen.findByText('Rescan requested; the scores reload when the run finishes.'),
    ).toBeInTheDocument();
    expect(backend.requestsTo('/refresh', 'POST')).toHaveLength(1);
    // The run is still going: the status is polled, nothing reloads yet.
    await waitFor(() => expect(backend.requestsTo('/status').length).toBeGreaterThan(1));
    expect(onFinished).not.toHaveBeenCalled();

    backend.finishRun();
    await waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
    expect(screen.getByText(/^Rescanned: the run finished at /)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rescan now' })).toBeEnabled();
  });

  it('waits for the run that is already in progress (409)', async () => {
    const data = scorecardData();
    const backend = new FakeAigovBackend(data, { runInProgress: true });
    const onFinished = jest.fn();
    await renderWithAigov(
      <RescanButton lastRun={data.lastRun} onFinished={onFinished} {...FAST} />,
      backend,
    );
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Rescan now' }));
    expect(
      await screen.findByText('A run is already in progress; the scores reload when it finishes.'),
    ).toBeInTheDocument();
    // The status still shows the run that finished before the click: not done.
    await waitFor(() => expect(backend.requestsTo('/status').length).toBeGreaterThan(1));
    expect(onFinished).not.toHaveBeenCalled();
  });

  it('is hidden from users without aigov.scores.refresh', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    await renderWithAigov(<RescanButton onFinished={jest.fn()} />, backend, {
      refreshAllowed: false,
    });
    // Let the permission answer arrive.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: 'Rescan now' })).not.toBeInTheDocument();
  });

  it('goes away with a note when the backend refuses (403) anyway', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { refreshForbidden: true });
    await renderWithAigov(<RescanButton onFinished={jest.fn()} />, backend);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Rescan now' }));
    expect(
      await screen.findByText('You are not allowed to rescan (permission aigov.scores.refresh).'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rescan now' })).not.toBeInTheDocument();
  });

  it('says why a rescan could not start', async () => {
    const backend = new FakeAigovBackend(scorecardData(), {
      failures: [{ method: 'POST', path: /^\/refresh$/, status: 500, message: 'scheduler down' }],
    });
    await renderWithAigov(<RescanButton onFinished={jest.fn()} />, backend);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Rescan now' }));
    expect(
      await screen.findByText(
        'Could not start a rescan: scheduler down (HTTP 500 Internal Server Error)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rescan now' })).toBeEnabled();
  });

  it('stops waiting after a while and says so', async () => {
    const data = scorecardData();
    const backend = new FakeAigovBackend(data);
    await renderWithAigov(
      <RescanButton
        lastRun={data.lastRun}
        onFinished={jest.fn()}
        pollIntervalMs={10}
        maxWaitMs={30}
      />,
      backend,
    );
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Rescan now' }));
    expect(await screen.findByText(/^The rescan is taking long/)).toBeInTheDocument();
  });
});

describe('isNewerFinishedRun', () => {
  const run = (id: number, finished: boolean) => ({
    id,
    startedAt: '2025-11-28T12:00:00Z',
    ...(finished ? { finishedAt: '2025-11-28T12:01:00Z' } : {}),
    entities: 1,
    scored: 1,
    partial: 0,
    failed: 0,
  });

  it('needs a finished run newer than the one before, or the one that was running', () => {
    expect(isNewerFinishedRun(run(8, true), run(7, true))).toBe(true);
    expect(isNewerFinishedRun(run(7, true), run(7, true))).toBe(false);
    expect(isNewerFinishedRun(run(7, true), run(7, false))).toBe(true);
    expect(isNewerFinishedRun(run(8, false), run(7, true))).toBe(false);
    expect(isNewerFinishedRun(run(1, true), undefined)).toBe(true);
    expect(isNewerFinishedRun(undefined, undefined)).toBe(false);
  });
});
