// Starts the product as `pnpm start` does (API + both built SPAs), on a fresh seeded database.
import 'reflect-metadata';
import { connect } from 'api/dist/db/data-source';
import { createApiServer } from 'api/dist/server';
import { serveSpa } from 'api/dist/spa-server';
import { createTestDatabase } from 'api/dist/testing/test-database';
import { startWorkers, workers } from 'api/dist/workers';

export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const testDb = await createTestDatabase('e2e');
  const db = await connect(testDb.url, { poolMax: 5 });
  // the product's workers (rollups, notifications, cases) run as under `pnpm start`, but webhook
  // delivery: webhook-restart.test.ts starts its own API processes to deliver, and a delivery leased
  // here would be held from them
  const api = await createApiServer(db, { workers: false });
  const stopWorkers = startWorkers(
    db,
    workers.filter((w) => w.name !== 'webhook-delivery'),
  );
  const apiPort = await api.listen(0, '127.0.0.1');
  const admin = await serveSpa('web-admin', api.graphqlHandler, 0, '127.0.0.1');
  const resident = await serveSpa('web-resident', api.graphqlHandler, 0, '127.0.0.1');
  process.env.LC_TEST_DATABASE_URL = testDb.url;
  process.env.LC_API_URL = `http://127.0.0.1:${apiPort}/graphql`;
  process.env.LC_ADMIN_URL = `http://127.0.0.1:${admin.port}`;
  process.env.LC_RESIDENT_URL = `http://127.0.0.1:${resident.port}`;
  (globalThis as Record<string, unknown>).__lcStop = async () => {
    await Promise.all(
      [admin.server, resident.server].map((s) => new Promise<void>((r) => s.close(() => r()))),
    );
    await stopWorkers();
    await api.close();
    await db.destroy();
    await testDb.drop();
  };
}
