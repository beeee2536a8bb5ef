import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 5: satisfaction surveys with rollups kept current, the eight-dimension evaluation (八度空间),
 * and district settings for thresholds and weights. */
export class SurveysEvaluations1732600000000 implements MigrationInterface {
  name = 'SurveysEvaluations1732600000000';

  async up(q: QueryRunner): Promise<void> {
    const dims = `'PARTY_LEADERSHIP','SITE_RECOGNITION','SERVICE_PROFESSIONALISM','PROJECT_APPROACHABILITY','GOVERNANCE_PARTICIPATION','RESOURCE_INTEGRATION','RESIDENT_PERCEPTION','SOCIAL_VISIBILITY'`;

    await q.query(`
      CREATE TABLE district_setting (
        district_id int PRIMARY KEY REFERENCES region(id),
        satisfied_threshold int NOT NULL DEFAULT 8 CHECK (satisfied_threshold BETWEEN 0 AND 10),
        compliance_target numeric(4,3) NOT NULL DEFAULT 0.8 CHECK (compliance_target BETWEEN 0 AND 1),
        satisfaction_weight numeric(4,3) NOT NULL DEFAULT 0.5 CHECK (satisfaction_weight BETWEEN 0 AND 1),
        dimension_weights jsonb NOT NULL DEFAULT '{}',
        indicators jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE survey (
        id serial PRIMARY KEY,
        title text NOT NULL,
        description text,
        scope_kind text NOT NULL CHECK (scope_kind IN ('CENTER','SERVICE','PROJECT','REGION')),
        center_id int REFERENCES center(id),
        service_id int REFERENCES service_item(id),
        project_id int REFERENCES project(id),
        region_id int REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        street_id int REFERENCES region(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','OPEN','CLOSED')),
        anonymous boolean NOT NULL DEFAULT false,
        opens_at timestamptz,
        closes_at timestamptz,
        created_by int REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX survey_center_idx ON survey (center_id, status)`);
    await q.query(`CREATE INDEX survey_district_idx ON survey (district_id, status, id)`);
    await q.query(`
      CREATE TABLE survey_question (
        id serial PRIMARY KEY,
        survey_id int NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('SCORE','SINGLE_CHOICE','MULTIPLE_CHOICE','TEXT')),
        text text NOT NULL,
        required boolean NOT NULL DEFAULT true,
        options text[],
        dimension text CHECK (dimension IN (${dims}))
      )`);
    await q.query(`CREATE INDEX survey_question_survey_idx ON survey_question (survey_id, position)`);

    // A response carries where it counts (center, street, district) so figures never join back.
    // resident_id stays NULL for anonymous surveys; who answered those is kept in survey_respondent,
    // which shares no id, key or time with the response.
    await q.query(`
      CREATE TABLE survey_response (
        id serial PRIMARY KEY,
        survey_id int NOT NULL REFERENCES survey(id),
        center_id int REFERENCES center(id),
        street_id int REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        resident_id int REFERENCES app_user(id),
        channel text NOT NULL CHECK (channel IN ('ONLINE','OFFLINE')),
        entry_method text NOT NULL CHECK (entry_method IN ('APP','FORM','EXCEL')),
        entered_by int REFERENCES app_user(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        score numeric(4,2) CHECK (score BETWEEN 0 AND 10),
        idempotency_hash text UNIQUE
      )`);
    await q.query(`CREATE INDEX survey_response_center_idx ON survey_response (center_id, submitted_at)`);
    await q.query(`CREATE INDEX survey_response_district_idx ON survey_response (district_id, submitted_at)`);
    await q.query(`CREATE INDEX survey_response_survey_idx ON survey_response (survey_id)`);
    await q.query(`
      CREATE TABLE survey_respondent (
        survey_id int NOT NULL REFERENCES survey(id),
        resident_id int NOT NULL REFERENCES app_user(id),
        key_hash text NOT NULL,
        PRIMARY KEY (survey_id, resident_id)
      )`);
    await q.query(`
      CREATE TABLE survey_answer (
        id bigserial PRIMARY KEY,
        response_id int NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
        question_id int NOT NULL REFERENCES survey_question(id),
        score smallint CHECK (score BETWEEN 0 AND 10),
        choices text[],
        text text
      )`);
    await q.query(`CREATE INDEX survey_answer_response_idx ON survey_answer (response_id)`);
    await q.query(
      `CREATE INDEX survey_answer_text_idx ON survey_answer (question_id) WHERE text IS NOT NULL`,
    );

    // Rollups, kept current in the transaction that stores a response. center_id 0 = no center.
    // buckets[k+1] counts responses whose score is in [k, k+1) (k = 10: exactly 10), so any
    // integer satisfied threshold T is the sum of buckets T+1..11.
    for (const [table, col] of [
      ['satisfaction_month', 'month'],
      ['satisfaction_day', 'day'],
    ]) {
      await q.query(`
        CREATE TABLE ${table} (
          district_id int NOT NULL,
          street_id int NOT NULL,
          center_id int NOT NULL,
          ${col} date NOT NULL,
          channel text NOT NULL,
          responses int NOT NULL,
          score_sum numeric NOT NULL,
          scored int NOT NULL,
          buckets int[] NOT NULL,
          PRIMARY KEY (center_id, street_id, ${col}, channel)
        )`);
      await q.query(`CREATE INDEX ${table}_district_idx ON ${table} (district_id, ${col})`);
      await q.query(`CREATE INDEX ${table}_street_idx ON ${table} (street_id, ${col})`);
    }
    await q.query(`
      CREATE TABLE dimension_month (
        district_id int NOT NULL,
        street_id int NOT NULL,
        center_id int NOT NULL,
        month date NOT NULL,
        dimension text NOT NULL,
        answers int NOT NULL,
        score_sum numeric NOT NULL,
        PRIMARY KEY (center_id, street_id, month, dimension)
      )`);
    await q.query(`CREATE INDEX dimension_month_district_idx ON dimension_month (district_id, month)`);

    await q.query(`
      CREATE TABLE evaluation (
        id serial PRIMARY KEY,
        center_id int NOT NULL REFERENCES center(id),
        street_id int NOT NULL REFERENCES region(id),
        district_id int NOT NULL REFERENCES region(id),
        evaluator_id int REFERENCES app_user(id),
        evaluator_name text NOT NULL,
        evaluator_kind text NOT NULL CHECK (evaluator_kind IN ('EXPERT','EXPERIENCE_OFFICER')),
        phase text NOT NULL CHECK (phase IN ('BEFORE','DURING','AFTER')),
        evaluated_on date NOT NULL,
        scores jsonb NOT NULL,
        total numeric(5,2) NOT NULL,
        findings text,
        suggestions text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evaluation_center_idx ON evaluation (center_id, evaluated_on)`);
    await q.query(`CREATE INDEX evaluation_district_idx ON evaluation (district_id, evaluated_on)`);
    await q.query(`
      CREATE TABLE evaluation_finding (
        id serial PRIMARY KEY,
        evaluation_id int NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
        track text NOT NULL CHECK (track IN ('GOVERNANCE_INNOVATION','SERVICE_PROFESSIONAL','STANDARD_OPERATION','BRAND_PROMOTION')),
        text text NOT NULL
      )`);
    await q.query(`CREATE INDEX evaluation_finding_eval_idx ON evaluation_finding (evaluation_id)`);
    await q.query(`
      CREATE TABLE evaluation_photo (
        id serial PRIMARY KEY,
        evaluation_id int NOT NULL REFERENCES evaluation(id) ON DELETE CASCADE,
        file_name text NOT NULL,
        mime_type text NOT NULL,
        size_bytes int NOT NULL,
        storage_key text NOT NULL UNIQUE,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'evaluation_photo',
      'evaluation_finding',
      'evaluation',
      'dimension_month',
      'satisfaction_day',
      'satisfaction_month',
      'survey_answer',
      'survey_respondent',
      'survey_response',
      'survey_question',
      'survey',
      'district_setting',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
