import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import type { Context } from '../../context';
import type { Center } from '../places/center.entity';
import type { Region } from '../places/region.entity';
import type { ServiceFilter } from './dto/service.inputs';
import { ServiceItem } from './service-item.entity';
import { ServiceOffering } from './service-offering.entity';

export const serviceItemService = {
  /** Items of the three menus. With a region: the district's DISTRICT and MOBILE menus plus the
   * STREET_FEATURE menus of the streets in (or around) the region. Retired items are left out
   * unless asked for. */
  async list(
    ctx: Context,
    filter: ServiceFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<ServiceItem>> {
    const page = pageRequest(first, after);
    const qb = ctx.db.getRepository(ServiceItem).createQueryBuilder('s').where('TRUE');
    if (!filter?.includeRetired) qb.andWhere('s.retired_at IS NULL');
    if (filter?.audience) qb.andWhere(':audience = ANY(s.audience)', { audience: filter.audience });
    if (filter?.menu) qb.andWhere('s.menu = :menu', { menu: filter.menu });
    if (filter?.category) qb.andWhere('s.category = :category', { category: filter.category });
    const search = filter?.search?.trim();
    if (search) qb.andWhere('(s.name ILIKE :pat OR s.description ILIKE :pat)', { pat: likePattern(search) });
    if (filter?.regionId !== null && filter?.regionId !== undefined) {
      const rid = parseId(filter.regionId);
      const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
      if (!region) return toConnection([], page, 0);
      const districtId = region.level === 'DISTRICT' ? region.id : region.districtId;
      if (region.level === 'DISTRICT') {
        qb.andWhere('s.district_id = :districtId', { districtId });
      } else {
        const streetId = region.level === 'STREET' ? region.id : region.streetId;
        qb.andWhere(
          `((s.menu IN ('DISTRICT','MOBILE') AND s.owner_region_id = :districtId)
            OR (s.menu = 'STREET_FEATURE' AND s.owner_region_id = :streetId))`,
          { districtId, streetId },
        );
      }
    }
    const totalCount = await qb.clone().getCount();
    if (page.afterId !== null) qb.andWhere('s.id > :afterId', { afterId: page.afterId });
    const rows =
      page.limit === 0
        ? []
        : await qb
            .orderBy('s.id', 'ASC')
            .limit(page.limit + 1)
            .getMany();
    for (const s of rows) ctx.loaders.services.serviceById.prime(s.id, s);
    return toConnection(rows, page, totalCount);
  },

  async byId(ctx: Context, id: string): Promise<ServiceItem | null> {
    const pid = parseId(id);
    return pid === null ? null : ((await ctx.loaders.services.serviceById.load(pid)) ?? null);
  },

  async offeringById(ctx: Context, id: string): Promise<ServiceOffering | null> {
    const pid = parseId(id);
    return pid === null ? null : ctx.db.getRepository(ServiceOffering).findOneBy({ id: pid });
  },

  ownerRegion(ctx: Context, item: ServiceItem): Promise<Region> {
    return ctx.loaders.places.regionById.load(item.ownerRegionId) as Promise<Region>;
  },

  offeringsOfItem(ctx: Context, item: ServiceItem): Promise<ServiceOffering[]> {
    return ctx.loaders.services.offeringsByService.load(item.id);
  },

  offeringsOfCenter(ctx: Context, center: Center): Promise<ServiceOffering[]> {
    return ctx.loaders.services.offeringsByCenter.load(center.id);
  },

  serviceOfOffering(ctx: Context, offering: ServiceOffering): Promise<ServiceItem> {
    return ctx.loaders.services.serviceById.load(offering.serviceId) as Promise<ServiceItem>;
  },

  centerOfOffering(ctx: Context, offering: ServiceOffering): Promise<Center> {
    return ctx.loaders.places.centerById.load(offering.centerId) as Promise<Center>;
  },
};
