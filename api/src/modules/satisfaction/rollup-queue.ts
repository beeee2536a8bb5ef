// The rollup queue: the surveys module stores a response and its row here in one transaction;
// the rollup worker takes batches off the queue (FOR UPDATE SKIP LOCKED, so two API processes share
// the work) and adds them to the rollups in the transaction that deletes them from the queue. A crash
// between accepting and rolling up leaves the rows queued; nothing is added twice, nothing is lost.
// Promise: a response is in the figures within a few seconds of being accepted (README).
import type { DataSource, EntityManager } from 'typeorm';
import { queryCounter } from '../../db/query-counter';
import { logger } from '../../logger';
import type { Worker } from '../../workers';
import { rollUpResponses } from './rollups';

/** Responses rolled up per transaction. */
export const ROLLUP_BATCH = 1000;
/** How often an idle worker looks at the queue, ms. */
export const ROLLUP_POLL_MS = Number(process.env.ROLLUP_POLL_MS || 250);

/** The statement part that queues inserted responses: `INSERT … SELECT id FROM <rows>`. */
export const queueResponsesSql = (rows: string) =>
  `INSERT INTO satisfaction_rollup_queue (response_id) SELECT id FROM ${rows}`;

/** Takes up to `limit` queued responses and rolls them up, in one transaction; returns how many.
 * `wait`: wait for rows another worker holds instead of skipping them (draining). */
async function rollUpBatch(db: DataSource, limit: number, wait: boolean): Promise<number> {
  return db.transaction(async (em: EntityManager) => {
    // (a SELECT around the DELETE: TypeORM answers a bare DELETE … RETURNING with [rows, count])
    const rows: { response_id: number }[] = await em.query(
      `WITH taken AS (
         DELETE FROM satisfaction_rollup_queue WHERE response_id IN (
           SELECT response_id FROM satisfaction_rollup_queue ORDER BY response_id LIMIT $1
           FOR UPDATE${wait ? '' : ' SKIP LOCKED'})
         RETURNING response_id)
       SELECT response_id FROM taken ORDER BY response_id`,
      [limit],
    );
    await rollUpResponses(
      em,
      rows.map((r) => r.response_id),
    );
    return rows.length;
  });
}

/** Rolls up everything queued, waiting for batches other workers hold; returns how many it rolled up.
 * Tests call it before reading figures ("the worker has caught up"). */
export async function drainRollupQueue(db: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await rollUpBatch(db, ROLLUP_BATCH, true);
    if (n === 0) return total;
    total += n;
  }
}

/** Responses accepted but not yet in the figures. */
export async function rollupBacklog(db: DataSource): Promise<number> {
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM satisfaction_rollup_queue`);
  return n;
}

export const rollupWorker: Worker = {
  name: 'satisfaction-rollups',
  start(db) {
    let stopped = false;
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> = Promise.resolve();
    const tick = () => {
      timer = null;
      running = (async () => {
        let full = false;
        try {
          full = (await queryCounter.uncounted(() => rollUpBatch(db, ROLLUP_BATCH, false))) === ROLLUP_BATCH;
        } catch (err) {
          // e.g. a deadlock or the database restarting: the batch stays queued for the next tick
          if (!stopped) logger.warn({ err }, 'rollup batch failed; retrying');
        }
        if (!stopped) timer = setTimeout(tick, full ? 0 : ROLLUP_POLL_MS);
      })();
    };
    timer = setTimeout(tick, 0);
    return async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    };
  },
};
