import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { oneLoader, rowsWhereAny } from '../../common/loader';
import { Demand } from './demand.entity';

/** Key of a (resident, demand) pair. */
export const secondKey = (residentId: number, demandId: number): string => `${residentId}:${demandId}`;

export function createDemandsLoaders(db: DataSource) {
  const demands = db.getRepository(Demand);
  return {
    /** a demand by id, unscoped: callers check who may see it (auth/policy canSeeDemand) */
    demandById: oneLoader<number, Demand>(
      (ids) => rowsWhereAny(db, demands, 'id', ids),
      (d) => d.id,
    ),
    /** has this resident seconded this demand? keyed by secondKey(resident, demand) */
    seconded: new DataLoader<string, boolean>(async (keys) => {
      const pairs = keys.map((k) => k.split(':').map(Number));
      const rows: { k: string }[] = await db.query(
        `SELECT s.resident_id || ':' || s.demand_id AS k FROM demand_second s
         JOIN unnest($1::int[], $2::int[]) AS w(resident_id, demand_id)
           ON w.resident_id = s.resident_id AND w.demand_id = s.demand_id`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      const found = new Set(rows.map((r) => r.k));
      return keys.map((k) => found.has(k));
    }),
    /** a user's home community (居委/村委), null when not chosen */
    homeCommunityByUser: new DataLoader<number, number | null>(async (ids) => {
      const rows: { id: number; home_community_id: number | null }[] = await db.query(
        `SELECT id, home_community_id FROM app_user WHERE id = ANY($1::int[])`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [r.id, r.home_community_id]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type DemandsLoaders = ReturnType<typeof createDemandsLoaders>;
