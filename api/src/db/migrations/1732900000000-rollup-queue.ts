import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 10: responses are rolled up by a worker, not in the transaction that accepts them. The
 * queue holds the ids of responses accepted but not yet in the rollups (every stored response is
 * already rolled up when this runs, so it starts empty). */
export class RollupQueue1732900000000 implements MigrationInterface {
  name = 'RollupQueue1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE satisfaction_rollup_queue (
        response_id int PRIMARY KEY REFERENCES survey_response(id) ON DELETE CASCADE,
        queued_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS satisfaction_rollup_queue`);
  }
}
