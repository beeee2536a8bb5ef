// Which regions' figures a caller may read, and which rollup rows make up a region's figures.
import { canReadRegionFigures, requireViewer } from '../../auth/policy';
import { forbidden, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import type { Center } from '../places/center.entity';
import type { Region } from '../places/region.entity';
import type { RollupWhere } from './figures';

export async function regionOrThrow(ctx: Context, id: string | null | undefined): Promise<Region> {
  const rid = parseId(id);
  const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
  if (!region) throw notFound('region');
  return region;
}

/** A region whose figures the viewer may read (see policy.canReadRegionFigures). */
export async function readableRegion(ctx: Context, id: string): Promise<Region> {
  const viewer = requireViewer(ctx.viewer);
  const region = await regionOrThrow(ctx, id);
  if (!canReadRegionFigures(viewer, region))
    throw forbidden('这个区域不在您的工作范围内 / this region is outside your scope');
  return region;
}

/** The district a region is or lies in. */
export const districtIdOf = (region: Region): number => region.districtId ?? region.id;

/** Centers lying in a district or street, or covering a community. */
export async function centersOf(ctx: Context, region: Pick<Region, 'id'>): Promise<Center[]> {
  return (await ctx.loaders.places.centersOfRegion.load(region.id)).map((x) => x.row);
}

/** The same centers, lean (LEAN_CENTER_COLUMNS only): enough to compute figures and ranks, and to
 * answer GraphQL selections of LEAN_CENTER_FIELDS. */
export async function centerRefsOf(ctx: Context, region: Pick<Region, 'id'>): Promise<Center[]> {
  return (await ctx.loaders.places.centerRefsOfRegion.load(region.id)).map((x) => x.row);
}

/** Rollup rows of a region: by district or street column; a community's are those of the centers
 * covering it. */
export async function whereOf(ctx: Context, region: Region): Promise<RollupWhere> {
  if (region.level === 'DISTRICT') return { column: 'district_id', ids: [region.id] };
  if (region.level === 'STREET') return { column: 'street_id', ids: [region.id] };
  return { column: 'center_id', ids: (await centersOf(ctx, region)).map((c) => c.id) };
}
