// Satisfaction rollups, kept by the rollup worker (rollup-queue.ts) from the responses the surveys
// module queues in the transaction that stores them: a response is in the figures within seconds of
// its commit, and responses no longer queue on the district's and street's rows. By center: satisfaction_month, satisfaction_day and
// dimension_month; derived from those: each district's and street's own rows
// (satisfaction_region_month, dimension_region_month) and each center's running totals
// (satisfaction_center_running). The per-dimension figures are monthly. center_id 0 stands for
// "no center" (a survey of a region), street_id 0 for "no street" (a survey of a whole district).
/** Index (0-based) of a score's bucket: [k, k+1) → k, and 10 → 10. */
export function bucketOf(score: number): number {
  return Math.min(10, Math.max(0, Math.floor(score)));
}

/** The score as survey_response keeps it (numeric(4,2): rounded half away from zero to two
 * decimals of its decimal text), so the rollups and the raw responses agree to the cent. */
export function storedScore(score: number | null): number | null {
  if (score === null) return null;
  // toPrecision drops binary noise: 7.025 * 100 = 702.4999… in binary, 702.5 as PostgreSQL reads "7.025"
  return Math.round(Number((score * 100).toPrecision(12))) / 100;
}

/** Key of the advisory lock that serialises the running-total writes of one center. */
const RUNNING_LOCK = 5050;

/** `t.buckets` plus `other` (int[11] each). */
const mergeBuckets = (t: string, other: string) =>
  `(SELECT array_agg(a + b ORDER BY i) FROM unnest(${t}.buckets, ${other}) WITH ORDINALITY AS u(a, b, i))`;

/** The columns an upsert adds to a rollup row. */
const addSums = (t: string) => `responses = ${t}.responses + EXCLUDED.responses,
       score_sum = ${t}.score_sum + EXCLUDED.score_sum, scored = ${t}.scored + EXCLUDED.scored,
       buckets = ${mergeBuckets(t, 'EXCLUDED.buckets')}`;

/** count, score sum, scored count and the 11-bucket histogram of a group of responses (column `score`:
 * the stored numeric(4,2) score; bucket k holds [k, k+1), 10 holds 10; count(score), as least()
 * ignores a null). */
const responseSums = (as: (name: string) => string = () => '') =>
  `count(*)::int${as('responses')}, coalesce(sum(score), 0)${as('score_sum')}, count(score)::int${as('scored')},
  ARRAY[${Array.from({ length: 11 }, (_, k) => `count(score) FILTER (WHERE least(10, floor(score)) = ${k})`).join(', ')}]::int[]${as('buckets')}`;
const RESPONSE_SUMS = responseSums();

/** The batch's responses ($1: ids) where they count: center 0 = a survey of a region, street 0 = of a
 * whole district; `local` is the Shanghai wall-clock time that decides the day and the month. */
const BATCH = `SELECT id, district_id, coalesce(street_id, 0) AS street_id, coalesce(center_id, 0) AS center_id,
    channel, score, submitted_at AT TIME ZONE 'Asia/Shanghai' AS local
  FROM survey_response WHERE id = ANY($1::int[])`;

/**
 * Adds a batch of stored responses (by id) to every rollup, set-wise, inside the caller's
 * transaction: satisfaction_month, satisfaction_day and dimension_month by center; the district's
 * and street's own rows (satisfaction_region_month, dimension_region_month); each center's running
 * totals (satisfaction_center_running). Each response must be added exactly once: the rollup queue
 * (rollup-queue.ts) hands every response id out once, in the transaction that deletes it from the
 * queue. Rows are written in key order, and each center's running rows under a transaction lock
 * taken in center order, so two workers at once neither deadlock nor interleave a center's totals.
 */
