// One fresh, migrated and seeded database per test run: a new database on DATABASE_URL's server
// when it is set, otherwise on an embedded PostgreSQL kept in .data/postgres-test.
import 'reflect-metadata';
import path from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../config';
import { connect, migrate } from '../db/data-source';
import { ensureDatabase } from '../db/database';
import { startEmbeddedPostgres } from '../db/embedded';
import { buildDemoData } from '../db/seed/data';
import { writeSeed } from '../db/seed/seed';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

const EMBEDDED_TEST_PORT = Number(process.env.EMBEDDED_PG_TEST_PORT ?? 54339);

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `lc_test_${label}_${process.pid}_${Date.now().toString(36)}`;
  let serverUrl: URL;
  let stopServer = async () => undefined as void;
  if (process.env.DATABASE_URL) {
    serverUrl = new URL(process.env.DATABASE_URL);
  } else {
    const handle = await startEmbeddedPostgres(
      path.join(REPO_ROOT, '.data', 'postgres-test'),
      EMBEDDED_TEST_PORT,
    );
    serverUrl = new URL(handle.url('postgres'));
    stopServer = handle.stop;
  }
  serverUrl.pathname = `/${name}`;
  const url = serverUrl.toString();
  await ensureDatabase(url);
  const db = await connect(url, { poolMax: 4 });
  await migrate(db);
  await writeSeed(db, buildDemoData());
  await db.destroy();
  return {
    url,
    drop: async () => {
      const admin = new URL(url);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await stopServer();
    },
  };
}
