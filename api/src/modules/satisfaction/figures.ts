// Satisfaction figures from the rollups (rollups.ts), never the raw responses: a district's or
// street's whole months from its own rows, a set of centers' from satisfaction_month, each center
// of a district from its running totals, and the days at a period's edges from satisfaction_day.
// `rawSatisfaction` computes the same summary straight from survey_response; tests and the
// benchmark compare the two.
//
// averageScore = Σ score / number of responses with a score (0–10)
// satisfiedRate = responses scoring ≥ the district's satisfied threshold / responses with a score
// Both are null when no response has a score. `responses` also counts responses without a score.
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_SATISFIED_THRESHOLD } from '@lc/domain';
import { shanghaiDate, startOfShanghaiDay, splitPeriod, type Period } from './period';
import { bucketSums, satisfiedSql } from './rollups';

/** Additive figures of a set of responses; `satisfied` is counted with each response's district's
 * threshold, so tallies of several districts add up. */
export interface Tally {
  responses: number;
  scoreSum: number;
  scored: number;
  satisfied: number;
}

export interface Summary {
  responses: number;
  averageScore: number | null;
  satisfiedRate: number | null;
}

export const emptyTally = (): Tally => ({ responses: 0, scoreSum: 0, scored: 0, satisfied: 0 });

export function addTally(into: Tally, t: Tally): Tally {
  into.responses += t.responses;
  into.scoreSum += t.scoreSum;
  into.scored += t.scored;
  into.satisfied += t.satisfied;
  return into;
}

export function subtractTally(from: Tally, t: Tally): Tally {
  from.responses -= t.responses;
  from.scoreSum -= t.scoreSum;
  from.scored -= t.scored;
  from.satisfied -= t.satisfied;
  return from;
}

export function summarize(t: Tally | undefined): Summary {
  if (!t || t.scored === 0) return { responses: t?.responses ?? 0, averageScore: null, satisfiedRate: null };
  return {
    responses: t.responses,
    averageScore: t.scoreSum / t.scored,
    satisfiedRate: t.satisfied / t.scored,
  };
}

/** Which rollup rows count: a region's own (district_id or street_id: the ids are regions of that
 * level, read from satisfaction_region_month) or those of a set of centers (center_id, read from
 * satisfaction_month). center_id 0 in a rollup stands for "no center", street_id 0 for "no street".
 * The days at a period's edges always come from satisfaction_day. */
export interface RollupWhere {
  column: 'district_id' | 'street_id' | 'center_id';
  ids: readonly number[];
}

/** Builds a parameter list while writing SQL. */
export class Params {
  readonly list: unknown[] = [];
  add(value: unknown): string {
    this.list.push(value);
    return `$${this.list.length}`;
  }
}

const TALLY_COLS = 'responses, score_sum, scored, buckets';

/** The rollup rows of a period, as one SQL source with the columns unit_id (the region or center
 * the row belongs to, one of `where.ids`), district_id, m (the month), channel, responses,
 * score_sum, scored, buckets. */
export function rollupSource(p: Params, where: RollupWhere, period: Period): string {
  const split = splitPeriod(period);
  const ids = p.add(where.ids);
  const parts: string[] = [];
  if (split.months) {
    const range = `month >= ${p.add(split.months.from)}::date AND month < ${p.add(split.months.to)}::date`;
    parts.push(
      where.column === 'center_id'
        ? `SELECT center_id AS unit_id, district_id, month AS m, channel, ${TALLY_COLS} FROM satisfaction_month
           WHERE center_id = ANY(${ids}::int[]) AND ${range}`
        : `SELECT region_id AS unit_id, district_id, month AS m, channel, ${TALLY_COLS} FROM satisfaction_region_month
           WHERE region_id = ANY(${ids}::int[]) AND ${range}`,
    );
  }
  if (split.days.length) {
    const ranges = split.days
      .map((d) => `(day >= ${p.add(d.from)}::date AND day < ${p.add(d.to)}::date)`)
      .join(' OR ');
    parts.push(
      `SELECT ${where.column} AS unit_id, district_id, date_trunc('month', day)::date AS m, channel, ${TALLY_COLS}
       FROM satisfaction_day WHERE ${where.column} = ANY(${ids}::int[]) AND (${ranges})`,
    );
  }
  return parts.join(' UNION ALL ');
}

/** Keys a figure can be broken down by: the month, the channel, the unit (region or center). */
export type GroupKey = 'm' | 'channel' | 'unit_id';
const GROUP_KEYS: readonly GroupKey[] = ['m', 'channel', 'unit_id'];

interface TallyRow {
  g: number;
  district_id: number;
  m: string | null;
  channel: string | null;
  unit_id: number | null;
  responses: number;
  score_sum: number;
  scored: number;
  buckets: number[];
}

/** Thresholds by district id (the district's satisfied threshold, an integer 0–10). */
export type ThresholdOf = (districtId: number) => number;

