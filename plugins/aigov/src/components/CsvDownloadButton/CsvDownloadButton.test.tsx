import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeAigovBackend } from '../../api/testing/FakeAigovBackend';
import { scorecardData } from '../../api/testing/fixtures';
import { renderWithAigov } from '../../api/testing/renderWithAigov';
import { CsvDownloadButton, csvFileName } from './CsvDownloadButton';
import { must } from '../../testUtils/must';

describe('CsvDownloadButton', () => {
  const saved: { name: string; blob: Blob }[] = [];
  let urls: Map<string, Blob>;

  beforeEach(() => {
    saved.length = 0;
    urls = new Map();
    let n = 0;
    // jsdom has neither object URLs nor downloads: record what the browser would save.
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${++n}`;
      urls.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      urls.delete(url);
    };
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(
      this: HTMLAnchorElement,
    ) {
      const blob = urls.get(this.href);
      if (blob) saved.push({ name: this.download, blob });
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('downloads the export for the filters, with the user’s credentials', async () => {
    const backend = new FakeAigovBackend(scorecardData());
    const fetch = jest.spyOn(backend.fetchApi, 'fetch');
    await renderWithAigov(
      <CsvDownloadButton query={{ team: 'group:default/research', grade: ['F'] }} />,
      backend,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toBe('aigov-scores-research.csv');
    const csv = await must(saved[0]).blob.text();
    expect(csv.split('\r\n')[1]).toMatch(/^component:default\/llm-finetune,/);
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(backend.requestsTo('/export.csv')[0]?.query).toEqual({
      team: 'group:default/research',
      grade: 'F',
    });
    // Through the app's fetch API (which adds the Backstage token), not a plain link.
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/aigov/export.csv?team=group%3Adefault%2Fresearch&grade=F',
      { method: 'GET' },
    );
    await waitFor(() => expect(urls.size).toBe(0)); // revoked
  });

  it('says why the download failed', async () => {
    const backend = new FakeAigovBackend(scorecardData(), { readForbidden: true });
    await renderWithAigov(<CsvDownloadButton query={{}} />, backend);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not download the CSV: Permission aigov.scores.read is required (HTTP 403 Forbidden)',
    );
    expect(saved).toEqual([]);
  });

  it('names the file after the team', () => {
    expect(csvFileName({})).toBe('aigov-scores.csv');
    expect(csvFileName({ team: 'group:ml/gpu team' })).toBe('aigov-scores-gpu-team.csv');
  });
});
