import { useMemo } from 'react';
import { configApiRef, useApi, type ConfigApi } from '@backstage/core-plugin-api';

/** A part of the aigov settings read from app-config, or why they could not be read. */
export interface AigovSettingsResult<S> {
  settings?: S;
  /** The reason, for the loader to throw as "Invalid aigov configuration: …". */
  settingsError?: Error;
}

/**
 * Reads settings from app-config once per config, never throwing: a mistake is kept as
 * `settingsError`, for the card to show in place of its data.
 */
export function useAigovSettings<S>(read: (config: ConfigApi) => S): AigovSettingsResult<S> {
  const configApi = useApi(configApiRef);
  return useMemo(() => {
    try {
      return { settings: read(configApi) };
    } catch (e) {
      return { settingsError: e instanceof Error ? e : new Error(String(e)) };
    }
  }, [configApi, read]);
}

/** The error a loader throws when the settings could not be read. */
export function invalidSettings(error: Error | undefined): Error {
  return new Error(`Invalid aigov configuration: ${error?.message}`);
}
