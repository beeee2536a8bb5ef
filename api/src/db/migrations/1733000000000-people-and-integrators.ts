import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 11: staff accounts (token version, one-time passwords), the insert-only audit log, API keys,
 * change feeds (updated_at kept by triggers, removed offerings kept as tombstones), the webhook
 * outbox with deliveries and attempts, and the center's 3+X team with its AB rota. */
export class PeopleAndIntegrators1733000000000 implements MigrationInterface {
  name = 'PeopleAndIntegrators1733000000000';

  async up(q: QueryRunner): Promise<void> {
    // ---- accounts
    await q.query(`ALTER TABLE app_user
      ADD COLUMN token_version int NOT NULL DEFAULT 0,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
      ADD COLUMN password_changed_at timestamptz,
      ADD COLUMN created_by int REFERENCES app_user(id),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX app_user_scope_idx ON app_user (scope_region_id) WHERE role <> 'RESIDENT'`);
    await q.query(`CREATE INDEX app_user_center_idx ON app_user (center_id) WHERE center_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE account_import (
        id serial PRIMARY KEY,
        region_id int NOT NULL REFERENCES region(id),
        actor_id int NOT NULL REFERENCES app_user(id),
        file_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('PREVIEWED','APPLIED')),
        rows jsonb NOT NULL,
        errors jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        applied_at timestamptz
      )`);

    // ---- the audit log: insert-only, for every role (trigger) and by privilege where it applies
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id int,
        actor_name text NOT NULL,
        actor_role text,
        api_key_id int,
        ip text,
        user_agent text,
        action text NOT NULL,
        target_type text,
        target_id text,
        target_label text,
        district_id int,
        street_id int,
        before jsonb,
        after jsonb,
        detail jsonb
      )`);
    await q.query(`CREATE INDEX audit_event_district_idx ON audit_event (district_id, id DESC)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, id DESC)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, id DESC)`);
    await q.query(`
      CREATE FUNCTION lc_audit_event_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is insert-only: % refused', TG_OP USING ERRCODE = 'LC001';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
                   FOR EACH ROW EXECUTE FUNCTION lc_audit_event_insert_only()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                   FOR EACH STATEMENT EXECUTE FUNCTION lc_audit_event_insert_only()`);
    // The owner (the role running migrations, usually the application's) keeps INSERT and SELECT only.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC`);
    await q.query(`DO $$ BEGIN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM %I', current_user);
    END $$`);

    // ---- API keys: each key acts through an INTEGRATOR account of its own (no password)
    await q.query(`
      CREATE TABLE api_key (
        id serial PRIMARY KEY,
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        user_id int NOT NULL UNIQUE REFERENCES app_user(id),
        region_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        permissions text[] NOT NULL,
        rate_limit_per_minute int NOT NULL CHECK (rate_limit_per_minute > 0),
        cost_budget_per_minute int NOT NULL CHECK (cost_budget_per_minute > 0),
        expires_at timestamptz,
        revoked_at timestamptz,
        revoked_by int REFERENCES app_user(id),
        last_used_at timestamptz,
        created_by int NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX api_key_district_idx ON api_key (district_id, id DESC)`);
    // requests and query cost per key and minute, counted atomically (several API processes)
    await q.query(`
      CREATE TABLE api_key_usage (
        key_id int NOT NULL REFERENCES api_key(id) ON DELETE CASCADE,
        window_start timestamptz NOT NULL,
        requests int NOT NULL DEFAULT 0,
        cost int NOT NULL DEFAULT 0,
        PRIMARY KEY (key_id, window_start)
      )`);

    // ---- change feeds: updated_at kept by the database on every update; keyset indexes
    await q.query(`
      CREATE FUNCTION lc_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- an explicit new value is kept (demo data writes history); otherwise the writing
        -- transaction's start, which the change feeds' horizon relies on
        IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
          NEW.updated_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    for (const t of ['center', 'service_item', 'service_offering', 'demand', 'project', 'delivery_order']) {
      await q.query(`CREATE TRIGGER ${t}_touch BEFORE UPDATE ON ${t}
                     FOR EACH ROW EXECUTE FUNCTION lc_touch_updated_at()`);
      await q.query(`CREATE INDEX ${t}_updated_idx ON ${t} (updated_at, id)`);
    }
    // A removed offering stays visible to change feeds as a tombstone with its last values.
    await q.query(`
      CREATE TABLE service_offering_removed (
        id int PRIMARY KEY,
        center_id int NOT NULL,
        service_id int NOT NULL,
        row jsonb NOT NULL,
        removed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX service_offering_removed_idx ON service_offering_removed (removed_at, id)`);
    await q.query(`
      CREATE FUNCTION lc_offering_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO service_offering_removed (id, center_id, service_id, row)
        VALUES (OLD.id, OLD.center_id, OLD.service_id, to_jsonb(OLD))
        ON CONFLICT (id) DO UPDATE SET row = EXCLUDED.row, removed_at = now();
        RETURN OLD;
      END $$`);
    await q.query(`CREATE TRIGGER service_offering_tombstone AFTER DELETE ON service_offering
                   FOR EACH ROW EXECUTE FUNCTION lc_offering_tombstone()`);

    // ---- webhooks: subscriptions, the outbox of events, deliveries per subscription, attempts
    await q.query(`
      CREATE TABLE webhook_subscription (
        id serial PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret_enc text NOT NULL,
        region_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        street_id int REFERENCES region(id),
        api_key_id int REFERENCES api_key(id),
        active boolean NOT NULL DEFAULT true,
        deleted_at timestamptz,
        created_by int REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_subscription_district_idx ON webhook_subscription (district_id)
                   WHERE deleted_at IS NULL`);
    await q.query(`
      CREATE TABLE webhook_event (
        id bigserial PRIMARY KEY,
        event_type text NOT NULL,
        record_type text NOT NULL,
        record_id text NOT NULL,
        district_id int,
        street_id int,
        center_id int,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        subscription_id int NOT NULL REFERENCES webhook_subscription(id),
        event_id bigint NOT NULL REFERENCES webhook_event(id),
        record_key text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DELIVERED','FAILED')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        leased_until timestamptz,
        last_status_code int,
        last_error text,
        delivered_at timestamptz,
        replay_of bigint REFERENCES webhook_delivery(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at, id)
                   WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_delivery_record_idx ON webhook_delivery (subscription_id, record_key, id)
                   WHERE status = 'PENDING'`);
    await q.query(
      `CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, id DESC)`,
    );
    await q.query(`
      CREATE TABLE webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_delivery(id),
        attempt int NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        status_code int,
        error text,
        duration_ms int NOT NULL,
        response_excerpt text
      )`);
    await q.query(`CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id)`);
    // the daily satisfaction event: one run per Shanghai day, whichever process gets there first
    await q.query(
      `CREATE TABLE webhook_daily_run (day date PRIMARY KEY, ran_at timestamptz NOT NULL DEFAULT now())`,
    );

    // ---- the center's 3+X team, AB pairs, the weekly rota
    await q.query(`
      CREATE TABLE team_member (
        id serial PRIMARY KEY,
        center_id int NOT NULL REFERENCES center(id),
        user_id int REFERENCES app_user(id),
        name text NOT NULL,
        team_role text NOT NULL CHECK (team_role IN ('FULL_TIME','SOCIAL_WORKER','VOLUNTEER','RESIDENT_OFFICER','OTHER')),
        phone_enc text,
        phone_hash text,
        phone_masked text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX team_member_user_idx ON team_member (center_id, user_id) WHERE user_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX team_member_center_idx ON team_member (center_id, id)`);
    await q.query(`
      CREATE TABLE duty_pair (
        id serial PRIMARY KEY,
        center_id int NOT NULL REFERENCES center(id),
        duty text NOT NULL,
        a_member_id int NOT NULL REFERENCES team_member(id),
        b_member_id int NOT NULL REFERENCES team_member(id),
        CHECK (a_member_id <> b_member_id),
        UNIQUE (center_id, duty)
      )`);
    await q.query(`
      CREATE TABLE rota_entry (
        id serial PRIMARY KEY,
        center_id int NOT NULL REFERENCES center(id),
        day date NOT NULL,
        shift text NOT NULL CHECK (shift IN ('MORNING','AFTERNOON','EVENING')),
        pair_id int NOT NULL REFERENCES duty_pair(id),
        a_member_id int NOT NULL REFERENCES team_member(id),
        b_member_id int NOT NULL REFERENCES team_member(id),
        a_absent boolean NOT NULL DEFAULT false,
        UNIQUE (center_id, day, shift, pair_id)
      )`);
    await q.query(`CREATE INDEX rota_entry_day_idx ON rota_entry (center_id, day)`);
    // who is committed where in a shift: one center per person and shift
    await q.query(`
      CREATE TABLE rota_person_shift (
        person_key text NOT NULL,
        day date NOT NULL,
        shift text NOT NULL,
        center_id int NOT NULL REFERENCES center(id),
        rota_entry_id int NOT NULL REFERENCES rota_entry(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX rota_person_shift_idx ON rota_person_shift (person_key, day, shift)`);
    await q.query(`CREATE INDEX rota_person_shift_entry_idx ON rota_person_shift (rota_entry_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'rota_person_shift',
      'rota_entry',
      'duty_pair',
      'team_member',
      'webhook_daily_run',
      'webhook_attempt',
      'webhook_delivery',
      'webhook_event',
      'webhook_subscription',
      'service_offering_removed',
      'api_key_usage',
      'api_key',
      'audit_event',
      'account_import',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP TRIGGER IF EXISTS service_offering_tombstone ON service_offering`);
    await q.query(`DROP FUNCTION IF EXISTS lc_offering_tombstone`);
    for (const t of ['center', 'service_item', 'service_offering', 'demand', 'project', 'delivery_order']) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}_touch ON ${t}`);
      await q.query(`DROP INDEX IF EXISTS ${t}_updated_idx`);
    }
    await q.query(`DROP FUNCTION IF EXISTS lc_touch_updated_at`);
    await q.query(`DROP FUNCTION IF EXISTS lc_audit_event_insert_only`);
    await q.query(`DROP INDEX IF EXISTS app_user_scope_idx`);
    await q.query(`DROP INDEX IF EXISTS app_user_center_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version, DROP COLUMN must_change_password,
                   DROP COLUMN password_changed_at, DROP COLUMN created_by, DROP COLUMN updated_at`);
  }
}
