import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { feedList, feedQueryBuilder, feedRequest } from '../../common/change-feed';
import { hydrate } from '../../common/hydrate';
import type { Context } from '../../context';
import type { Center } from '../places/center.entity';
import type { Region } from '../places/region.entity';
import type { OfferingFilter, ServiceFilter } from './dto/service.inputs';
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
    updatedSince?: Date | null,
  ): Promise<Connection<ServiceItem>> {
    const feed = feedRequest(updatedSince, first, after);
    const page = feed ? { limit: 0, afterId: null } : pageRequest(first, after);
    const qb = ctx.db.getRepository(ServiceItem).createQueryBuilder('s').where('TRUE');
    // a change feed keeps retired items (with retiredAt), so clients see them leave
    if (!filter?.includeRetired && !feed) qb.andWhere('s.retired_at IS NULL');
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
    if (feed) {
      const conn = await feedQueryBuilder(qb, 's', feed);
      for (const e of conn.edges) ctx.loaders.services.serviceById.prime(e.node.id, e.node);
      return conn;
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

  /** Offerings (the directory, public), by id; with `updatedSince` a change feed that also shows
   * removed offerings (tombstones, `withdrawnAt` set). */
  async offerings(
    ctx: Context,
    filter: OfferingFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    updatedSince?: Date | null,
  ): Promise<Connection<ServiceOffering>> {
    const feed = feedRequest(updatedSince, first, after);
    const parts: string[] = ['TRUE'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter?.centerId != null) add('f.center_id = ?', parseId(filter.centerId) ?? -1);
    if (filter?.serviceId != null) add('f.service_id = ?', parseId(filter.serviceId) ?? -1);
    if (filter?.regionId != null)
      add(
        'f.center_id IN (SELECT id FROM center WHERE district_id = ? OR street_id = ?)',
        parseId(filter.regionId) ?? -1,
      );
    const live = `SELECT o.id, o.center_id, o.service_id, o.schedule, o.fee, o.capacity, o.updated_at,
                         NULL::timestamptz AS withdrawn_at FROM service_offering o`;
    const removed = `SELECT x.id, x.center_id, x.service_id, x.schedule, x.fee, x.capacity, t.removed_at AS updated_at,
                            t.removed_at AS withdrawn_at
                     FROM service_offering_removed t, jsonb_populate_record(NULL::service_offering, t.row) x`;
    const repo = ctx.db.getRepository(ServiceOffering);
    const map = (r: Record<string, unknown>) =>
      Object.assign(hydrate(repo, r), { withdrawnAt: (r.withdrawn_at as Date | null) ?? null });
    const where = parts.join(' AND ');
    if (feed)
      return feedList(ctx.db, {
        from: `(${live} UNION ALL ${removed}) f`,
        alias: 'f',
        where,
        params,
        feed,
        map,
      });
    const page = pageRequest(first, after);
    const from = `(${live}) f`;
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM ${from} WHERE ${where}`,
      params,
    );
    const p = [...params];
    let sql = `SELECT f.* FROM ${from} WHERE ${where}`;
    if (page.afterId !== null) {
      p.push(page.afterId);
      sql += ` AND f.id > $${p.length}`;
    }
    p.push(page.limit + 1);
    sql += ` ORDER BY f.id LIMIT $${p.length}`;
    const rows = page.limit > 0 ? ((await ctx.db.query(sql, p)) as Record<string, unknown>[]).map(map) : [];
    return toConnection(rows, page, count);
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
