import { POSTGRES_CONNECTION_ENV, startPostgres, type PostgresServer } from './postgres';

declare global {
  var __aigovPostgres: PostgresServer | undefined;
}

/**
 * Jest global setup: one PostgreSQL server for the whole test run, handed to `TestDatabases`
 * through its connection string variable (unless one is given already, e.g. a CI service).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[POSTGRES_CONNECTION_ENV]) return;
  const server = await startPostgres();
  if (!server) {
    const banner = '!'.repeat(78);
    const message = 'PostgreSQL binaries not found: storage tests run on SQLite only.';
    if (process.env.CI) {
      throw new Error(`${message} CI must install postgresql (see .ci/run).`);
    }
    console.warn(
      `\n${banner}\n!! ${message}\n!! Install postgresql (Debian: apt-get install postgresql) or set AIGOV_PG_BIN.\n${banner}\n`,
    );
    return;
  }
  globalThis.__aigovPostgres = server;
  process.env[POSTGRES_CONNECTION_ENV] = server.connectionString;
}
