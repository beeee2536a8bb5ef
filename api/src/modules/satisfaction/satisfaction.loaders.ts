import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { DEFAULT_SATISFIED_THRESHOLD } from '@lc/domain';
import { centerTallies, groupedTallies, summarize, type Summary, type Tally } from './figures';
import type { Period } from './period';
import { settingsLoader } from './settings.service';

export interface CenterPeriodKey {
  centerId: number;
  districtId: number;
  period: Period;
}

export interface DistrictPeriodKey {
  districtId: number;
  period: Period;
}

export function createSatisfactionLoaders(db: DataSource) {
  const settings = settingsLoader(db);

  /** Center.satisfaction: the settings of the centers' districts, then one statement per distinct
   * period (a list asks for one), however many centers. */
  const centerSummary = new DataLoader<CenterPeriodKey, Summary, string>(
    async (keys) => {
      const thresholds = new Map(
        (await settings.loadMany([...new Set(keys.map((k) => k.districtId))])).map((s) => {
          if (s instanceof Error) throw s;
          return [s.districtId, s.satisfiedThreshold];
        }),
      );
      const byPeriod = new Map<string, CenterPeriodKey[]>();
      for (const k of keys) {
        const pk = `${k.period.from}|${k.period.to}`;
        (byPeriod.get(pk) ?? byPeriod.set(pk, []).get(pk)!).push(k);
      }
      const result = new Map<string, Summary>();
      for (const [pk, group] of byPeriod) {
        const [byCenter] = await groupedTallies(
          db,
          { column: 'center_id', ids: [...new Set(group.map((k) => k.centerId))] },
          group[0].period,
          [['unit_id']],
          (d) => thresholds.get(d) ?? DEFAULT_SATISFIED_THRESHOLD,
        );
        for (const k of group) result.set(`${k.centerId}|${pk}`, summarize(byCenter.get(String(k.centerId))));
      }
      return keys.map((k) => result.get(`${k.centerId}|${k.period.from}|${k.period.to}`)!);
    },
    { cacheKeyFn: (k) => `${k.centerId}|${k.period.from}|${k.period.to}` },
  );

  /** Every center's figures in a district over a period, from center id to tally (the ranking and
   * the report's compliance and centers): one statement per district for all the periods asked
   * together (a ranking asks for its period and the previous one). */
  const districtCenters = new DataLoader<DistrictPeriodKey, Map<number, Tally>, string>(
    async (keys) => {
      const byDistrict = new Map<number, DistrictPeriodKey[]>();
      for (const k of keys)
        (byDistrict.get(k.districtId) ?? byDistrict.set(k.districtId, []).get(k.districtId)!).push(k);
      const result = new Map<string, Map<number, Tally>>();
      await Promise.all(
        [...byDistrict].map(async ([districtId, group]) => {
          const s = await settings.load(districtId);
          const periods = group.map((k) => k.period);
          const maps = await centerTallies(
            db,
            { column: 'district_id', ids: [districtId] },
            periods,
            s.satisfiedThreshold,
          );
          group.forEach((k, i) => result.set(districtPeriodKey(k), maps[i]));
        }),
      );
      return keys.map((k) => result.get(districtPeriodKey(k))!);
    },
    { cacheKeyFn: districtPeriodKey },
  );

  return { settings, centerSummary, districtCenters };
}

function districtPeriodKey(k: DistrictPeriodKey): string {
  return `${k.districtId}|${k.period.from}|${k.period.to}`;
}

export type SatisfactionLoaders = ReturnType<typeof createSatisfactionLoaders>;
