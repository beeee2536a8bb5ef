import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildDerivedRollups } from '../../modules/satisfaction/rollups';

/** Issue 5, scale: rollups a district's dashboard reads without touching every center-month.
 * - satisfaction_region_month: each district's and each street's own figures by month and channel;
 * - dimension_region_month: the same for the dimension figures;
 * - satisfaction_center_running: each center's running totals (all its responses up to and
 *   including a month, every channel), so a center's figures over whole months are the difference
 *   of two rows whatever the length of the period.
 * Filled here from the center-level rollups already stored; kept current with them afterwards
 * (modules/satisfaction/rollups.ts). */
export class SatisfactionScale1732700000000 implements MigrationInterface {
  name = 'SatisfactionScale1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE satisfaction_region_month (
        region_id int NOT NULL,
        district_id int NOT NULL,
        month date NOT NULL,
        channel text NOT NULL,
        responses int NOT NULL,
        score_sum numeric NOT NULL,
        scored int NOT NULL,
        buckets int[] NOT NULL,
        PRIMARY KEY (region_id, month, channel)
      )`);
    await q.query(`
      CREATE TABLE dimension_region_month (
        region_id int NOT NULL,
        month date NOT NULL,
        dimension text NOT NULL,
        answers int NOT NULL,
        score_sum numeric NOT NULL,
        PRIMARY KEY (region_id, month, dimension)
      )`);
    await q.query(`
      CREATE TABLE satisfaction_center_running (
        center_id int NOT NULL,
        month date NOT NULL,
        district_id int NOT NULL,
        street_id int NOT NULL,
        responses int NOT NULL,
        score_sum numeric NOT NULL,
        scored int NOT NULL,
        buckets int[] NOT NULL,
        PRIMARY KEY (center_id, month)
      )`);
    await rebuildDerivedRollups(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['satisfaction_center_running', 'dimension_region_month', 'satisfaction_region_month']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
