// Satisfaction rollups, kept current in the transaction that stores a response: a new response is
// in the figures as soon as it commits. By center: satisfaction_month, satisfaction_day and
// dimension_month; derived from those: each district's and street's own rows
// (satisfaction_region_month, dimension_region_month) and each center's running totals
// (satisfaction_center_running). The per-dimension figures are monthly. center_id 0 stands for
// "no center" (a survey of a region), street_id 0 for "no street" (a survey of a whole district).
import type { EntityManager } from 'typeorm';
import type { Dimension, ResponseChannel } from '@lc/domain';

export interface RolledResponse {
  districtId: number;
  streetId: number | null;
  centerId: number | null;
  channel: ResponseChannel;
  submittedAt: Date;
  /** average of the response's score answers, 0–10; null when it has none */
  score: number | null;
  /** score answers of questions that count toward a dimension */
  dimensionScores: { dimension: Dimension; score: number }[];
}

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

/** The response's buckets ($8) added to a row's. */
const mergeBuckets = (table: string) =>
  `(SELECT array_agg(a + b ORDER BY i) FROM unnest(${table}.buckets, $8::int[]) WITH ORDINALITY AS z(a, b, i))`;

/** Key of the advisory lock that serialises the running-total writes of one center. */
const RUNNING_LOCK = 5050;

/** Adds one response to every rollup. Dates are Shanghai calendar dates. A center's running totals
 * are written under a per-center transaction lock: a new month's row starts from the latest earlier
 * row, and rows of later months (a response dated in the past) take the response too. */
export async function addToRollups(em: EntityManager, r: RolledResponse): Promise<void> {
  const score = storedScore(r.score);
  const buckets = Array<number>(11).fill(0);
  if (score !== null) buckets[bucketOf(score)] = 1;
  // several questions may count toward one dimension: add them up first
  const byDim = new Map<Dimension, { n: number; sum: number }>();
  for (const d of r.dimensionScores) {
    const e = byDim.get(d.dimension) ?? { n: 0, sum: 0 };
    e.n += 1;
    e.sum += d.score;
    byDim.set(d.dimension, e);
  }
  const centerId = r.centerId ?? 0;
  if (centerId) await em.query(`SELECT pg_advisory_xact_lock(${RUNNING_LOCK}, $1)`, [centerId]);

  const month = `date_trunc('month', $4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;
  const add = (table: string) => `responses = ${table}.responses + 1,
       score_sum = ${table}.score_sum + $6, scored = ${table}.scored + $7, buckets = ${mergeBuckets(table)}`;
  const upsert = (table: string, col: string, trunc: string) =>
    `INSERT INTO ${table} (district_id, street_id, center_id, ${col}, channel, responses, score_sum, scored, buckets)
     VALUES ($1, $2, $3, date_trunc('${trunc}', $4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $5, 1, $6, $7, $8::int[])
     ON CONFLICT (center_id, street_id, ${col}, channel) DO UPDATE SET ${add(table)}`;
  // the district's and the street's own rows; the response's dimension answers
  const regions = `unnest(array_remove(ARRAY[$1::int, $2::int], 0)) AS g(region_id)`;
  const dims = `unnest($9::text[], $10::int[], $11::numeric[]) AS u(dn, n, s)`;
  // data-modifying CTEs: every rollup changes in one round trip (no two of them touch one row)
  await em.query(
    `WITH m AS (${upsert('satisfaction_month', 'month', 'month')} RETURNING 1),
          d AS (${upsert('satisfaction_day', 'day', 'day')} RETURNING 1),
          x AS (
            INSERT INTO dimension_month (district_id, street_id, center_id, month, dimension, answers, score_sum)
            SELECT $1, $2, $3, ${month}, dn, n, s
            FROM ${dims}
            ON CONFLICT (center_id, street_id, month, dimension) DO UPDATE SET
              answers = dimension_month.answers + EXCLUDED.answers,
              score_sum = dimension_month.score_sum + EXCLUDED.score_sum
            RETURNING 1),
          rm AS (
            INSERT INTO satisfaction_region_month AS t (region_id, district_id, month, channel, responses, score_sum, scored, buckets)
            SELECT g.region_id, $1, ${month}, $5, 1, $6, $7, $8::int[] FROM ${regions}
            ON CONFLICT (region_id, month, channel) DO UPDATE SET ${add('t')}
            RETURNING 1),
          rx AS (
            INSERT INTO dimension_region_month AS t (region_id, month, dimension, answers, score_sum)
            SELECT g.region_id, ${month}, u.dn, u.n, u.s
            FROM ${regions} CROSS JOIN ${dims}
            ON CONFLICT (region_id, month, dimension) DO UPDATE SET
              answers = t.answers + EXCLUDED.answers, score_sum = t.score_sum + EXCLUDED.score_sum
            RETURNING 1),
          -- this month's running row: the latest earlier one (or nothing) plus this response
          cr AS (
            INSERT INTO satisfaction_center_running AS t
              (center_id, month, district_id, street_id, responses, score_sum, scored, buckets)
            SELECT $3, ${month}, $1, $2, coalesce(p.responses, 0) + 1, coalesce(p.score_sum, 0) + $6,
                   coalesce(p.scored, 0) + $7,
                   (SELECT array_agg(coalesce(a, 0) + b ORDER BY i)
                    FROM unnest(p.buckets, $8::int[]) WITH ORDINALITY AS u(a, b, i))
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (
              SELECT * FROM satisfaction_center_running e WHERE e.center_id = $3 AND e.month < ${month}
              ORDER BY e.month DESC LIMIT 1) p ON true
            WHERE $3 <> 0
            ON CONFLICT (center_id, month) DO UPDATE SET ${add('t')}
            RETURNING 1),
          -- and every later month's
          cl AS (
            UPDATE satisfaction_center_running t SET ${add('t')}
            WHERE $3 <> 0 AND t.center_id = $3 AND t.month > ${month}
            RETURNING 1)
     SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM d) + (SELECT count(*) FROM x)
          + (SELECT count(*) FROM rm) + (SELECT count(*) FROM rx) + (SELECT count(*) FROM cr)
          + (SELECT count(*) FROM cl) AS n`,
    [
      r.districtId,
      r.streetId ?? 0,
      centerId,
      r.submittedAt,
      r.channel,
      score ?? 0,
      score === null ? 0 : 1,
      buckets,
      [...byDim.keys()],
      [...byDim.values()].map((v) => v.n),
      [...byDim.values()].map((v) => v.sum),
    ],
  );
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
