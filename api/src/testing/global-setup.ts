import { createTestDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  // tests run the workers by hand (runNotificationSender, case workers), when they want them
  process.env.WORKERS ??= 'off';
  const db = await createTestDatabase('api');
  process.env.LC_TEST_DATABASE_URL = db.url;
  (globalThis as { __lcTestDb?: unknown }).__lcTestDb = db;
}
