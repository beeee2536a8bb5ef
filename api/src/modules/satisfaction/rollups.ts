// Satisfaction rollups (satisfaction_month, satisfaction_day, dimension_month), kept current in the
// transaction that stores a response: a new response is in the figures as soon as it commits.
// Figures read whole months from satisfaction_month and the days at a period's edges from
// satisfaction_day; the per-dimension figures are monthly. center_id 0 stands for "no center"
// (a survey of a region), street_id 0 for "no street" (a survey of a whole district).
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

const mergeBuckets = (table: string) =>
  `(SELECT array_agg(a + b ORDER BY i) FROM unnest(${table}.buckets, EXCLUDED.buckets) WITH ORDINALITY AS t(a, b, i))`;

/** Adds one response to every rollup, in one statement. Dates are Shanghai calendar dates. */
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
  const upsert = (table: string, col: string, trunc: string) =>
    `INSERT INTO ${table} (district_id, street_id, center_id, ${col}, channel, responses, score_sum, scored, buckets)
     VALUES ($1, $2, $3, date_trunc('${trunc}', $4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, $5, 1, $6, $7, $8::int[])
     ON CONFLICT (center_id, street_id, ${col}, channel) DO UPDATE SET
       responses = ${table}.responses + 1,
       score_sum = ${table}.score_sum + EXCLUDED.score_sum,
       scored = ${table}.scored + EXCLUDED.scored,
       buckets = ${mergeBuckets(table)}`;
  // data-modifying CTEs: all three rollups change in one round trip (different tables, so no
  // statement sees another's change)
  await em.query(
    `WITH m AS (${upsert('satisfaction_month', 'month', 'month')} RETURNING 1),
          d AS (${upsert('satisfaction_day', 'day', 'day')} RETURNING 1),
          x AS (
            INSERT INTO dimension_month (district_id, street_id, center_id, month, dimension, answers, score_sum)
            SELECT $1, $2, $3, date_trunc('month', $4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date, dn, n, s
            FROM unnest($9::text[], $10::int[], $11::numeric[]) AS u(dn, n, s)
            ON CONFLICT (center_id, street_id, month, dimension) DO UPDATE SET
              answers = dimension_month.answers + EXCLUDED.answers,
              score_sum = dimension_month.score_sum + EXCLUDED.score_sum
            RETURNING 1)
     SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM d) + (SELECT count(*) FROM x) AS n`,
    [
      r.districtId,
      r.streetId ?? 0,
      r.centerId ?? 0,
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