export async function rollUpResponses(q: Queryable, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  const month = `date_trunc('month', local)::date`;
  const upsertByCenter = (table: string, col: string, trunc: string) =>
    `INSERT INTO ${table} AS t (district_id, street_id, center_id, ${col}, channel, responses, score_sum, scored, buckets)
     SELECT district_id, street_id, center_id, date_trunc('${trunc}', local)::date, channel, ${RESPONSE_SUMS}
     FROM r GROUP BY center_id, street_id, district_id, 4, channel ORDER BY center_id, street_id, 4, channel
     ON CONFLICT (center_id, street_id, ${col}, channel) DO UPDATE SET ${addSums('t')}`;
  const dims = `FROM survey_answer a JOIN r ON r.id = a.response_id JOIN survey_question qn ON qn.id = a.question_id
     WHERE qn.dimension IS NOT NULL AND a.score IS NOT NULL`;
  const regions = `CROSS JOIN LATERAL unnest(array_remove(ARRAY[r.district_id, r.street_id], 0)) AS g(region_id)`;
  await q.query(
    `WITH r AS (${BATCH}),
          m AS (${upsertByCenter('satisfaction_month', 'month', 'month')} RETURNING 1),
          d AS (${upsertByCenter('satisfaction_day', 'day', 'day')} RETURNING 1),
          x AS (
            INSERT INTO dimension_month AS t (district_id, street_id, center_id, month, dimension, answers, score_sum)
            SELECT r.district_id, r.street_id, r.center_id, ${month}, qn.dimension, count(*), sum(a.score)
            ${dims}
            GROUP BY r.center_id, r.street_id, r.district_id, 4, qn.dimension ORDER BY r.center_id, r.street_id, 4, qn.dimension
            ON CONFLICT (center_id, street_id, month, dimension) DO UPDATE SET
              answers = t.answers + EXCLUDED.answers, score_sum = t.score_sum + EXCLUDED.score_sum
            RETURNING 1),
          rm AS (
            INSERT INTO satisfaction_region_month AS t (region_id, district_id, month, channel, responses, score_sum, scored, buckets)
            SELECT g.region_id, r.district_id, ${month}, r.channel, ${RESPONSE_SUMS}
            FROM r ${regions}
            GROUP BY g.region_id, r.district_id, 3, r.channel ORDER BY g.region_id, 3, r.channel
            ON CONFLICT (region_id, month, channel) DO UPDATE SET ${addSums('t')}
            RETURNING 1),
          rx AS (
            INSERT INTO dimension_region_month AS t (region_id, month, dimension, answers, score_sum)
            SELECT g.region_id, ${month}, qn.dimension, count(*), sum(a.score)
            ${dims.replace('WHERE', `${regions} WHERE`)}
            GROUP BY g.region_id, 2, qn.dimension ORDER BY g.region_id, 2, qn.dimension
            ON CONFLICT (region_id, month, dimension) DO UPDATE SET
              answers = t.answers + EXCLUDED.answers, score_sum = t.score_sum + EXCLUDED.score_sum
            RETURNING 1)
     SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM d) + (SELECT count(*) FROM x)
          + (SELECT count(*) FROM rm) + (SELECT count(*) FROM rx) AS n`,
    [ids],
  );
  // running totals: the batch's centers locked in order; a month new to a center starts from its
  // latest earlier row (as it was before this batch), then every row from a batch month on takes the
  // batch's responses of that month and before
  const byCenterMonth = `SELECT center_id, ${month} AS month, min(district_id) AS district_id,
      min(street_id) AS street_id, ${responseSums((name) => ` AS ${name}`)}
    FROM (${BATCH}) r WHERE center_id <> 0 GROUP BY center_id, 2`;
  await q.query(
    `SELECT pg_advisory_xact_lock(${RUNNING_LOCK}, c.center_id) FROM (
       SELECT DISTINCT center_id FROM survey_response WHERE id = ANY($1::int[]) AND center_id IS NOT NULL
       ORDER BY center_id) c`,
    [ids],
  );
  await q.query(
    `WITH g AS MATERIALIZED (${byCenterMonth})
     INSERT INTO satisfaction_center_running AS t
       (center_id, month, district_id, street_id, responses, score_sum, scored, buckets)
     SELECT g.center_id, g.month, g.district_id, g.street_id, coalesce(p.responses, 0),
            coalesce(p.score_sum, 0), coalesce(p.scored, 0), coalesce(p.buckets, array_fill(0, ARRAY[11]))
     FROM g
     LEFT JOIN LATERAL (
       SELECT * FROM satisfaction_center_running e WHERE e.center_id = g.center_id AND e.month < g.month
       ORDER BY e.month DESC LIMIT 1) p ON true
     ORDER BY g.center_id, g.month
     ON CONFLICT (center_id, month) DO NOTHING`,
    [ids],
  );
  await q.query(
    `WITH g AS MATERIALIZED (${byCenterMonth})
     UPDATE satisfaction_center_running t SET responses = t.responses + s.responses,
       score_sum = t.score_sum + s.score_sum, scored = t.scored + s.scored, buckets = ${mergeBuckets('t', 's.buckets')}
     FROM (
       SELECT e.center_id, e.month, sum(g.responses)::int AS responses, sum(g.score_sum) AS score_sum,
              sum(g.scored)::int AS scored, ${bucketSums((k) => `sum(g.buckets[${k}])`)} AS buckets
       FROM g JOIN satisfaction_center_running e ON e.center_id = g.center_id AND e.month >= g.month
       GROUP BY e.center_id, e.month) s
     WHERE t.center_id = s.center_id AND t.month = s.month`,
    [ids],
  );
}

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** A histogram of 11 buckets built from an expression per bucket (1-based, as SQL arrays are). */
export const bucketSums = (expr: (k: number) => string) =>
  `ARRAY[${Array.from({ length: 11 }, (_, i) => expr(i + 1)).join(', ')}]::int[]`;

