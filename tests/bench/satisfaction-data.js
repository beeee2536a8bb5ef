// @ts-check
// The satisfaction bench's data, added inside PostgreSQL to a database that already holds the
// Shanghai seed (shanghai.js): one OPEN survey per center (four SCORE questions, each counting
// toward a dimension, and a free-text question; a response counts where its survey is about, as
// in the API), `responses` survey responses (default 20 million) over the 24 months before END_DAY
// spread over every center, about 4 evaluations per center, the district settings and one district
// admin per district (who the load authenticates as).
//
// Everything is `INSERT … SELECT … FROM generate_series(…)`, one statement per month, on
// `workers` connections at once; pseudo-random numbers are hashes of the response id
// (hashint8extended(id, seed), the stable hash PostgreSQL uses for hash partitioning), so the data
// set is the same on every run and on every machine. survey_response's indexes and constraints
// are dropped for the load and recreated afterwards; then the three rollup tables are built with
// one INSERT … SELECT … GROUP BY each over the stored responses (Shanghai calendar dates), their
// indexes created after, and everything VACUUM ANALYZEd.
//
// survey_answer rows are NOT written for the generated responses (the figures never read them).
// A response's score is the mean of its four score answers (so multiples of 0.25); the answers are
// a deterministic function of the response id and its center, and dimension_month is built from
// that same function, so it is exactly what storing the answers would have given.
'use strict';

const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { rebuildDerivedRollups } = require('api/dist/modules/satisfaction/rollups');

/** First Shanghai day not covered; the data covers the 24 months before it. */
const END_DAY = '2026-11-01';
const MONTHS = 24;
const START_DAY = '2024-11-01';

/** The survey's score questions and the dimension each counts toward. */
const SCORE_QUESTIONS = [
  ['SERVICE_PROFESSIONALISM', '工作人员的服务是否专业、耐心？'],
  ['SITE_RECOGNITION', '中心的场地、环境和设施是否让您满意？'],
  ['PROJECT_APPROACHABILITY', '中心的活动和服务项目是否贴近您的需要？'],
  ['RESIDENT_PERCEPTION', '总体而言，您对社区生活圈服务是否满意？'],
];

/** Share of responses without any score answer (the score questions are optional). */
const UNSCORED_SHARE = 0.005;
/** Share of responses from a bad visit (answers around 2.5 whatever the center). */
const UNHAPPY_SHARE = 0.03;

/** A uniform number in [0, 1) from a bigint SQL expression and a seed. */
const u = (/** @type {string} */ x, /** @type {number} */ seed) =>
  `((hashint8extended((${x})::bigint, ${seed}) & 4503599627370495)::float8 / 4503599627370496.0)`;
/** Roughly standard normal: a triangular variable (two uniforms) scaled to unit variance. */
const z = (/** @type {string} */ x, /** @type {number} */ seed) =>
  `(2.449489742783178 * (${u(x, seed)} + ${u(x, seed + 1)} - 1.0))`;

// Per response, four 64-bit hashes of its id, each cut into four 16-bit uniforms:
//   h_t: channel, entry method, day of the month, time of day
//   h_a: response effect (2), unhappy visit, unscored
//   h_b, h_c: the four answers' own effects (2 each)
/** The hash columns of response id `id`, as a select list. */
const hashCols = (/** @type {string} */ id) =>
  `hashint8extended(${id}, 11) AS h_t, hashint8extended(${id}, 12) AS h_a,
   hashint8extended(${id}, 13) AS h_b, hashint8extended(${id}, 14) AS h_c`;
/** Uniform [0, 1) from 16 bits of a hash column. */
const u16 = (/** @type {string} */ h, /** @type {number} */ part) =>
  `((((${h}) >> ${16 * part}) & 65535)::float8 / 65536.0)`;
const tri = (/** @type {string} */ h, /** @type {number} */ p1, /** @type {number} */ p2) =>
  `(2.449489742783178 * (${u16(h, p1)} + ${u16(h, p2)} - 1.0))`;

/**
 * The integer answer 0–10 to score question k (0–3), from the hash columns and the center's mean
 * `mu`: the center's mean (2.5 on a bad visit), a per-response effect and a per-answer effect.
 * @param {string} mu @param {number} k
 */
