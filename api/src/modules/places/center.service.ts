import {
  NEAR_MAX,
  WITHIN_MINUTES_MAX,
  unknownFacilities,
  unknownZones,
  walkingMinutes,
  walkingRadiusMeters,
} from '@lc/domain';
import { assertCanManage, canManage } from '../../auth/policy';
import { FieldErrors, notFound } from '../../common/app-error';
import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import { feedQueryBuilder, feedRequest } from '../../common/change-feed';
import type { Context } from '../../context';
import { emitEvent } from '../webhooks/outbox';
import { Center } from './center.entity';
import type { CenterFilter, UpdateCenterInput } from './dto/center.inputs';
import type { CenterDistance, CoverageReport } from './dto/center.outputs';
import type { GeoPointInput } from './dto/geo-point';
import { Region } from './region.entity';

/** Box margin: earthdistance's cube radius (6,378,168 m) differs from the mean radius we measure with. */
export const BOX_MARGIN = 1.01;

function checkMinutes(errors: FieldErrors, withinMinutes: number): void {
  errors.check(
    Number.isInteger(withinMinutes) && withinMinutes >= 1 && withinMinutes <= WITHIN_MINUTES_MAX,
    'withinMinutes',
    `步行分钟数须在 1 到 ${WITHIN_MINUTES_MAX} 之间 / withinMinutes must be between 1 and ${WITHIN_MINUTES_MAX}`,
  );
}

