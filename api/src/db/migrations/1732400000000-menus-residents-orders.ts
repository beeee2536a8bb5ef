import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 3: residents who sign in by phone, editable menus with a change log, Excel imports,
 * and mobile delivery orders. */
export class MenusResidentsOrders1732400000000 implements MigrationInterface {
  name = 'MenusResidentsOrders1732400000000';

  async up(q: QueryRunner): Promise<void> {
    // Residents: no password; the phone number encrypted, with a keyed hash for lookup.
    await q.query(`ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE app_user ADD COLUMN phone_enc text, ADD COLUMN phone_hash text,
                   ADD COLUMN phone_masked text,
                   ADD COLUMN home_center_id int REFERENCES center(id) ON DELETE SET NULL`);
    await q.query(
      `CREATE UNIQUE INDEX app_user_phone_hash_idx ON app_user (phone_hash) WHERE phone_hash IS NOT NULL`,
    );

    // One-time login codes (only hashes are kept) and the per-number lock after wrong codes.
    await q.query(`
      CREATE TABLE login_code (
        id serial PRIMARY KEY,
        phone_hash text NOT NULL,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX login_code_phone_idx ON login_code (phone_hash, created_at DESC)`);
    await q.query(`
      CREATE TABLE phone_lock (
        phone_hash text PRIMARY KEY,
        failures int NOT NULL DEFAULT 0,
        locked_until timestamptz
      )`);

    // Offerings: capacity, and when they changed.
    await q.query(`ALTER TABLE service_offering ADD COLUMN capacity int CHECK (capacity IS NULL OR capacity >= 0),
                   ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE service_item ADD COLUMN promoted_from text`);

    // Who changed which field of an item or offering, from what to what.
    await q.query(`
      CREATE TABLE change_log (
        id serial PRIMARY KEY,
        entity text NOT NULL CHECK (entity IN ('SERVICE_ITEM','SERVICE_OFFERING')),
        entity_id int NOT NULL,
        service_id int,
        center_id int,
        actor_id int REFERENCES app_user(id),
        actor_name text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        field text,
        old_value jsonb,
        new_value jsonb,
        import_id int
      )`);
    await q.query(`CREATE INDEX change_log_entity_idx ON change_log (entity, entity_id, id)`);
    await q.query(`CREATE INDEX change_log_service_idx ON change_log (service_id, id)`);

    // Excel imports: the parsed file is kept between preview and apply.
    await q.query(`
      CREATE TABLE menu_import (
        id serial PRIMARY KEY,
        menu text NOT NULL,
        owner_region_id int NOT NULL REFERENCES region(id),
        actor_id int NOT NULL REFERENCES app_user(id),
        file_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('PREVIEWED','APPLYING','APPLIED','FAILED')),
        total_rows int NOT NULL,
        rows jsonb NOT NULL,
        errors jsonb NOT NULL,
        created_count int NOT NULL DEFAULT 0,
        updated_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz
      )`);

    // Mobile delivery orders and their transitions.
    await q.query(`
      CREATE TABLE delivery_order (
        id serial PRIMARY KEY,
        resident_id int NOT NULL REFERENCES app_user(id),
        service_id int NOT NULL REFERENCES service_item(id),
        center_id int NOT NULL REFERENCES center(id),
        district_id int NOT NULL REFERENCES region(id),
        street_id int NOT NULL REFERENCES region(id),
        note text,
        status text NOT NULL CHECK (status IN ('REQUESTED','ACCEPTED','SCHEDULED','DELIVERED','RATED','REJECTED','CANCELLED')),
        scheduled_for timestamptz,
        reason text,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        comment text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX delivery_order_open_idx ON delivery_order (resident_id, service_id, center_id)
                   WHERE status IN ('REQUESTED','ACCEPTED','SCHEDULED')`);
    await q.query(`CREATE INDEX delivery_order_center_idx ON delivery_order (center_id, status, id)`);
    await q.query(`CREATE INDEX delivery_order_resident_idx ON delivery_order (resident_id, id)`);
    await q.query(`CREATE INDEX delivery_order_district_idx ON delivery_order (district_id, requested_at)`);
    await q.query(`CREATE INDEX delivery_order_service_idx ON delivery_order (service_id)`);
    await q.query(`
      CREATE TABLE delivery_order_event (
        id serial PRIMARY KEY,
        order_id int NOT NULL REFERENCES delivery_order(id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        actor_id int REFERENCES app_user(id),
        at timestamptz NOT NULL DEFAULT now(),
        reason text,
        scheduled_for timestamptz,
        rating smallint
      )`);
    await q.query(`CREATE INDEX delivery_order_event_order_idx ON delivery_order_event (order_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'delivery_order_event',
      'delivery_order',
      'menu_import',
      'change_log',
      'phone_lock',
      'login_code',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE service_item DROP COLUMN promoted_from`);
    await q.query(`ALTER TABLE service_offering DROP COLUMN capacity, DROP COLUMN updated_at`);
    await q.query(`DROP INDEX IF EXISTS app_user_phone_hash_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone_enc, DROP COLUMN phone_hash, DROP COLUMN phone_masked,
                   DROP COLUMN home_center_id`);
    await q.query(`DELETE FROM app_user WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE app_user ALTER COLUMN password_hash SET NOT NULL`);
  }
}
