// The figures count a response within 5 s of it being accepted (the API's rollup worker): browser
// tests that read figures right after answering wait for the worker, not a fixed time.
import { Client } from 'pg';

/** Resolves once the rollup queue is empty; fails when the worker takes longer than the promise. */
export async function rollupsCaughtUp(withinMs = 5000): Promise<void> {
  const db = new Client({ connectionString: process.env.LC_TEST_DATABASE_URL });
  await db.connect();
  try {
    const until = Date.now() + withinMs;
    for (;;) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM satisfaction_rollup_queue`);
      if (rows[0].n === 0) return;
      if (Date.now() > until) throw new Error(`${rows[0].n} responses not rolled up within ${withinMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await db.end();
  }
}
