import type { DataSource } from 'typeorm';
import { hydrate } from '../../common/hydrate';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { Center } from './center.entity';
import { Region } from './region.entity';

type WithKey<T> = { key: number; row: T };

export function createPlacesLoaders(db: DataSource) {
  const regions = db.getRepository(Region);
  const centers = db.getRepository(Center);

  const regionById = oneLoader<number, Region>(
    (ids) => rowsWhereAny(db, regions, 'id', ids),
    (r) => r.id,
  );
  const centerById = oneLoader<number, Center>(
    (ids) => rowsWhereAny(db, centers, 'id', ids),
    (c) => c.id,
  );
  const regionChildren = manyLoader<number, Region>(
    (ids) => rowsWhereAny(db, regions, 'parent_id', ids),
    (r) => r.parentId as number,
  );

  /** communities a center is responsible for, keyed by center id */
  const coveredCommunities = manyLoader<number, WithKey<Region>>(
    async (centerIds) => {
      const rows: Record<string, unknown>[] = await db.query(
        `SELECT cc.center_id AS lc_key, r.* FROM center_community cc JOIN region r ON r.id = cc.community_id
       WHERE cc.center_id = ANY($1) ORDER BY r.id`,
        [[...centerIds]],
      );
      return rows.map((row) => ({ key: Number(row.lc_key), row: hydrate(regions, row) }));
    },
    (x) => x.key,
  );

  /** Centers lying in a district or street, or covering a community, keyed by region id, with the
   * columns given (`c.*`, or LEAN_CENTER_COLUMNS). */
  const centersOfRegions = (cols: string) =>
    manyLoader<number, WithKey<Center>>(
      async (regionIds) => {
        const rows: Record<string, unknown>[] = await db.query(
          `SELECT r.id AS lc_key, ${cols} FROM region r
         JOIN center c ON (r.level = 'DISTRICT' AND c.district_id = r.id) OR (r.level = 'STREET' AND c.street_id = r.id)
         WHERE r.id = ANY($1) AND r.level <> 'COMMUNITY'
         UNION ALL
         SELECT cc.community_id, ${cols} FROM center_community cc JOIN center c ON c.id = cc.center_id
         WHERE cc.community_id = ANY($1)
         ORDER BY 1, 2`,
          [[...regionIds]],
        );
        return rows.map((row) => ({ key: Number(row.lc_key), row: hydrate(centers, row) }));
      },
      (x) => x.key,
    );
  const centersOfRegion = centersOfRegions('c.*');
  /** The same centers, lean (figures of a district of a thousand centers need their ids, names and
   * streets, not their facilities and zones). */
  const centerRefsOfRegion = centersOfRegions(LEAN_CENTER_COLUMNS.map((c) => `c.${c}`).join(', '));

  return { regionById, centerById, regionChildren, coveredCommunities, centersOfRegion, centerRefsOfRegion };
}

/** Columns of a lean Center (database names), and the GraphQL fields they answer. */
export const LEAN_CENTER_COLUMNS = ['id', 'name', 'kind', 'district_id', 'street_id', 'lat', 'lng'] as const;
export const LEAN_CENTER_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'name',
  'kind',
  'location',
  'street',
]);

export type PlacesLoaders = ReturnType<typeof createPlacesLoaders>;
