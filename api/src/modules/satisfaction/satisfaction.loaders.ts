import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { DEFAULT_SATISFIED_THRESHOLD } from '@lc/domain';
import { groupedTallies, summarize, type Summary } from './figures';
import type { Period } from './period';
import { settingsLoader } from './settings.service';

export interface CenterPeriodKey {
  centerId: number;
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
          [['center_id']],
          (d) => thresholds.get(d) ?? DEFAULT_SATISFIED_THRESHOLD,
        );
        for (const k of group) result.set(`${k.centerId}|${pk}`, summarize(byCenter.get(String(k.centerId))));
      }
      return keys.map((k) => result.get(`${k.centerId}|${k.period.from}|${k.period.to}`)!);
    },
    { cacheKeyFn: (k) => `${k.centerId}|${k.period.from}|${k.period.to}` },
  );

  return { settings, centerSummary };
}

export type SatisfactionLoaders = ReturnType<typeof createSatisfactionLoaders>;
