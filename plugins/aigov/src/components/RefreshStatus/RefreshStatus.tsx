import { Alert, Button, Flex, Text } from '@backstage/ui';

export interface RefreshStatusProps {
  updatedAt?: number;
  refreshing: boolean;
  /** The last refresh failed: the results shown are older. */
  error?: Error;
  onRetry: () => void;
}

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString();
}

/** When the results were read, whether a refresh is running, and a failed refresh. */
export function RefreshStatus({ updatedAt, refreshing, error, onRetry }: RefreshStatusProps) {
  return (
    <Flex direction="column" gap="2">
      {error && (
        <Alert
          status="warning"
          icon
          title="Could not refresh"
          description={`${error.message}${updatedAt ? ` Showing results read at ${time(updatedAt)}.` : ''}`}
          customActions={
            <Button size="small" variant="secondary" onPress={onRetry}>
              Retry
            </Button>
          }
        />
      )}
      <Text variant="body-x-small" color="secondary" aria-live="polite">
        {updatedAt ? `Read from the cluster at ${time(updatedAt)}` : ''}
        {refreshing ? ' · refreshing…' : ''}
      </Text>
    </Flex>
  );
}
