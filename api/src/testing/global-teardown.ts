import type { TestDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __lcTestDb?: TestDatabase }).__lcTestDb;
  await db?.drop();
}
