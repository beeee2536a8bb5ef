import { createTestDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const db = await createTestDatabase('api');
  process.env.LC_TEST_DATABASE_URL = db.url;
  (globalThis as { __lcTestDb?: unknown }).__lcTestDb = db;
}