function answerSql(mu, k) {
  const base = `(CASE WHEN ${u16('h_a', 2)} < ${UNHAPPY_SHARE} THEN 2.5 ELSE ${mu} END)`;
  const own = k < 2 ? tri('h_b', 2 * k, 2 * k + 1) : tri('h_c', 2 * (k - 2), 2 * (k - 2) + 1);
  return `least(10, greatest(0, round(${base} + 1.0 * ${tri('h_a', 0, 1)} + 0.9 * ${own})))::int`;
}
/** Whether the response has score answers. */
const scoredSql = `(${u16('h_a', 3)} >= ${UNSCORED_SHARE})`;

const since = (/** @type {number} */ t) => Math.round(performance.now() - t);

/**
 * Drops survey_response-like tables' indexes and constraints (PK, UNIQUE, FK, and FKs of other
 * tables referencing it); returns how to put them back.
 * @param {Client} db @param {string} table
 */
async function detach(db, table) {
  const { rows: cons } = await db.query(
    `SELECT conname, conrelid::regclass::text AS tbl, contype, pg_get_constraintdef(oid) AS def,
            conrelid <> $1::regclass AS foreign_table
     FROM pg_constraint
     WHERE (conrelid = $1::regclass AND contype IN ('p', 'u', 'f'))
        OR (confrelid = $1::regclass AND conrelid <> $1::regclass AND contype = 'f')`,
    [table],
  );
  const { rows: idx } = await db.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     WHERE i.indrelid = $1::regclass
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = $1::regclass)`,
    [table],
  );
  const q = (/** @type {string} */ n) => `"${n.replace(/"/g, '""')}"`;
  const order = (/** @type {any} */ c) => (c.foreign_table ? 0 : c.contype === 'f' ? 1 : 2);
  const sorted = [...cons].sort((a, b) => order(a) - order(b));
  for (const c of sorted) await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${q(c.conname)}`);
  for (const i of idx) await db.query(`DROP INDEX ${i.name}`);
  return {
    constraints: cons.length,
    indexes: idx.length,
    /** recreates indexes first, then PK/UNIQUE, then FKs (validated) */
    async restore(/** @type {Client} */ c2, /** @type {(m: string) => void} */ note = () => undefined) {
      for (const i of idx) {
        const t = performance.now();
        await c2.query(i.def);
        note(`${i.name} ${since(t)} ms`);
      }
      for (const c of [...sorted].reverse()) {
        const t = performance.now();
        await c2.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${q(c.conname)} ${c.def}`);
        note(`${c.conname} ${since(t)} ms`);
      }
    },
  };
}

/**
 * Adds the satisfaction data. `log` gets progress lines.
 * @param {string} url
 * @param {{ responses: number, workers: number, log: (m: string) => void }} o
 */