export const centerService = {
  async get(ctx: Context, id: string): Promise<Center | null> {
    const cid = parseId(id);
    return cid === null ? null : ctx.loaders.places.centerById.load(cid);
  },

  async list(
    ctx: Context,
    filter: CenterFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    updatedSince?: Date | null,
  ): Promise<Connection<Center>> {
    const feed = feedRequest(updatedSince, first, after);
    const page = feed ? { limit: 0, afterId: null } : pageRequest(first, after);
    const qb = ctx.db.getRepository(Center).createQueryBuilder('c');
    if (filter?.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    const search = filter?.search?.trim();
    if (search) qb.andWhere('(c.name ILIKE :pat OR c.address ILIKE :pat)', { pat: likePattern(search) });
    if (filter?.regionId !== null && filter?.regionId !== undefined) {
      const rid = parseId(filter.regionId);
      const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
      if (!region) return toConnection([], page, 0);
      if (region.level === 'DISTRICT') qb.andWhere('c.district_id = :rid', { rid });
      else if (region.level === 'STREET') qb.andWhere('c.street_id = :rid', { rid });
      else
        qb.andWhere(
          'EXISTS (SELECT 1 FROM center_community cc WHERE cc.center_id = c.id AND cc.community_id = :rid)',
          {
            rid,
          },
        );
    }
    if (feed) {
      const conn = await feedQueryBuilder(qb, 'c', feed);
      for (const e of conn.edges) ctx.loaders.places.centerById.prime(e.node.id, e.node);
      return conn;
    }
    const totalCount = await qb.clone().getCount();
    if (page.afterId !== null) qb.andWhere('c.id > :afterId', { afterId: page.afterId });
    const rows =
      page.limit === 0
        ? []
        : await qb
            .orderBy('c.id', 'ASC')
            .limit(page.limit + 1)
            .getMany();
    for (const c of rows) ctx.loaders.places.centerById.prime(c.id, c);
    return toConnection(rows, page, totalCount);
  },

  /** Centers within `withinMinutes` on foot of a point, nearest first (GiST index on ll_to_earth). */
  async near(
    ctx: Context,
    point: GeoPointInput,
    withinMinutes: number,
    first: number,
  ): Promise<CenterDistance[]> {
    const errors = new FieldErrors();
    checkMinutes(errors, withinMinutes);
    errors.check(
      Number.isInteger(first) && first >= 0 && first <= NEAR_MAX,
      'first',
      `最多返回 ${NEAR_MAX} 个 / first must be between 0 and ${NEAR_MAX}`,
    );
    errors.throwIfAny();
    if (first === 0) return [];
    const radius = walkingRadiusMeters(withinMinutes);
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `SELECT c.*, lc_distance_m($1, $2, c.lat, c.lng) AS lc_distance
       FROM center c
       WHERE earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(c.lat, c.lng)
         AND lc_distance_m($1, $2, c.lat, c.lng) <= $4
       ORDER BY lc_distance, c.id
       LIMIT $5`,
      [point.lat, point.lng, radius * BOX_MARGIN, radius, first],
    );
    const repo = ctx.db.getRepository(Center);
    return rows.map((row) => {
      const center = hydrate(repo, row);
      ctx.loaders.places.centerById.prime(center.id, center);
      const distanceMeters = Number(row.lc_distance);
      return { center, distanceMeters, walkingMinutes: walkingMinutes(distanceMeters) };
    });
  },

  /** Which communities of a region have a center within `withinMinutes` on foot (any center, any street). */
  async coverage(ctx: Context, regionId: string, withinMinutes: number): Promise<CoverageReport> {
    const errors = new FieldErrors();
    checkMinutes(errors, withinMinutes);
    errors.throwIfAny();
    const rid = parseId(regionId);
    const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
    if (!region) throw notFound('region');
    const radius = walkingRadiusMeters(withinMinutes);
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `SELECT r.*, (r.lat IS NOT NULL AND EXISTS (
                SELECT 1 FROM center c
                WHERE earth_box(ll_to_earth(r.lat, r.lng), $2) @> ll_to_earth(c.lat, c.lng)
                  AND lc_distance_m(r.lat, r.lng, c.lat, c.lng) <= $3)) AS lc_covered
       FROM region r
       WHERE r.level = 'COMMUNITY' AND (r.district_id = $1 OR r.street_id = $1 OR r.id = $1)
       ORDER BY r.id`,
      [rid, radius * BOX_MARGIN, radius],
    );
    const repo = ctx.db.getRepository(Region);
    const uncovered = rows.filter((r) => !r.lc_covered).map((r) => hydrate(repo, r));
    return {
      region,
      withinMinutes,
      communities: rows.length,
      covered: rows.length - uncovered.length,
      uncovered,
    };
  },

  async coveredCommunities(ctx: Context, center: Center): Promise<Region[]> {
    return (await ctx.loaders.places.coveredCommunities.load(center.id)).map((x) => x.row);
  },

  async centersOfRegion(ctx: Context, region: Region): Promise<Center[]> {
    return (await ctx.loaders.places.centersOfRegion.load(region.id)).map((x) => x.row);
  },

  street(ctx: Context, center: Center): Promise<Region> {
    return ctx.loaders.places.regionById.load(center.streetId) as Promise<Region>;
  },

  viewerCanEdit(ctx: Context, center: Center): boolean {
    return canManage(ctx.viewer, {
      districtId: center.districtId,
      streetId: center.streetId,
      centerId: center.id,
    });
  },

  /** Changes address, opening hours, facilities, zones and covered communities, for the center's managers. */
  async update(ctx: Context, id: string, input: UpdateCenterInput): Promise<Center> {
    const cid = parseId(id);
    if (cid === null) throw notFound('center');
    return ctx.db.transaction(async (em) => {
      const center = await em
        .getRepository(Center)
        .findOne({ where: { id: cid }, lock: { mode: 'pessimistic_write' } });
      if (!center) throw notFound('center');
      assertCanManage(ctx.viewer, {
        districtId: center.districtId,
        streetId: center.streetId,
        centerId: center.id,
      });

      const errors = new FieldErrors();
      if (input.address !== undefined)
        errors.check(!!input.address?.trim(), 'input.address', '地址不能为空 / address must not be empty');
      if (input.facilities) {
        const bad = unknownFacilities(input.facilities);
        errors.check(
          bad.length === 0,
          'input.facilities',
          `未知的设施代码 / unknown facility codes: ${bad.join(', ')}`,
        );
      }
      if (input.zones) {
        const bad = unknownZones(input.zones);
        errors.check(
          bad.length === 0,
          'input.zones',
          `未知的功能区代码 / unknown zone codes: ${bad.join(', ')}`,
        );
      }
      let communityIds: number[] | null = null;
      if (input.coveredCommunityIds) {
        const ids = input.coveredCommunityIds.map(parseId);
        const valid = [...new Set(ids.filter((x): x is number => x !== null))];
        const found: { id: number }[] = valid.length
          ? await em.query(
              `SELECT id FROM region WHERE id = ANY($1) AND level = 'COMMUNITY' AND street_id = $2`,
              [valid, center.streetId],
            )
          : [];
        const ok = new Set(found.map((r) => r.id));
        const bad = input.coveredCommunityIds.filter((_, i) => ids[i] === null || !ok.has(ids[i] as number));
        errors.check(
          bad.length === 0,
          'input.coveredCommunityIds',
          `不是本中心所在街镇的居村委 / not communities of the center's street: ${bad.join(', ')}`,
        );
        communityIds = valid;
      }
      errors.throwIfAny();

      if (input.address !== undefined && input.address !== null) center.address = input.address.trim();
      if (input.openingHours !== undefined) center.openingHours = input.openingHours?.trim() || null;
      if (input.phone !== undefined) center.phone = input.phone?.trim() || null;
      if (input.facilities) center.facilities = [...new Set(input.facilities)];
      if (input.zones) center.zones = [...new Set(input.zones)];
      const saved = await em.getRepository(Center).save(center);
      if (communityIds) {
        await em.query(`DELETE FROM center_community WHERE center_id = $1`, [cid]);
        if (communityIds.length)
          await em.query(
            `INSERT INTO center_community (center_id, community_id) SELECT $1, unnest($2::int[])`,
            [cid, communityIds],
          );
      }
      await emitEvent(em, {
        type: 'CENTER_CHANGED',
        recordType: 'center',
        recordId: saved.id,
        districtId: saved.districtId,
        streetId: saved.streetId,
        centerId: saved.id,
        data: {
          centerId: String(saved.id),
          name: saved.name,
          changed: Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined),
        },
      });
      return saved;
    });
  },
};
