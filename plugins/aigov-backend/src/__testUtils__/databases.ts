import { TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';
import { POSTGRES_CONNECTION_ENV } from './postgres';

/**
 * The databases storage tests run on: SQLite always, PostgreSQL 15 when globalSetup started
 * one (or one was given through BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING).
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  if (process.env[POSTGRES_CONNECTION_ENV]) ids.push('POSTGRES_15');
  else console.warn('!! No PostgreSQL for this run: storage tests run on SQLite only.');
  return TestDatabases.create({ ids, disableDocker: true });
}
