import { useState } from 'react';
import type { AigovScoreQuery } from '@aigov/backstage-plugin-common';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import { aigovApiRef } from '../../api/AigovApi';
import { aigovErrorMessage } from '../../api/errors';

export interface CsvDownloadButtonProps {
  /** The filters of the table: the file holds every entity matching them (not one page). */
  query: AigovScoreQuery;
}

/** `aigov-scores.csv`, or `aigov-scores-ml-platform.csv` for a team. */
export function csvFileName(query: AigovScoreQuery): string {
  const team = query.team
    ?.split('/')
    .pop()
    ?.replace(/[^a-zA-Z0-9_.-]/g, '-');
  return team ? `aigov-scores-${team}.csv` : 'aigov-scores.csv';
}

/** Hands a blob to the browser as a download. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads the backend's CSV export (`GET /export.csv`) for the current filters. It goes
 * through the app's fetch API, so the user's Backstage token is sent as for every request
 * (a plain link would not carry it).
 */
export function CsvDownloadButton({ query }: CsvDownloadButtonProps) {
  const api = useApi(aigovApiRef);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const download = async () => {
    setPending(true);
    setError(undefined);
    try {
      saveFile(await api.exportCsv(query), csvFileName(query));
    } catch (e) {
      setError(aigovErrorMessage(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Flex align="center" gap="2">
      {error && (
        <Text variant="body-small" color="danger" role="alert">
          Could not download the CSV: {error}
        </Text>
      )}
      <Button size="small" variant="secondary" isPending={pending} onPress={download}>
        Download CSV
      </Button>
    </Flex>
  );
}