const summedBuckets = bucketSums((k) => `sum(buckets[${k}])`);

/** Figures of a period broken down several ways in one statement (GROUPING SETS): for each set of
 * keys, a map from the keys' values (joined by '|'; '' for the total) to a tally. Each set is also
 * grouped by district, so each district's threshold applies to its own responses. */
export async function groupedTallies(
  db: DataSource | EntityManager,
  where: RollupWhere,
  period: Period,
  sets: readonly (readonly GroupKey[])[],
  thresholdOf: ThresholdOf,
): Promise<Map<string, Tally>[]> {
  if (!where.ids.length) return sets.map(() => new Map());
  const p = new Params();
  const source = rollupSource(p, where, period);
  const used = GROUP_KEYS.filter((k) => sets.some((s) => s.includes(k)));
  const grouping = sets.map((s) => `(${['district_id', ...s].join(', ')})`).join(', ');
  const keyCols = GROUP_KEYS.map((k) =>
    used.includes(k) ? (k === 'm' ? 'm::text AS m' : k) : `NULL AS ${k}`,
  ).join(', ');
  const rows: TallyRow[] = await db.query(
    `SELECT ${used.length ? `GROUPING(${used.join(', ')})` : '0'} AS g, district_id, ${keyCols},
            sum(responses)::int AS responses, sum(score_sum)::float8 AS score_sum, sum(scored)::int AS scored,
            ${summedBuckets} AS buckets
     FROM (${source}) r
     GROUP BY GROUPING SETS (${grouping})`,
    p.list,
  );
  // GROUPING() sets bit (n-1-i) when used[i] is not grouped
  const maskOf = (s: readonly GroupKey[]) =>
    used.reduce((acc, k, i) => acc | (s.includes(k) ? 0 : 1 << (used.length - 1 - i)), 0);
  const masks = sets.map(maskOf);
  const out = sets.map(() => new Map<string, Tally>());
  for (const row of rows) {
    const t = tallyOf(row, thresholdOf(row.district_id));
    masks.forEach((mask, i) => {
      if (mask !== row.g) return;
      const key = sets[i].map((k) => String(row[k])).join('|');
      const map = out[i];
      map.set(key, addTally(map.get(key) ?? emptyTally(), t));
    });
  }
  return out;
}

interface Sums {
  responses: number;
  score_sum: number;
  scored: number;
  buckets: number[];
}

function tallyOf(row: Sums, threshold: number): Tally {
  let satisfied = 0;
  for (let k = threshold; k < 11; k++) satisfied += row.buckets[k];
  return { responses: row.responses, scoreSum: row.score_sum, scored: row.scored, satisfied };
}

/** Each center's figures over several periods, for the centers of one district (`where` by
 * district_id, street_id or center_id): whole months as the difference of two running totals
 * (satisfaction_center_running: the latest row before the months' end minus the latest row before
 * their start, one index probe each), edge days from satisfaction_day. One statement for all the
 * periods; a result per period, from center id to tally (centers without responses are absent). */
export async function centerTallies(
  db: DataSource | EntityManager,
  where: RollupWhere,
  periods: readonly Period[],
  threshold: number,
): Promise<Map<number, Tally>[]> {
  const out = periods.map(() => new Map<number, Tally>());
  if (!where.ids.length || !periods.length) return out;
  const p = new Params();
  const ids = p.add(where.ids);
  const splits = periods.map(splitPeriod);
  const bounds = [...new Set(splits.flatMap((s) => (s.months ? [s.months.from, s.months.to] : [])))].sort();
  const days = splits.flatMap((s, i) => s.days.map((d) => ({ ...d, i })));
  // responses at or above the threshold, counted in SQL (no histogram arrays to parse per row)
  const satisfied = satisfiedSql('buckets', threshold);
  const parts: string[] = [];
  if (bounds.length) {
    const centerCol = where.column === 'center_id' ? 'id' : where.column;
    parts.push(
      `SELECT 0 AS k, c.id AS center_id, b.at::text AS at, r.responses, r.score_sum, r.scored, r.satisfied
       FROM center c CROSS JOIN unnest(${p.add(bounds)}::date[]) AS b(at)
       CROSS JOIN LATERAL (
         SELECT responses, score_sum::float8 AS score_sum, scored, ${satisfied} AS satisfied
         FROM satisfaction_center_running e
         WHERE e.center_id = c.id AND e.month < b.at ORDER BY e.month DESC LIMIT 1) r
       WHERE c.${centerCol} = ANY(${ids}::int[])`,
    );
  }
  days.forEach((d) => {
    parts.push(
      `SELECT ${d.i + 1} AS k, center_id, NULL::text AS at, sum(responses)::int AS responses,
              sum(score_sum)::float8 AS score_sum, sum(scored)::int AS scored,
              sum(${satisfied})::int AS satisfied
       FROM satisfaction_day
       WHERE ${where.column} = ANY(${ids}::int[]) AND center_id <> 0
         AND day >= ${p.add(d.from)}::date AND day < ${p.add(d.to)}::date
       GROUP BY center_id`,
    );
  });
  const rows: {
    k: number;
    center_id: number;
    at: string | null;
    responses: number;
    score_sum: number;
    scored: number;
    satisfied: number;
  }[] = await db.query(parts.join(' UNION ALL '), p.list);
  const tally = (r: (typeof rows)[number]): Tally => ({
    responses: r.responses,
    scoreSum: r.score_sum,
    scored: r.scored,
    satisfied: r.satisfied,
  });
  // running totals by center and boundary
  const running = new Map<string, Tally>();
  for (const r of rows) {
    if (r.k === 0) {
      running.set(`${r.center_id}|${r.at}`, tally(r));
      continue;
    }
    const map = out[r.k - 1];
    map.set(r.center_id, addTally(map.get(r.center_id) ?? emptyTally(), tally(r)));
  }
  const centers = new Set(rows.filter((r) => r.k === 0).map((r) => r.center_id));
  splits.forEach((s, i) => {
    if (!s.months) return;
    for (const c of centers) {
      const end = running.get(`${c}|${s.months.to}`);
      if (!end) continue;
      const start = running.get(`${c}|${s.months.from}`);
      const t = start ? subtractTally({ ...end }, start) : { ...end };
      if (t.responses === 0) continue;
      out[i].set(c, addTally(out[i].get(c) ?? emptyTally(), t));
    }
  });
  return out;
}