async function generateSatisfaction(url, o) {
  const N = Math.round(o.responses);
  /** @type {Record<string, number>} */
  const timings = {};
  /** @type {Record<string, string>} */
  const steps = {};
  const started = performance.now();
  const db = new Client({ connectionString: url, application_name: 'life-circle-bench-generate' });
  await db.connect();
  const session = async (/** @type {Client} */ c) => {
    await c.query(`SET synchronous_commit = off`);
    await c.query(`SET work_mem = '512MB'`);
    await c.query(`SET maintenance_work_mem = '1GB'`);
    await c.query(`SET max_parallel_maintenance_workers = 2`);
    await c.query(`SET TIME ZONE 'Asia/Shanghai'`);
    // compiling these wide expressions costs more than it saves on chunks of this size
    await c.query(`SET jit = off`);
  };
  await session(db);
  try {
    let t = performance.now();
    // ---------------------------------------------------------------- people, settings, surveys
    const { rows: admins } = await db.query(
      `INSERT INTO app_user (username, display_name, role, password_hash, scope_region_id, is_demo)
       SELECT 'bench-admin-' || code, name || '管理员', 'DISTRICT_ADMIN', NULL, id, false
       FROM region WHERE level = 'DISTRICT' ORDER BY id
       RETURNING id AS user_id, scope_region_id AS district_id`,
    );
    // settings differ a little between districts so thresholds and weights matter
    await db.query(
      `INSERT INTO district_setting (district_id, satisfied_threshold, compliance_target, satisfaction_weight)
       SELECT id,
              CASE WHEN rn % 4 = 3 THEN 9 ELSE 8 END,
              (ARRAY[0.8, 0.7, 0.75, 0.85])[(rn % 4 + 1)::int],
              (ARRAY[0.5, 0.6, 0.7])[(rn % 3 + 1)::int]
       FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM region WHERE level = 'DISTRICT') d
       ON CONFLICT (district_id) DO NOTHING`,
    );
    // one OPEN survey per center (what a response counts for comes from its survey: center,
    // street, district), ids contiguous
    const { rows: surveys } = await db.query(
      `INSERT INTO survey (title, description, scope_kind, center_id, district_id, street_id, status, anonymous,
                           opens_at, created_at, updated_at)
       SELECT name || '居民满意度调查', '基准测试生成的问卷（长期开放）', 'CENTER', id, district_id, street_id, 'OPEN', false,
              $1::date::timestamp AT TIME ZONE 'Asia/Shanghai', $1::date::timestamp AT TIME ZONE 'Asia/Shanghai',
              $1::date::timestamp AT TIME ZONE 'Asia/Shanghai'
       FROM center ORDER BY id
       RETURNING id`,
      [START_DAY],
    );
    const surveyIds = surveys.map((x) => x.id);
    const [firstSurvey, lastSurvey] = [Math.min(...surveyIds), Math.max(...surveyIds)];
    if (lastSurvey - firstSurvey + 1 !== surveyIds.length) throw new Error('survey ids are not contiguous');
    /** the generated surveys, as an SQL condition on a survey id column */
    const ours = (/** @type {string} */ col) => `${col} BETWEEN ${firstSurvey} AND ${lastSurvey}`;
    const questions = [
      ...SCORE_QUESTIONS.map(([dim, text], i) => ({ pos: i + 1, kind: 'SCORE', text, dim, required: false })),
      {
        pos: SCORE_QUESTIONS.length + 1,
        kind: 'TEXT',
        text: '您还有什么意见和建议？',
        dim: null,
        required: false,
      },
    ];
    await db.query(
      `INSERT INTO survey_question (survey_id, position, kind, text, required, dimension)
       SELECT s.id, q.pos, q.kind, q.text, q.required, q.dim
       FROM survey s CROSS JOIN jsonb_to_recordset($1::jsonb) AS q(pos int, kind text, text text, required boolean, dim text)
       WHERE ${ours('s.id')}
       ORDER BY s.id, q.pos`,
      [JSON.stringify(questions)],
    );
    // centers: mean score (mostly high, a few weak centers), offline share (5–25 %, ~15 % overall)
    // and how busy they are (hubs more)
    await db.query(`DROP TABLE IF EXISTS bench_center, bench_month, bench_alloc`);
    await db.query(
      `CREATE TABLE bench_center AS
       SELECT c.id AS center_id, c.street_id, c.district_id, s.id AS survey_id,
              9.6 - 3.1 * power(${u('c.id', 1)}, 1.7) AS mu,
              0.05 + 0.20 * ${u('c.id', 2)} AS offline,
              round(((0.25 + 1.5 * ${u('c.id', 3)}) * CASE c.kind WHEN 'HUB' THEN 2.5 ELSE 1 END)::numeric, 6) AS weight
       FROM center c JOIN survey s ON s.center_id = c.id AND ${ours('s.id')}`,
    );
    await db.query(`ALTER TABLE bench_center ADD PRIMARY KEY (center_id)`);
    // months: more responses as the surveys catch on, fewer in February (Spring Festival)
    await db.query(
      `CREATE TABLE bench_month AS
       SELECT i, first_day, ((first_day + interval '1 month')::date - first_day) AS days,
              round(((0.7 + 0.6 * i / ${MONTHS - 1}.0) * CASE WHEN extract(month FROM first_day) = 2 THEN 0.7 ELSE 1 END)::numeric, 6) AS v
       FROM (SELECT i, ($1::date + make_interval(months => i))::date AS first_day
             FROM generate_series(0, ${MONTHS - 1}) i) m`,
      [START_DAY],
    );
    // exactly N responses: each (month, center) gets the integer part of its share of the running
    // total (exact numeric arithmetic), so the ids 1..N are contiguous
    await db.query(
      `CREATE TABLE bench_alloc AS
       WITH w AS (SELECT m.i, m.first_day, m.days, c.center_id, c.weight * m.v AS w FROM bench_month m CROSS JOIN bench_center c),
            cum AS (SELECT *, sum(w) OVER (ORDER BY i, center_id) AS cw, sum(w) OVER () AS tw FROM w)
       SELECT i, first_day, days, center_id,
              floor(${N}::numeric * (cw - w) / tw)::bigint AS first_id,
              (floor(${N}::numeric * cw / tw) - floor(${N}::numeric * (cw - w) / tw))::int AS n
       FROM cum`,
    );
    await db.query(`CREATE INDEX ON bench_alloc (i)`);
    await db.query(`ANALYZE bench_center; ANALYZE bench_month; ANALYZE bench_alloc`);
    timings.setupMs = since(t);

    // ---------------------------------------------------------------- responses
    t = performance.now();
    const detached = await detach(db, 'survey_response');
    await db.query(`ALTER TABLE survey_response SET (autovacuum_enabled = false)`);
    timings.dropIndexesMs = since(t);

    // the seed may already hold a few responses (writeSeed's demo): the generated ids follow them
    const {
      rows: [{ base }],
    } = await db.query(`SELECT coalesce(max(id), 0)::bigint AS base FROM survey_response`);
    const id = `(${Number(base)} + a.first_id + g)::bigint`;
    const answers = SCORE_QUESTIONS.map((_, k) => answerSql('mu', k));
    // OFFSET 0 keeps the subquery's hashes computed once per row
    const insertMonth = `
      INSERT INTO survey_response (id, survey_id, center_id, street_id, district_id, resident_id, channel,
                                   entry_method, submitted_at, score)
      SELECT id, survey_id, center_id, street_id, district_id, NULL,
             CASE WHEN ${u16('h_t', 0)} < offline THEN 'OFFLINE' ELSE 'ONLINE' END,
             CASE WHEN ${u16('h_t', 0)} >= offline THEN 'APP' WHEN ${u16('h_t', 1)} < 0.6 THEN 'FORM' ELSE 'EXCEL' END,
             ((first_day + floor(${u16('h_t', 2)} * days)::int)
               + make_interval(secs => floor(21600 + ${u16('h_t', 3)} * 64800))) AT TIME ZONE 'Asia/Shanghai',
             CASE WHEN ${scoredSql} THEN ((${answers.join(' + ')})::numeric / ${answers.length}) END
      FROM (SELECT ${id} AS id, c.survey_id, c.center_id, c.street_id, c.district_id, c.offline, c.mu,
                   a.first_day, a.days, ${hashCols(id)}
            FROM bench_alloc a
            JOIN bench_center c ON c.center_id = a.center_id
            CROSS JOIN LATERAL generate_series(1, a.n) g
            WHERE a.i = $1 AND a.n > 0
            OFFSET 0) x`;
    const months = Array.from({ length: MONTHS }, (_, i) => i);
    const workers = Math.max(1, Math.min(o.workers, MONTHS));
    let inserted = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        const c = new Client({ connectionString: url, application_name: 'life-circle-bench-generate' });
        await c.connect();
        try {
          await session(c);
          while (next < months.length) {
            const i = months[next++];
            const r = await c.query(insertMonth, [i]);
            inserted += r.rowCount ?? 0;
            o.log(
              `  responses: month ${i + 1}/${MONTHS} +${(r.rowCount ?? 0).toLocaleString('en-US')} (${inserted.toLocaleString('en-US')} of ${N.toLocaleString('en-US')})`,
            );
          }
        } finally {
          await c.end();
        }
      }),
    );
    await db.query(
      `SELECT setval('survey_response_id_seq', greatest(1, (SELECT coalesce(max(id), 0) FROM survey_response)))`,
    );
    timings.insertResponsesMs = since(t) - timings.dropIndexesMs;
    if (inserted !== N) throw new Error(`inserted ${inserted} responses, expected ${N}`);

    t = performance.now();
    await detached.restore(db, (m) => (steps[m.split(' ')[0]] = m.split(' ').slice(1).join(' ')));
    timings.recreateIndexesMs = since(t);

    // ---------------------------------------------------------------- rollups
    // Rollup rows already there (writeSeed's demo responses) are set aside and added back at the
    // end; the generated responses' rows are built without indexes, one GROUP BY per table.
    const ROLLUPS = {
      satisfaction_month: {
        key: 'center_id, street_id, month, channel',
        add: `responses = t.responses + EXCLUDED.responses, score_sum = t.score_sum + EXCLUDED.score_sum,
              scored = t.scored + EXCLUDED.scored,
              buckets = (SELECT array_agg(x + y ORDER BY i) FROM unnest(t.buckets, EXCLUDED.buckets) WITH ORDINALITY AS u(x, y, i))`,
      },
      satisfaction_day: { key: 'center_id, street_id, day, channel', add: '' },
      dimension_month: {
        key: 'center_id, street_id, month, dimension',
        add: 'answers = t.answers + EXCLUDED.answers, score_sum = t.score_sum + EXCLUDED.score_sum',
      },
    };
    ROLLUPS.satisfaction_day.add = ROLLUPS.satisfaction_month.add;
    let prior = 0;
    /** @type {Record<string, Awaited<ReturnType<typeof detach>>>} */
    const rollupDetach = {};
    for (const table of Object.keys(ROLLUPS)) {
      await db.query(`DROP TABLE IF EXISTS bench_prior_${table}`);
      await db.query(`CREATE TABLE bench_prior_${table} AS SELECT * FROM ${table}`);
      prior += (await db.query(`DELETE FROM ${table}`)).rowCount ?? 0;
      rollupDetach[table] = await detach(db, table);
    }
    timings.priorRollupRows = prior;
    const bucketCols = Array.from({ length: 11 }, (_, k) => `count(*) FILTER (WHERE b = ${k})`).join(', ');
    const dimAnswers = SCORE_QUESTIONS.map((_, k) => answerSql('mu', k));
    /** @type {Record<string, string>} one INSERT … SELECT … GROUP BY per rollup */
    const build = {};
    for (const [table, col, expr] of /** @type {const} */ ([
      ['satisfaction_month', 'month', `date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')::date`],
      ['satisfaction_day', 'day', `(submitted_at AT TIME ZONE 'Asia/Shanghai')::date`],
    ])) {
      // buckets[k+1] counts scores in [k, k+1), 10 in the last (rollups.ts's bucketOf); a response
      // without a score is in no bucket (the CASE: least() ignores NULLs and would give 10)
      build[table] = `
        INSERT INTO ${table} (district_id, street_id, center_id, ${col}, channel, responses, score_sum, scored, buckets)
        SELECT district_id, street_id, center_id, d, channel, count(*), coalesce(sum(score), 0), count(score),
               ARRAY[${bucketCols}]::int[]
        FROM (SELECT district_id, coalesce(street_id, 0) AS street_id, coalesce(center_id, 0) AS center_id,
                     ${expr} AS d, channel, score, CASE WHEN score IS NOT NULL THEN least(10, floor(score::float8))::int END AS b
              FROM survey_response
              WHERE ${ours('survey_id')} AND submitted_at >= $1::timestamptz AND submitted_at < $2::timestamptz) r
        GROUP BY center_id, street_id, d, channel, district_id`;
    }
    // the answers are not stored: the same function of the response id gives them again
    build.dimension_month = `
      INSERT INTO dimension_month (district_id, street_id, center_id, month, dimension, answers, score_sum)
      SELECT x.district_id, x.street_id, x.center_id, x.month, d.dimension, x.n, d.s
      FROM (SELECT district_id, street_id, center_id, month,
                   count(*)::int AS n, ${dimAnswers.map((x, k) => `sum(${x}) AS s${k}`).join(', ')}
            FROM (SELECT r.district_id, coalesce(r.street_id, 0) AS street_id, coalesce(r.center_id, 0) AS center_id,
                         date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
                         c.mu, ${hashCols('r.id::bigint')}
                  FROM survey_response r JOIN bench_center c ON c.center_id = r.center_id
                  WHERE r.score IS NOT NULL AND ${ours('r.survey_id')}
                    AND r.submitted_at >= $1::timestamptz AND r.submitted_at < $2::timestamptz
                  OFFSET 0) r
            GROUP BY 1, 2, 3, 4) x
      CROSS JOIN LATERAL (VALUES ${SCORE_QUESTIONS.map(([dim], k) => `('${dim}', x.s${k})`).join(', ')}) AS d(dimension, s)`;
    // One statement per table and month (a response's Shanghai month decides every rollup row it
    // is in, so each month's rows are complete on their own): the hash tables stay small, and
    // `workers` connections share the jobs. A temporary BRIN index on submitted_at finds a month
    // (the load wrote the responses month by month).
    t = performance.now();
    await db.query(`CREATE INDEX bench_response_at_brin ON survey_response USING brin (submitted_at)`);
    await db.query(`ANALYZE survey_response`);
    const { rows: monthRows } = await db.query(
      `SELECT i, to_char(first_day, 'YYYY-MM-DD') AS first_day,
              to_char((first_day + interval '1 month')::date, 'YYYY-MM-DD') AS next_day
       FROM bench_month ORDER BY i`,
    );
    const at = (/** @type {string} */ day) => `${day}T00:00:00+08:00`;
    const jobs = monthRows.flatMap((m) => Object.keys(ROLLUPS).map((table) => ({ table, m })));
    /** @type {Record<string, number>} */
    const busy = {};
    let nextJob = 0;
    await Promise.all(
      Array.from({ length: Math.max(1, o.workers) }, async () => {
        const c = new Client({ connectionString: url, application_name: 'life-circle-bench-generate' });
        await c.connect();
        try {
          await session(c);
          while (nextJob < jobs.length) {
            const job = jobs[nextJob++];
            const t1 = performance.now();
            await c.query(build[job.table], [at(job.m.first_day), at(job.m.next_day)]);
            busy[job.table] = (busy[job.table] ?? 0) + since(t1);
            if (job.table === 'dimension_month')
              o.log(`  rollups: month ${job.m.i + 1}/${monthRows.length} done`);
          }
        } finally {
          await c.end();
        }
      }),
    );
    await db.query(`DROP INDEX bench_response_at_brin`);
    for (const table of Object.keys(ROLLUPS)) timings[`${table}BusyMs`] = busy[table] ?? 0;
    timings.rollupsMs = since(t);
    // indexes, then the rows set aside
    t = performance.now();
    await Promise.all(
      Object.keys(ROLLUPS).map(async (table) => {
        const c = new Client({ connectionString: url, application_name: 'life-circle-bench-generate' });
        await c.connect();
        try {
          await session(c);
          const t1 = performance.now();
          await rollupDetach[table].restore(c);
          timings[`${table}IndexesMs`] = since(t1);
          await c.query(
            `INSERT INTO ${table} AS t SELECT * FROM bench_prior_${table}
             ON CONFLICT (${ROLLUPS[table].key}) DO UPDATE SET ${ROLLUPS[table].add}`,
          );
          await c.query(`DROP TABLE bench_prior_${table}`);
        } finally {
          await c.end();
        }
      }),
    );
    timings.rollupIndexesMs = since(t);
    // the district, street and running rollups, derived from those by center as the API's migration does
    t = performance.now();
    await rebuildDerivedRollups(db);
    timings.derivedRollupsMs = since(t);

    // ---------------------------------------------------------------- evaluations
    t = performance.now();
    const dims = [
      'PARTY_LEADERSHIP',
      'SITE_RECOGNITION',
      'SERVICE_PROFESSIONALISM',
      'PROJECT_APPROACHABILITY',
      'GOVERNANCE_PARTICIPATION',
      'RESOURCE_INTEGRATION',
      'RESIDENT_PERCEPTION',
      'SOCIAL_VISIBILITY',
    ];
    // about two evaluations per center and year (BEFORE / DURING / AFTER), 0–10 per dimension with
    // one decimal; total = mean × 10 (the default weights)
    const ev = 'e.k';
    const dimScore = (/** @type {number} */ j) =>
      `round((least(10, greatest(0, c.mu - 0.3 + 1.2 * ${z(`${ev} * 16 + ${j}`, 50)})))::numeric, 1)`;
    const { rowCount: evaluations } = await db.query(
      `INSERT INTO evaluation (center_id, street_id, district_id, evaluator_name, evaluator_kind, phase,
                               evaluated_on, scores, total, findings)
       SELECT center_id, street_id, district_id, evaluator, kind, phase, day, scores,
              round((SELECT avg(v::numeric) FROM jsonb_each_text(scores) AS t(k, v)) * 10, 2), NULL
       FROM (
         SELECT c.center_id, c.street_id, c.district_id,
                '评估员' || (1 + (${ev} % 40)) AS evaluator,
                CASE WHEN ${u(ev, 51)} < 0.3 THEN 'EXPERIENCE_OFFICER' ELSE 'EXPERT' END AS kind,
                (ARRAY['BEFORE', 'DURING', 'AFTER'])[1 + e.j % 3] AS phase,
                ($1::date + floor((e.j + ${u(ev, 52)}) * 182.5)::int) AS day,
                jsonb_build_object(${dims.map((d, j) => `'${d}', ${dimScore(j)}`).join(', ')}) AS scores
         FROM bench_center c
         CROSS JOIN LATERAL (SELECT c.center_id::bigint * 8 + j AS k, j FROM generate_series(0, 3) j) e
         WHERE ${u(ev, 53)} < 0.9
       ) x`,
      [START_DAY],
    );
    timings.evaluationsMs = since(t);

    // ---------------------------------------------------------------- statistics
    t = performance.now();
    await db.query(`ALTER TABLE survey_response RESET (autovacuum_enabled)`);
    for (const table of [
      'survey_response',
      'satisfaction_month',
      'satisfaction_day',
      'dimension_month',
      'satisfaction_region_month',
      'dimension_region_month',
      'satisfaction_center_running',
      'evaluation',
      'survey',
      'survey_question',
      'app_user',
      'district_setting',
    ]) {
      await db.query(`VACUUM (ANALYZE) ${table}`);
    }
    timings.vacuumAnalyzeMs = since(t);
    timings.totalMs = since(started);

    const { rows: sizes } = await db.query(
      `SELECT relname AS table, n_live_tup::bigint AS rows,
              pg_relation_size(relid) AS heap_bytes, pg_indexes_size(relid) AS index_bytes,
              pg_total_relation_size(relid) AS total_bytes
       FROM pg_stat_user_tables
       WHERE relname IN ('survey_response', 'satisfaction_month', 'satisfaction_day', 'dimension_month',
                         'satisfaction_region_month', 'dimension_region_month', 'satisfaction_center_running',
                         'evaluation')
       ORDER BY pg_total_relation_size(relid) DESC`,
    );
    const { rows: counts } = await db.query(
      `SELECT (SELECT count(*) FROM survey_response)::bigint AS responses,
              (SELECT count(*) FROM survey_response WHERE channel = 'ONLINE')::bigint AS online,
              (SELECT count(*) FROM survey_response WHERE score IS NULL)::bigint AS unscored,
              (SELECT avg(score)::float8 FROM survey_response) AS mean_score,
              (SELECT count(*) FROM satisfaction_month)::bigint AS month_rows,
              (SELECT count(*) FROM satisfaction_day)::bigint AS day_rows,
              (SELECT count(*) FROM dimension_month)::bigint AS dimension_rows,
              (SELECT count(DISTINCT center_id) FROM satisfaction_month)::int AS centers_with_responses,
              (SELECT count(*) FROM center)::int AS centers,
              (SELECT count(*) FROM survey_answer)::bigint AS answers,
              pg_database_size(current_database()) AS database_bytes`,
    );
    const c = counts[0];
    return {
      startDay: START_DAY,
      endDay: END_DAY,
      months: MONTHS,
      generated: N,
      responses: Number(c.responses),
      onlineShare: Number(c.online) / Math.max(1, Number(c.responses)),
      unscored: Number(c.unscored),
      meanScore: c.mean_score,
      rollupRows: {
        satisfaction_month: Number(c.month_rows),
        satisfaction_day: Number(c.day_rows),
        dimension_month: Number(c.dimension_rows),
      },
      centers: c.centers,
      centersWithResponses: c.centers_with_responses,
      surveyAnswers: Number(c.answers),
      evaluations: evaluations ?? 0,
      admins: admins.map((a) => ({ userId: a.user_id, districtId: a.district_id })),
      sizes: sizes.map((s) => ({
        table: s.table,
        rows: Number(s.rows),
        heapBytes: Number(s.heap_bytes),
        indexBytes: Number(s.index_bytes),
        totalBytes: Number(s.total_bytes),
      })),
      databaseBytes: Number(c.database_bytes),
      droppedForLoad: { constraints: detached.constraints, indexes: detached.indexes },
      indexSteps: steps,
      timings,
      responsesPerSecond: N / (timings.insertResponsesMs / 1000),
    };
  } finally {
    await db.end();
  }
}

module.exports = { generateSatisfaction, START_DAY, END_DAY, MONTHS, SCORE_QUESTIONS };
