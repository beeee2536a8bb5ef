import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, centers, service menus and offerings, users; geo indexes with cube + earthdistance. */
export class PlacesAndServices1732300000000 implements MigrationInterface {
  name = 'PlacesAndServices1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    // Great-circle metres on the mean Earth radius; the one distance function of the system
    // (mirrors haversineMeters in @lc/domain). Not STRICT, so the planner inlines it (3× faster
    // near queries); callers pass non-null coordinates.
    await q.query(`
      CREATE OR REPLACE FUNCTION lc_distance_m(lat1 double precision, lng1 double precision,
                                               lat2 double precision, lng2 double precision)
      RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT 2 * 6371008.8 * asin(least(1, sqrt(
          power(sin(radians(lat2 - lat1) / 2), 2) +
          cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lng2 - lng1) / 2), 2))))
      $$`);

    await q.query(`
      CREATE TABLE region (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('DISTRICT','STREET','COMMUNITY')),
        community_kind text CHECK (community_kind IN ('RESIDENTIAL','VILLAGE')),
        parent_id int REFERENCES region(id),
        district_id int REFERENCES region(id),
        street_id int REFERENCES region(id),
        population int CHECK (population >= 0),
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lng double precision CHECK (lng BETWEEN -180 AND 180),
        CHECK ((level = 'DISTRICT') = (parent_id IS NULL))
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_id)`);
    await q.query(`CREATE INDEX region_level_idx ON region (level)`);
    await q.query(`CREATE INDEX region_district_idx ON region (district_id)`);
    await q.query(`CREATE INDEX region_street_idx ON region (street_id)`);

    await q.query(`
      CREATE TABLE center (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('HUB','VILLAGE_CENTER','COMMUNITY_STATION')),
        brand text,
        address text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        floor_area double precision CHECK (floor_area > 0),
        floors int CHECK (floors > 0),
        opening_hours text,
        phone text,
        district_id int NOT NULL REFERENCES region(id),
        street_id int NOT NULL REFERENCES region(id),
        facilities text[] NOT NULL DEFAULT '{}',
        zones text[] NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX center_street_idx ON center (street_id)`);
    await q.query(`CREATE INDEX center_district_idx ON center (district_id)`);
    await q.query(`CREATE INDEX center_earth_idx ON center USING gist (ll_to_earth(lat, lng))`);

    await q.query(`
      CREATE TABLE center_community (
        center_id int NOT NULL REFERENCES center(id) ON DELETE CASCADE,
        community_id int NOT NULL REFERENCES region(id),
        PRIMARY KEY (center_id, community_id)
      )`);
    await q.query(`CREATE INDEX center_community_community_idx ON center_community (community_id)`);

    await q.query(`
      CREATE TABLE service_item (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        description text,
        category text NOT NULL CHECK (category IN ('PARTY_MASS','GOVERNMENT_AFFAIRS','DAILY_LIFE','LEGAL','HEALTH','CULTURE','COMMUNITY_MANAGEMENT')),
        menu text NOT NULL CHECK (menu IN ('DISTRICT','MOBILE','STREET_FEATURE')),
        owner_region_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        provider text,
        department text,
        audience text[] NOT NULL DEFAULT '{}',
        fee text,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (menu, owner_region_id, name)
      )`);
    await q.query(`CREATE INDEX service_item_owner_idx ON service_item (owner_region_id)`);
    await q.query(`CREATE INDEX service_item_district_idx ON service_item (district_id, menu)`);

    await q.query(`
      CREATE TABLE service_offering (
        id serial PRIMARY KEY,
        center_id int NOT NULL REFERENCES center(id) ON DELETE CASCADE,
        service_id int NOT NULL REFERENCES service_item(id),
        schedule jsonb NOT NULL DEFAULT '[]',
        fee text,
        UNIQUE (center_id, service_id)
      )`);
    await q.query(`CREATE INDEX service_offering_service_idx ON service_offering (service_id)`);

    await q.query(`
      CREATE TABLE app_user (
        id serial PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('DISTRICT_ADMIN','STREET_ADMIN','CENTER_STAFF','EVALUATOR','RESIDENT','INTEGRATOR')),
        password_hash text NOT NULL,
        scope_region_id int REFERENCES region(id),
        center_id int REFERENCES center(id),
        active boolean NOT NULL DEFAULT true,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'app_user',
      'service_offering',
      'service_item',
      'center_community',
      'center',
      'region',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS lc_distance_m`);
  }
}
