// Figures of the eight-dimension evaluations over a period (evaluated_on in [from, to)), each one
// statement for any number of centers: totals by center for the ranking, dimension scores of a
// street's centers for the radar, findings by training track.
import type { DataSource, EntityManager } from 'typeorm';
import type { Dimension, TrainingTrack } from '@lc/domain';
import type { Period } from '../satisfaction/period';

/** Mean of the totals (0–100) of each center's evaluations in each period, every phase alike (a
 * later phase does not replace an earlier one), and how many there were; a map per period. */
export async function evaluationTotals(
  db: DataSource | EntityManager,
  districtId: number,
  periods: readonly Period[],
): Promise<Map<number, { mean: number; count: number }>[]> {
  const out = periods.map(() => new Map<number, { mean: number; count: number }>());
  if (!periods.length) return out;
  // one statement for all the periods: each row of evaluation counts in every period it lies in
  const rows: { i: number; center_id: number; mean: number; n: number }[] = await db.query(
    `SELECT p.i, e.center_id, avg(e.total)::float8 AS mean, count(*)::int AS n
     FROM unnest($2::date[], $3::date[]) WITH ORDINALITY AS p(from_day, to_day, i)
     JOIN evaluation e ON e.district_id = $1 AND e.evaluated_on >= p.from_day AND e.evaluated_on < p.to_day
     GROUP BY p.i, e.center_id`,
    [districtId, periods.map((p) => p.from), periods.map((p) => p.to)],
  );
  for (const r of rows) out[Number(r.i) - 1].set(r.center_id, { mean: r.mean, count: r.n });
  return out;
}

/** Mean score (0–10) by center and dimension of the evaluations of a street's centers. */
export async function streetDimensionScores(
  db: DataSource | EntityManager,
  streetId: number,
  period: Period,
): Promise<Map<number, Map<Dimension, number>>> {
  const rows: { center_id: number; dimension: Dimension; mean: number }[] = await db.query(
    `SELECT e.center_id, s.key AS dimension, avg(s.value::numeric)::float8 AS mean
     FROM evaluation e CROSS JOIN LATERAL jsonb_each_text(e.scores) s
     WHERE e.street_id = $1 AND e.evaluated_on >= $2::date AND e.evaluated_on < $3::date
     GROUP BY e.center_id, s.key`,
    [streetId, period.from, period.to],
  );
  const out = new Map<number, Map<Dimension, number>>();
  for (const r of rows)
    (out.get(r.center_id) ?? out.set(r.center_id, new Map()).get(r.center_id)!).set(r.dimension, r.mean);
  return out;
}

/** Findings by training track in the evaluations of a district: how many, and at which centers. */
export async function findingsByTrack(
  db: DataSource | EntityManager,
  districtId: number,
  period: Period,
): Promise<Map<TrainingTrack, { findings: number; centerIds: number[] }>> {
  const rows: { track: TrainingTrack; n: number; centers: number[] }[] = await db.query(
    `SELECT f.track, count(*)::int AS n, array_agg(DISTINCT e.center_id) AS centers
     FROM evaluation_finding f JOIN evaluation e ON e.id = f.evaluation_id
     WHERE e.district_id = $1 AND e.evaluated_on >= $2::date AND e.evaluated_on < $3::date
     GROUP BY f.track`,
    [districtId, period.from, period.to],
  );
  return new Map(rows.map((r) => [r.track, { findings: r.n, centerIds: r.centers }]));
}