/** Responses at or above an integer threshold, from a histogram column: buckets threshold+1..11. */
export function satisfiedSql(buckets: string, threshold: number): string {
  const from = Math.min(10, Math.max(0, Math.trunc(threshold))) + 1;
  return Array.from({ length: 12 - from }, (_, i) => `${buckets}[${from + i}]`).join(' + ');
}

/** Rebuilds the three derived rollups from satisfaction_month and dimension_month (the rollups the
 * response writer keeps by center): after this migration's backfill, and after bulk loads (demo
 * seed, benchmark) that fill the center-level rollups set-wise. */
export async function rebuildDerivedRollups(q: { query(sql: string, params?: unknown[]): Promise<unknown> }) {
  await q.query(`TRUNCATE satisfaction_region_month, dimension_region_month, satisfaction_center_running`);
  const sums = `sum(responses), sum(score_sum), sum(scored), ${bucketSums((k) => `sum(buckets[${k}])`)}`;
  await q.query(`
    INSERT INTO satisfaction_region_month (region_id, district_id, month, channel, responses, score_sum, scored, buckets)
    SELECT district_id, district_id, month, channel, ${sums}
    FROM satisfaction_month GROUP BY district_id, month, channel
    UNION ALL
    SELECT street_id, district_id, month, channel, ${sums}
    FROM satisfaction_month WHERE street_id <> 0 GROUP BY street_id, district_id, month, channel`);
  await q.query(`
    INSERT INTO dimension_region_month (region_id, month, dimension, answers, score_sum)
    SELECT district_id, month, dimension, sum(answers), sum(score_sum)
    FROM dimension_month GROUP BY district_id, month, dimension
    UNION ALL
    SELECT street_id, month, dimension, sum(answers), sum(score_sum)
    FROM dimension_month WHERE street_id <> 0 GROUP BY street_id, month, dimension`);
  await q.query(`
    INSERT INTO satisfaction_center_running (center_id, month, district_id, street_id, responses, score_sum, scored, buckets)
    SELECT center_id, month, district_id, street_id,
           sum(responses) OVER w, sum(score_sum) OVER w, sum(scored) OVER w,
           ${bucketSums((k) => `sum(b${k}) OVER w`)}
    FROM (SELECT center_id, month, min(district_id) AS district_id, min(street_id) AS street_id,
                 sum(responses) AS responses, sum(score_sum) AS score_sum, sum(scored) AS scored,
                 ${Array.from({ length: 11 }, (_, i) => `sum(buckets[${i + 1}]) AS b${i + 1}`).join(', ')}
          FROM satisfaction_month WHERE center_id <> 0 GROUP BY center_id, month) m
    WINDOW w AS (PARTITION BY center_id ORDER BY month)`);
}
