import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12: notifications (an inbox per user, one outbox every module writes in its own
 * transaction, deliveries per channel, preferences per kind) and residents' problems (诉求): cases
 * with their categories and time limits, the working calendar, the timeline, photos, the residents
 * who follow a case. Frozen SQL: the defaults below are copied from @lc/domain as they were. */
export class NotificationsAndCases1733100000000 implements MigrationInterface {
  name = 'NotificationsAndCases1733100000000';

  async up(q: QueryRunner): Promise<void> {
    // ── notifications ──────────────────────────────────────────────────────────────────────
    // The outbox: one row per event, written in the transaction of the change; the sender worker
    // expands the audience into inbox rows and deliveries, then sets processed_at.
    await q.query(`
      CREATE TABLE notification_event (
        id serial PRIMARY KEY,
        kind text NOT NULL,
        template text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        subject_type text,
        subject_id int,
        audience_user_ids int[] NOT NULL DEFAULT '{}',
        audience_center_id int REFERENCES center(id) ON DELETE SET NULL,
        audience_community_ids int[] NOT NULL DEFAULT '{}',
        exclude_user_id int,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        recipients int
      )`);
    await q.query(
      `CREATE INDEX notification_event_pending_idx ON notification_event (id) WHERE processed_at IS NULL`,
    );
    // The inbox: one row per recipient and event (in-app delivery, exactly once by the unique key).
    await q.query(`
      CREATE TABLE notification (
        id serial PRIMARY KEY,
        event_id int NOT NULL REFERENCES notification_event(id) ON DELETE CASCADE,
        user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (event_id, user_id)
      )`);
    await q.query(`CREATE INDEX notification_inbox_idx ON notification (user_id, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
    // Deliveries through external channels (SMS): claimed (SENDING) before the send, so a restart
    // never sends one twice.
    await q.query(`
      CREATE TABLE notification_delivery (
        id serial PRIMARY KEY,
        event_id int NOT NULL REFERENCES notification_event(id) ON DELETE CASCADE,
        user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        channel text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENDING','SENT','FAILED','UNKNOWN')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        claimed_at timestamptz,
        sent_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, user_id, channel)
      )`);
    await q.query(
      `CREATE INDEX notification_delivery_pending_idx ON notification_delivery (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX notification_delivery_sending_idx ON notification_delivery (claimed_at) WHERE status = 'SENDING'`,
    );
    await q.query(`
      CREATE TABLE notification_preference (
        user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL,
        sms boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);

    // ── cases (诉求) ────────────────────────────────────────────────────────────────────────
    // Categories: rows without a district are the defaults; a district's own row replaces the
    // default of the same code.
    await q.query(`
      CREATE TABLE case_category (
        id serial PRIMARY KEY,
        district_id int REFERENCES region(id),
        code text NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        start_level text NOT NULL CHECK (start_level IN ('COMMUNITY','JOINT_ENFORCEMENT','STREET_OPERATIONS_CENTER')),
        accept_hours int NOT NULL CHECK (accept_hours BETWEEN 1 AND 2000),
        community_hours int NOT NULL CHECK (community_hours BETWEEN 1 AND 2000),
        joint_hours int NOT NULL CHECK (joint_hours BETWEEN 1 AND 2000),
        street_hours int NOT NULL CHECK (street_hours BETWEEN 1 AND 2000),
        active boolean NOT NULL DEFAULT true,
        sort_order int NOT NULL DEFAULT 0,
        updated_by int REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX case_category_code_idx ON case_category (coalesce(district_id, 0), code)`,
    );
    await q.query(`
      INSERT INTO case_category (code, name_zh, name_en, start_level, accept_hours, community_hours, joint_hours, street_hours, sort_order)
      VALUES ('ENVIRONMENT','环境卫生','Environment and sanitation','COMMUNITY',4,16,24,40,1),
             ('FACILITY_REPAIR','设施报修','Facility repair','COMMUNITY',4,40,40,80,2),
             ('NEIGHBOR_DISPUTE','邻里纠纷','Neighbour dispute','COMMUNITY',8,40,40,80,3),
             ('SAFETY_HAZARD','安全隐患','Safety hazard','JOINT_ENFORCEMENT',1,8,8,16,4),
             ('ELDERLY_SERVICE','为老服务','Elderly services','COMMUNITY',4,24,40,40,5),
             ('POLICY_CONSULTATION','政策咨询','Policy questions','COMMUNITY',8,24,40,40,6),
             ('OTHER','其他','Other','COMMUNITY',8,40,40,80,7)`);

    // The working calendar: national rows (no district) and a district's own rows, which replace
    // the national row of the same date.
    await q.query(`
      CREATE TABLE calendar_day (
        id serial PRIMARY KEY,
        district_id int REFERENCES region(id),
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY','WORKDAY')),
        name text NOT NULL,
        estimated boolean NOT NULL DEFAULT false,
        updated_by int REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_day_idx ON calendar_day (coalesce(district_id, 0), day)`);
    await q.query(`
      INSERT INTO calendar_day (day, kind, name, estimated)
      VALUES ('2026-01-01','HOLIDAY','元旦',false),
             ('2026-01-02','HOLIDAY','元旦',false),
             ('2026-01-03','HOLIDAY','元旦',false),
             ('2026-01-04','WORKDAY','元旦调休上班',false),
             ('2026-02-14','WORKDAY','春节调休上班',false),
             ('2026-02-15','HOLIDAY','春节',false),
             ('2026-02-16','HOLIDAY','春节',false),
             ('2026-02-17','HOLIDAY','春节',false),
             ('2026-02-18','HOLIDAY','春节',false),
             ('2026-02-19','HOLIDAY','春节',false),
             ('2026-02-20','HOLIDAY','春节',false),
             ('2026-02-21','HOLIDAY','春节',false),
             ('2026-02-22','HOLIDAY','春节',false),
             ('2026-02-23','HOLIDAY','春节',false),
             ('2026-02-28','WORKDAY','春节调休上班',false),
             ('2026-04-04','HOLIDAY','清明节',false),
             ('2026-04-05','HOLIDAY','清明节',false),
             ('2026-04-06','HOLIDAY','清明节',false),
             ('2026-05-01','HOLIDAY','劳动节',false),
             ('2026-05-02','HOLIDAY','劳动节',false),
             ('2026-05-03','HOLIDAY','劳动节',false),
             ('2026-05-04','HOLIDAY','劳动节',false),
             ('2026-05-05','HOLIDAY','劳动节',false),
             ('2026-05-09','WORKDAY','劳动节调休上班',false),
             ('2026-06-19','HOLIDAY','端午节',false),
             ('2026-06-20','HOLIDAY','端午节',false),
             ('2026-06-21','HOLIDAY','端午节',false),
             ('2026-09-20','WORKDAY','国庆节调休上班',false),
             ('2026-09-25','HOLIDAY','中秋节',false),
             ('2026-09-26','HOLIDAY','中秋节',false),
             ('2026-09-27','HOLIDAY','中秋节',false),
             ('2026-10-01','HOLIDAY','国庆节',false),
             ('2026-10-02','HOLIDAY','国庆节',false),
             ('2026-10-03','HOLIDAY','国庆节',false),
             ('2026-10-04','HOLIDAY','国庆节',false),
             ('2026-10-05','HOLIDAY','国庆节',false),
             ('2026-10-06','HOLIDAY','国庆节',false),
             ('2026-10-07','HOLIDAY','国庆节',false),
             ('2026-10-10','WORKDAY','国庆节调休上班',false),
             ('2027-01-01','HOLIDAY','元旦',true),
             ('2027-02-06','HOLIDAY','春节',true),
             ('2027-02-07','HOLIDAY','春节',true),
             ('2027-02-08','HOLIDAY','春节',true),
             ('2027-02-09','HOLIDAY','春节',true),
             ('2027-02-10','HOLIDAY','春节',true),
             ('2027-02-11','HOLIDAY','春节',true),
             ('2027-02-12','HOLIDAY','春节',true),
             ('2027-04-05','HOLIDAY','清明节',true),
             ('2027-05-01','HOLIDAY','劳动节',true),
             ('2027-05-02','HOLIDAY','劳动节',true),
             ('2027-05-03','HOLIDAY','劳动节',true),
             ('2027-05-04','HOLIDAY','劳动节',true),
             ('2027-05-05','HOLIDAY','劳动节',true),
             ('2027-06-09','HOLIDAY','端午节',true),
             ('2027-09-15','HOLIDAY','中秋节',true),
             ('2027-10-01','HOLIDAY','国庆节',true),
             ('2027-10-02','HOLIDAY','国庆节',true),
             ('2027-10-03','HOLIDAY','国庆节',true),
             ('2027-10-04','HOLIDAY','国庆节',true),
             ('2027-10-05','HOLIDAY','国庆节',true),
             ('2027-10-06','HOLIDAY','国庆节',true),
             ('2027-10-07','HOLIDAY','国庆节',true)`);

    await q.query(`
      CREATE TABLE resident_case (
        id serial PRIMARY KEY,
        district_id int NOT NULL REFERENCES region(id),
        street_id int NOT NULL REFERENCES region(id),
        community_id int REFERENCES region(id),
        center_id int REFERENCES center(id),
        category text NOT NULL,
        description text NOT NULL,
        address text,
        lat double precision,
        lng double precision,
        source text NOT NULL CHECK (source IN ('RESIDENT_APP','PATROL','VISIT','HOTLINE','WALK_IN','OPEN311')),
        status text NOT NULL CHECK (status IN ('REPORTED','ACCEPTED','ASSIGNED','IN_PROGRESS','ESCALATED','RESOLVED','REOPENED','CLOSED','REJECTED')),
        level text NOT NULL CHECK (level IN ('COMMUNITY','JOINT_ENFORCEMENT','STREET_OPERATIONS_CENTER')),
        responsibility text NOT NULL CHECK (responsibility IN ('FIRST_CONTACT','ASSIGNED','FALLBACK')),
        joint_force text CHECK (joint_force IN ('POLICE','CITY_MANAGEMENT','MARKET_SUPERVISION','OTHER_DEPARTMENT')),
        joint_department text,
        reporter_id int REFERENCES app_user(id),
        entered_by int REFERENCES app_user(id),
        first_contact_id int REFERENCES app_user(id),
        owner_id int REFERENCES app_user(id),
        integrator text,
        contact_enc text,
        contact_masked text,
        is_public boolean NOT NULL DEFAULT false,
        idempotency_key text,
        reported_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        level_started_at timestamptz NOT NULL DEFAULT now(),
        deadline_at timestamptz,
        overdue_at timestamptz,
        resolved_at timestamptz,
        resolved_level text,
        resolution text,
        reject_reason text,
        closed_at timestamptz,
        follow_up_due_at timestamptz,
        follow_up_fixed boolean,
        follow_up_rating smallint CHECK (follow_up_rating BETWEEN 1 AND 5),
        follow_up_comment text,
        followed_up_at timestamptz,
        merged_into_id int REFERENCES resident_case(id),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The board: a street's (center's, district's) unfinished cases, overdue first, then by deadline.
    for (const [name, col] of [
      ['street', 'street_id'],
      ['center', 'center_id'],
      ['district', 'district_id'],
    ]) {
      await q.query(`CREATE INDEX resident_case_${name}_board_idx ON resident_case
        (${col}, (overdue_at IS NULL), (coalesce(deadline_at, 'infinity'::timestamptz)), id)
        WHERE status NOT IN ('CLOSED','REJECTED')`);
      await q.query(`CREATE INDEX resident_case_${name}_idx ON resident_case (${col}, id)`);
    }
    // The overdue worker's queue and the follow-up auto-close queue.
    await q.query(`CREATE INDEX resident_case_deadline_idx ON resident_case (deadline_at)
      WHERE overdue_at IS NULL AND status IN ('REPORTED','ACCEPTED','ASSIGNED','IN_PROGRESS','ESCALATED','REOPENED')`);
    await q.query(
      `CREATE INDEX resident_case_follow_up_idx ON resident_case (follow_up_due_at) WHERE status = 'RESOLVED'`,
    );
    await q.query(
      `CREATE INDEX resident_case_reporter_idx ON resident_case (reporter_id, id) WHERE reporter_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX resident_case_reported_idx ON resident_case (district_id, reported_at)`);
    await q.query(
      `CREATE INDEX resident_case_merged_idx ON resident_case (merged_into_id) WHERE merged_into_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX resident_case_owner_idx ON resident_case (owner_id) WHERE status NOT IN ('CLOSED','REJECTED')`,
    );
    // Duplicates: open cases near a point.
    await q.query(`CREATE INDEX resident_case_earth_idx ON resident_case USING gist (ll_to_earth(lat, lng))
      WHERE lat IS NOT NULL AND status NOT IN ('CLOSED','REJECTED')`);
    // A resident's double submit (same idempotency key) makes one case.
    await q.query(`CREATE UNIQUE INDEX resident_case_idempotency_idx ON resident_case (coalesce(reporter_id, 0), coalesce(integrator, ''), idempotency_key)
      WHERE idempotency_key IS NOT NULL`);

    await q.query(`
      CREATE TABLE case_event (
        id serial PRIMARY KEY,
        case_id int NOT NULL REFERENCES resident_case(id) ON DELETE CASCADE,
        kind text NOT NULL,
        from_status text,
        to_status text,
        from_level text,
        to_level text,
        actor_kind text NOT NULL CHECK (actor_kind IN ('STAFF','REPORTER','SYSTEM','INTEGRATOR')),
        actor_id int REFERENCES app_user(id),
        actor_name text,
        assignee_id int REFERENCES app_user(id),
        joint_force text,
        note text,
        rating smallint,
        deadline_at timestamptz,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_event_case_idx ON case_event (case_id, id)`);
    await q.query(`
      CREATE TABLE case_photo (
        id serial PRIMARY KEY,
        case_id int NOT NULL REFERENCES resident_case(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes int NOT NULL,
        storage_key text NOT NULL,
        sha256 text NOT NULL,
        uploaded_by int REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX case_photo_case_idx ON case_photo (case_id, id)`);
    // Residents who get a case's updates: its reporter and the reporters of duplicates merged into it.
    await q.query(`
      CREATE TABLE case_watcher (
        case_id int NOT NULL REFERENCES resident_case(id) ON DELETE CASCADE,
        user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        since timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, user_id)
      )`);
    await q.query(`CREATE INDEX case_watcher_user_idx ON case_watcher (user_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'case_watcher',
      'case_photo',
      'case_event',
      'resident_case',
      'calendar_day',
      'case_category',
      'notification_preference',
      'notification_delivery',
      'notification',
      'notification_event',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
