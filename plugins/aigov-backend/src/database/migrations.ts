import { resolvePackagePath, type DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrationsDir = resolvePackagePath('@aigov/backstage-plugin-backend', 'migrations');

/** Brings the plugin's tables up to date (Knex migrations shipped in `migrations/`). */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDir });
}

/** The plugin's database client, migrated unless the backend is configured to skip migrations. */
export async function connectDatabase(database: DatabaseService): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) await applyDatabaseMigrations(knex);
  return knex;
}