/** Residents' answers counting toward a dimension, by dimension (and by center when asked), per
 * month: every month the period touches counts whole (dimension figures are monthly). A district's
 * or street's own figures come from dimension_region_month, centers' from dimension_month. */
export async function dimensionTallies(
  db: DataSource | EntityManager,
  where: RollupWhere,
  period: Period,
  byCenter = false,
): Promise<{ dimension: string; centerId: number | null; answers: number; scoreSum: number }[]> {
  if (!where.ids.length) return [];
  const region = where.column !== 'center_id';
  if (region && byCenter) throw new Error('dimension figures by center need where.column = center_id');
  const rows: { dimension: string; center_id: number | null; answers: number; score_sum: number }[] =
    await db.query(
      `SELECT dimension, ${byCenter ? 'center_id' : 'NULL::int AS center_id'},
              sum(answers)::int AS answers, sum(score_sum)::float8 AS score_sum
       FROM ${region ? 'dimension_region_month' : 'dimension_month'}
       WHERE ${region ? 'region_id' : 'center_id'} = ANY($1::int[])
         AND month >= date_trunc('month', $2::date)::date AND month < $3::date
       GROUP BY dimension${byCenter ? ', center_id' : ''}`,
      [where.ids, period.from, period.to],
    );
  return rows.map((r) => ({
    dimension: r.dimension,
    centerId: r.center_id,
    answers: r.answers,
    scoreSum: r.score_sum,
  }));
}

/** Where raw responses count, for `rawSatisfaction`. */
export interface RawWhere {
  districtId?: number;
  streetId?: number;
  centerIds?: readonly number[];
}

/** The same summary as the rollups give, computed directly from survey_response (every response
 * of the period is read): the proof that the rollups agree, and the benchmark's reference. */
export async function rawSatisfaction(
  db: DataSource | EntityManager,
  where: RawWhere,
  from: Date | string,
  to: Date | string,
  threshold = DEFAULT_SATISFIED_THRESHOLD,
): Promise<Summary> {
  const p = new Params();
  const conds: string[] = [];
  if (where.districtId !== undefined) conds.push(`district_id = ${p.add(where.districtId)}`);
  if (where.streetId !== undefined) conds.push(`street_id = ${p.add(where.streetId)}`);
  if (where.centerIds !== undefined)
    conds.push(`coalesce(center_id, 0) = ANY(${p.add(where.centerIds)}::int[])`);
  // whole Shanghai days, as the rollups count them
  const at = (d: Date | string) => startOfShanghaiDay(typeof d === 'string' ? d : shanghaiDate(d));
  conds.push(`submitted_at >= ${p.add(at(from))} AND submitted_at < ${p.add(at(to))}`);
  const [row]: { responses: number; score_sum: number | null; scored: number; satisfied: number }[] =
    await db.query(
      `SELECT count(*)::int AS responses, sum(score)::float8 AS score_sum, count(score)::int AS scored,
              count(*) FILTER (WHERE score >= ${p.add(threshold)})::int AS satisfied
       FROM survey_response WHERE ${conds.join(' AND ')}`,
      p.list,
    );
  return summarize({
    responses: row.responses,
    scoreSum: row.score_sum ?? 0,
    scored: row.scored,
    satisfied: row.satisfied,
  });
}
