import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 9, hardening: attempt counters that are counted before the attempt is checked
 * (common/throttle.ts), for accounts, phone numbers and addresses alike. */
export class Hardening1732800000000 implements MigrationInterface {
  name = 'Hardening1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE throttle (
        key text PRIMARY KEY,
        count int NOT NULL,
        window_ends timestamptz NOT NULL,
        strikes int NOT NULL DEFAULT 0
      )`);
    // the per-number lock moved into throttle (key 'code:<phone hash>')
    await q.query(`DROP TABLE phone_lock`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttle`);
    await q.query(`
      CREATE TABLE phone_lock (
        phone_hash text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        locked_until timestamptz
      )`);
  }
}
