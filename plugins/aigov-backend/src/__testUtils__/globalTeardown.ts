/** Jest global teardown: stops the PostgreSQL server globalSetup started, by its process id. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__aigovPostgres;
  globalThis.__aigovPostgres = undefined;
  await server?.stop();
}
