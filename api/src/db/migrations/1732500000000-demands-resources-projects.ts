import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 4: the three lists (需求、资源、项目) and the three meetings (三会). */
export class DemandsResourcesProjects1732500000000 implements MigrationInterface {
  name = 'DemandsResourcesProjects1732500000000';

  async up(q: QueryRunner): Promise<void> {
    // A resident's community (居委/村委): demands are raised for it, its projects are visible.
    await q.query(
      `ALTER TABLE app_user ADD COLUMN home_community_id int REFERENCES region(id) ON DELETE SET NULL`,
    );

    await q.query(`
      CREATE TABLE demand (
        id serial PRIMARY KEY,
        title text NOT NULL,
        description text,
        category text NOT NULL CHECK (category IN ('PARTY_MASS','GOVERNMENT_AFFAIRS','DAILY_LIFE','LEGAL','HEALTH','CULTURE','COMMUNITY_MANAGEMENT')),
        community_id int NOT NULL REFERENCES region(id),
        street_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        source text NOT NULL CHECK (source IN ('RESIDENT_APP','VISIT','SURVEY_COMMENT','HOTLINE','OTHER')),
        raised_by int REFERENCES app_user(id),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','MATCHED','IN_PROJECT','CLOSED')),
        seconds int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX demand_community_idx ON demand (community_id, status, id)`);
    await q.query(`CREATE INDEX demand_street_idx ON demand (street_id, status, id)`);
    await q.query(`CREATE INDEX demand_district_idx ON demand (district_id, id)`);
    await q.query(`
      CREATE TABLE demand_second (
        demand_id int NOT NULL REFERENCES demand(id) ON DELETE CASCADE,
        resident_id int NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (demand_id, resident_id)
      )`);

    await q.query(`
      CREATE TABLE resource (
        id serial PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('GOVERNMENT','ENTERPRISE','SOCIAL_ORGANIZATION','PARTNER_UNIT','TALENT','VOLUNTEER')),
        category text NOT NULL CHECK (category IN ('PARTY_MASS','GOVERNMENT_AFFAIRS','DAILY_LIFE','LEGAL','HEALTH','CULTURE','COMMUNITY_MANAGEMENT')),
        description text,
        region_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        street_id int REFERENCES region(id),
        capacity int CHECK (capacity IS NULL OR capacity >= 0),
        availability text,
        contact_name_enc text,
        contact_phone_enc text,
        contact_masked text,
        active boolean NOT NULL DEFAULT true,
        created_by int REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resource_district_idx ON resource (district_id, category, id)`);
    await q.query(`CREATE INDEX resource_region_idx ON resource (region_id)`);
    await q.query(`
      CREATE TABLE resource_contact_reveal (
        id serial PRIMARY KEY,
        resource_id int NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
        actor_id int NOT NULL REFERENCES app_user(id),
        actor_name text NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resource_contact_reveal_idx ON resource_contact_reveal (resource_id, id)`);

    await q.query(`
      CREATE TABLE project (
        id serial PRIMARY KEY,
        title text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED','HEARING','APPROVED','IN_PROGRESS','REVIEW','COMPLETED','REJECTED')),
        publicly_funded boolean NOT NULL,
        budget_yuan numeric(14, 2) CHECK (budget_yuan IS NULL OR budget_yuan >= 0),
        center_id int REFERENCES center(id),
        street_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        owner_id int REFERENCES app_user(id),
        next_meeting_kind text CHECK (next_meeting_kind IN ('HEARING','COORDINATION','REVIEW')),
        next_meeting_at timestamptz,
        next_meeting_place text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_street_idx ON project (street_id, status, id)`);
    await q.query(`CREATE INDEX project_district_idx ON project (district_id, status, id)`);
    await q.query(`
      CREATE TABLE project_demand (
        project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        demand_id int NOT NULL REFERENCES demand(id),
        PRIMARY KEY (project_id, demand_id)
      )`);
    await q.query(`CREATE INDEX project_demand_demand_idx ON project_demand (demand_id)`);
    await q.query(`
      CREATE TABLE project_resource (
        project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        resource_id int NOT NULL REFERENCES resource(id),
        PRIMARY KEY (project_id, resource_id)
      )`);
    await q.query(`CREATE INDEX project_resource_resource_idx ON project_resource (resource_id)`);

    await q.query(`
      CREATE TABLE meeting (
        id serial PRIMARY KEY,
        project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('HEARING','COORDINATION','REVIEW')),
        held_at timestamptz NOT NULL,
        place text,
        attendees int NOT NULL CHECK (attendees >= 0),
        representatives text[] NOT NULL DEFAULT '{}',
        minutes text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('APPROVED','REJECTED','NOTED')),
        resolution text NOT NULL,
        votes_for int CHECK (votes_for >= 0),
        votes_against int CHECK (votes_against >= 0),
        votes_abstain int CHECK (votes_abstain >= 0),
        recorded_by int REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_project_idx ON meeting (project_id, held_at)`);
    await q.query(`
      CREATE TABLE meeting_attachment (
        id serial PRIMARY KEY,
        meeting_id int NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes int NOT NULL,
        storage_key text NOT NULL UNIQUE,
        sha256 text NOT NULL,
        uploaded_by int REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_attachment_meeting_idx ON meeting_attachment (meeting_id)`);

    // The project's timeline: creation, every transition and every meeting.
    await q.query(`
      CREATE TABLE project_event (
        id serial PRIMARY KEY,
        project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('CREATED','TRANSITION','MEETING')),
        from_status text,
        to_status text,
        meeting_id int REFERENCES meeting(id) ON DELETE SET NULL,
        actor_id int REFERENCES app_user(id),
        actor_name text,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_event_project_idx ON project_event (project_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'project_event',
      'meeting_attachment',
      'meeting',
      'project_resource',
      'project_demand',
      'project',
      'resource_contact_reveal',
      'resource',
      'demand_second',
      'demand',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
    await q.query(`ALTER TABLE app_user DROP COLUMN home_community_id`);
  }
}
