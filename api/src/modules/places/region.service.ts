import type { RegionLevel } from '@lc/domain';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import { Region } from './region.entity';

export const regionService = {
  async get(ctx: Context, id: string): Promise<Region | null> {
    const rid = parseId(id);
    return rid === null ? null : ctx.loaders.places.regionById.load(rid);
  },

  async list(
    ctx: Context,
    level: RegionLevel | null | undefined,
    parentId: string | null | undefined,
  ): Promise<Region[]> {
    const qb = ctx.db.getRepository(Region).createQueryBuilder('r').orderBy('r.id');
    if (level) qb.andWhere('r.level = :level', { level });
    if (parentId !== null && parentId !== undefined) {
      const pid = parseId(parentId);
      if (pid === null) return [];
      qb.andWhere('r.parent_id = :pid', { pid });
    }
    const rows = await qb.getMany();
    for (const r of rows) ctx.loaders.places.regionById.prime(r.id, r);
    return rows;
  },

  parent(ctx: Context, region: Region): Promise<Region | null> {
    return region.parentId === null
      ? Promise.resolve(null)
      : ctx.loaders.places.regionById.load(region.parentId);
  },

  children(ctx: Context, region: Region): Promise<Region[]> {
    return ctx.loaders.places.regionChildren.load(region.id);
  },
};
