// Centers' composite score and ranks. For each center of the district, over the period:
//   satisfactionScore = residents' averageScore × 10                        (0–100, rollups)
//   evaluationScore   = mean of the totals of its evaluations in the period  (0–100; every phase
//                       counts alike — a later phase does not replace an earlier one)
//   composite         = w × satisfactionScore + (1 − w) × evaluationScore, w = satisfactionWeight;
//                       the one score alone when the other is missing; null when both are
// Ranks (1 = best, ties share a rank) among the street's and among the district's centers with a
// composite; the change is against the previous period of the same length. A fixed number of
// statements whatever the number of centers: the district's centers, its settings, one rollup
// statement (satisfaction.loaders districtCenters) and one evaluation statement for both periods.
import type { Context } from '../../context';
import { evaluationTotals } from '../evaluations/evaluation-figures';
import type { Center } from '../places/center.entity';
import type { Region } from '../places/region.entity';
import type { CenterRank } from './dto/satisfaction.outputs';
import { summarize, type Summary, type Tally } from './figures';
import { periodOf, previousPeriod, type Period } from './period';
import { centerRefsOf, centersOf, districtIdOf, readableRegion } from './scope';

interface Scored {
  center: Center;
  satisfaction: Summary;
  satisfactionScore: number | null;
  evaluationScore: number | null;
  evaluations: number;
  composite: number | null;
  streetRank: number | null;
  districtRank: number | null;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** composite = w·S + (1 − w)·E, or whichever exists. */
export function composite(w: number, satisfaction: number | null, evaluation: number | null): number | null {
  if (satisfaction === null) return evaluation;
  if (evaluation === null) return satisfaction;
  return w * satisfaction + (1 - w) * evaluation;
}

/** Competition ranks ("1224") by descending value; null values get no rank. */
export function ranks<T>(items: T[], value: (t: T) => number | null): Map<T, number | null> {
  const sorted = items.filter((t) => value(t) !== null).sort((a, b) => value(b)! - value(a)!);
  const out = new Map<T, number | null>(items.map((t) => [t, null]));
  sorted.forEach((t, i) => {
    const prev = sorted[i - 1];
    out.set(t, i > 0 && value(prev) === value(t) ? out.get(prev)! : i + 1);
  });
  return out;
}

/** Scores and ranks of the district's centers over one period, from their tallies and evaluations. */
function scoreDistrict(
  centers: Center[],
  byCenter: Map<number, Tally>,
  totals: Map<number, { mean: number; count: number }>,
  weight: number,
): Map<number, Scored> {
  const scored: Scored[] = centers.map((center) => {
    const satisfaction = summarize(byCenter.get(center.id));
    const s = satisfaction.averageScore === null ? null : satisfaction.averageScore * 10;
    const e = totals.get(center.id);
    const c = composite(weight, s, e?.mean ?? null);
    return {
      center,
      satisfaction,
      satisfactionScore: s === null ? null : round2(s),
      evaluationScore: e ? round2(e.mean) : null,
      evaluations: e?.count ?? 0,
      composite: c === null ? null : round2(c),
      streetRank: null,
      districtRank: null,
    };
  });
  const inDistrict = ranks(scored, (x) => x.composite);
  const byStreet = new Map<number, Scored[]>();
  for (const x of scored)
    (byStreet.get(x.center.streetId) ?? byStreet.set(x.center.streetId, []).get(x.center.streetId)!).push(x);
  for (const list of byStreet.values()) {
    const r = ranks(list, (x) => x.composite);
    for (const x of list) x.streetRank = r.get(x) ?? null;
  }
  for (const x of scored) x.districtRank = inDistrict.get(x) ?? null;
  return new Map(scored.map((x) => [x.center.id, x]));
}

const delta = (now: number | null, before: number | null) =>
  now === null || before === null ? null : round2(now - before);

/** The ranking of a region's centers (ranks are always within the whole street and district).
 * `lean`: the centers come with LEAN_CENTER_COLUMNS only (the caller asks for no other field). */
export async function rankingOf(
  ctx: Context,
  region: Region,
  period: Period,
  lean = false,
): Promise<CenterRank[]> {
  const districtId = districtIdOf(region);
  const centersIn = lean ? centerRefsOf : centersOf;
  const periods = [period, previousPeriod(period)];
  // all at once (the report of the same request asks for the period's centers in the same tick:
  // one rollup statement serves both)
  const [all, settings, inRegion, tallies, totals] = await Promise.all([
    centersIn(ctx, { id: districtId }),
    ctx.loaders.satisfaction.settings.load(districtId),
    region.level === 'DISTRICT' ? Promise.resolve(null) : centersIn(ctx, region),
    ctx.loaders.satisfaction.districtCenters.loadMany(periods.map((p) => ({ districtId, period: p }))),
    evaluationTotals(ctx.db, districtId, periods),
  ]);
  const w = settings.satisfactionWeight;
  const [now, before] = periods.map((_, i) => {
    const t = tallies[i];
    if (t instanceof Error) throw t;
    return scoreDistrict(all, t, totals[i], w);
  });
  const wanted = inRegion ?? all;
  return wanted
    .map((center): CenterRank => {
      const x = now.get(center.id)!;
      const p = before.get(center.id)!;
      return {
        center: x.center,
        satisfaction: x.satisfaction,
        satisfactionScore: x.satisfactionScore,
        evaluationScore: x.evaluationScore,
        evaluations: x.evaluations,
        composite: x.composite,
        streetRank: x.streetRank,
        districtRank: x.districtRank,
        previousComposite: p.composite,
        previousStreetRank: p.streetRank,
        previousDistrictRank: p.districtRank,
        compositeChange: delta(x.composite, p.composite),
        streetRankChange: delta(p.streetRank, x.streetRank),
        districtRankChange: delta(p.districtRank, x.districtRank),
      };
    })
    .sort(
      (a, b) =>
        (a.districtRank ?? Number.MAX_SAFE_INTEGER) - (b.districtRank ?? Number.MAX_SAFE_INTEGER) ||
        a.center.id - b.center.id,
    );
}

export const rankingService = {
  async ranking(ctx: Context, regionId: string, from: Date, to: Date, lean = false): Promise<CenterRank[]> {
    const region = await readableRegion(ctx, regionId);
    return rankingOf(ctx, region, periodOf(from, to), lean);
  },
};
