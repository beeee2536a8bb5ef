// 需求清单: residents raise demands for their community and second others' (+1, once each); staff
// enter demands gathered on visits, from survey comments or the hotline. Status follows the
// demand's projects (demand-status.ts). Scope comes from auth/policy.ts.
import { SIMILAR_DEMAND_THRESHOLD, demandSimilarity, type DemandStatus } from '@lc/domain';
import {
  canReadInStreet,
  canSeeDemand,
  canWorkInStreet,
  canKeyWriteDemands,
  officialScopeSql,
  requireViewer,
} from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { FieldErrors, badInput, cleanText, forbidden, notFound } from '../../common/app-error';
import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import { feedList, feedRequest } from '../../common/change-feed';
import type { Context } from '../../context';
import { emitEvent } from '../webhooks/outbox';
import type { Region } from '../places/region.entity';
import { assignHomeCommunity } from '../residents/resident-community';
import { Demand } from './demand.entity';
import { secondKey } from './demand.loaders';
import type { CreateDemandInput, DemandFilter } from './dto/demand.inputs';

/** Open demands: residents may second them, and they are offered as similar ones. */
export const OPEN_DEMAND_STATUSES: readonly DemandStatus[] = ['OPEN', 'MATCHED'];
/** Similar demands are looked for among at most this many open demands of the community (newest). */
const SIMILAR_SCAN_LIMIT = 1000;
const SIMILAR_MAX = 20;

/** The signed-in resident's home community; null for others or when not chosen. */
export async function viewerHomeCommunityId(ctx: Context): Promise<number | null> {
  const v = ctx.viewer;
  if (!v || v.role !== 'RESIDENT') return null;
  return ctx.loaders.demands.homeCommunityByUser.load(v.userId);
}

/** The region of an id when it is a community (居委/村委), else null. */
async function communityOf(ctx: Context, id: string | null | undefined): Promise<Region | null> {
  const cid = parseId(id);
  const region = cid === null ? null : await ctx.loaders.places.regionById.load(cid);
  return region && region.level === 'COMMUNITY' ? region : null;
}

const notACommunity = '请选择居委会或村委会 / choose a community (residents’ or village committee)';

export async function canSee(ctx: Context, demand: Demand): Promise<boolean> {
  return canSeeDemand(ctx.viewer, demand, await viewerHomeCommunityId(ctx));
}

/** SQL condition and parameters restricting demands (alias d) to what the viewer may see. */
async function scopeCondition(ctx: Context, viewer: Viewer): Promise<{ sql: string; params: unknown[] }> {
  if (viewer.role === 'RESIDENT') {
    const home = await viewerHomeCommunityId(ctx);
    return { sql: '(d.raised_by = $1 OR d.community_id = $2)', params: [viewer.userId, home ?? -1] };
  }
  const scope = officialScopeSql(viewer, { district: 'd.district_id', street: 'd.street_id' }, 1);
  if (!scope) throw forbidden('需求清单仅供工作人员和居民查看 / demands are for staff and residents');
  return { sql: scope.sql, params: [scope.value] };
}

export const demandService = {
  async create(ctx: Context, input: CreateDemandInput): Promise<Demand> {
    const viewer = requireViewer(ctx.viewer);
    const isResident = viewer.role === 'RESIDENT';
    const errors = new FieldErrors();
    const title = (input.title ?? '').trim();
    const description = cleanText(input.description);
    errors.titled(title, description);
    const source = input.source ?? (isResident ? 'RESIDENT_APP' : null);
    if (isResident) {
      errors.check(
        source === 'RESIDENT_APP',
        'input.source',
        '居民提出的需求来源为 RESIDENT_APP / residents raise demands with source RESIDENT_APP',
      );
    } else {
      errors.check(
        source !== null && source !== 'RESIDENT_APP',
        'input.source',
        '请注明需求来源：走访、问卷意见、热线或其他 / give the source: VISIT, SURVEY_COMMENT, HOTLINE or OTHER',
      );
    }
    const community = await communityOf(ctx, input.communityId);
    const home = isResident ? await viewerHomeCommunityId(ctx) : null;
    if (!community) errors.add('input.communityId', notACommunity);
    else if (isResident && home !== null && home !== community.id) {
      errors.add(
        'input.communityId',
        '只能为自己所在的社区提出需求 / you can raise demands only for your own community',
      );
    }
    const place = community && { districtId: community.districtId ?? -1, streetId: community.streetId };
    if (
      place &&
      !isResident &&
      !(viewer.apiKey ? canKeyWriteDemands(viewer, place) : canWorkInStreet(viewer, place))
    ) {
      throw forbidden('这个社区不在您的工作范围内 / this community is outside your scope');
    }
    errors.throwIfAny();
    const c = community as Region;
    return ctx.db.transaction(async (em) => {
      if (isResident && home === null) {
        // first demand: the community becomes the resident's own (unless another request set one)
        const now = await assignHomeCommunity(em, viewer.userId, c.id, true);
        if (now !== c.id) {
          throw badInput([
            {
              field: 'input.communityId',
              message: '只能为自己所在的社区提出需求 / you can raise demands only for your own community',
            },
          ]);
        }
      }
      const rows: Record<string, unknown>[] = await em.query(
        `INSERT INTO demand (title, description, category, community_id, street_id, district_id, source, raised_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [title, description, input.category, c.id, c.streetId, c.districtId, source, viewer.userId],
      );
      const demand = hydrate(em.getRepository(Demand), rows[0]);
      await emitEvent(em, {
        type: 'DEMAND_CREATED',
        recordType: 'demand',
        recordId: demand.id,
        districtId: demand.districtId,
        streetId: demand.streetId,
        data: {
          demandId: String(demand.id),
          title: demand.title,
          category: demand.category,
          communityId: String(demand.communityId),
          source: demand.source,
          status: demand.status,
        },
      });
      return demand;
    });
  },

  /** +1: once per resident (a repeat answers the demand unchanged), for open demands of their own
   * community that someone else raised. */
  async second(ctx: Context, id: string): Promise<Demand> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.role !== 'RESIDENT') throw forbidden('只有居民可以附议 / only residents second demands');
    const did = parseId(id);
    const demand = did === null ? null : await ctx.loaders.demands.demandById.load(did);
    if (!demand) throw notFound('demand');
    if (demand.raisedBy === viewer.userId) {
      throw badInput([
        { field: 'id', message: '不能附议自己提出的需求 / you cannot second your own demand' },
      ]);
    }
    const home = await viewerHomeCommunityId(ctx);
    if (home !== demand.communityId) throw notFound('demand');
    if (await ctx.loaders.demands.seconded.load(secondKey(viewer.userId, demand.id))) return demand;
    if (!OPEN_DEMAND_STATUSES.includes(demand.status)) {
      throw badInput([
        { field: 'id', message: '该需求已在办理中，不能再附议 / only open demands can be seconded' },
      ]);
    }
    return ctx.db.transaction(async (em) => {
      // the row lock orders concurrent seconds of one demand, so each count below sees the others
      const [locked]: { status: DemandStatus }[] = await em.query(
        `SELECT status FROM demand WHERE id = $1 FOR UPDATE`,
        [demand.id],
      );
      if (!OPEN_DEMAND_STATUSES.includes(locked.status)) {
        throw badInput([
          { field: 'id', message: '该需求已在办理中，不能再附议 / only open demands can be seconded' },
        ]);
      }
      await em.query(
        `INSERT INTO demand_second (demand_id, resident_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [demand.id, viewer.userId],
      );
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE demand SET seconds = (SELECT count(*) FROM demand_second WHERE demand_id = $1)
         WHERE id = $1 RETURNING *`,
        [demand.id],
      );
      const key = secondKey(viewer.userId, demand.id);
      ctx.loaders.demands.seconded.clear(key).prime(key, true);
      const after = hydrate(em.getRepository(Demand), rows[0]);
      if (after.seconds !== demand.seconds)
        await emitEvent(em, {
          type: 'DEMAND_SECONDED',
          recordType: 'demand',
          recordId: after.id,
          districtId: after.districtId,
          streetId: after.streetId,
          data: { demandId: String(after.id), seconds: after.seconds, status: after.status },
        });
      return after;
    });
  },

  /** Open demands of a community like a new one, most similar first. The similarity is computed
   * here in TypeScript over the community's open demands: a community has at most a few hundred
   * (at most SIMILAR_SCAN_LIMIT, newest, are compared). */
  async similar(
    ctx: Context,
    communityId: string,
    title: string,
    description: string | null | undefined,
    first: number | null | undefined,
  ): Promise<{ demand: Demand; score: number }[]> {
    const viewer = requireViewer(ctx.viewer);
    const limit = first ?? 5;
    const errors = new FieldErrors().check(
      Number.isInteger(limit) && limit >= 0 && limit <= SIMILAR_MAX,
      'first',
      `first 须在 0–${SIMILAR_MAX} 之间 / first must be 0–${SIMILAR_MAX}`,
    );
    const community = await communityOf(ctx, communityId);
    if (!community) errors.add('communityId', notACommunity);
    errors.throwIfAny();
    const c = community as Region;
    if (viewer.role === 'RESIDENT') {
      const home = await viewerHomeCommunityId(ctx);
      if (home !== null && home !== c.id)
        throw forbidden('只能查看自己社区的需求 / only your own community’s demands');
    } else if (!canReadInStreet(viewer, { districtId: c.districtId as number, streetId: c.streetId })) {
      throw forbidden('这个社区不在您的工作范围内 / this community is outside your scope');
    }
    const wanted = { title: (title ?? '').trim(), description: cleanText(description) };
    if (!wanted.title || limit === 0) return [];
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `SELECT * FROM demand WHERE community_id = $1 AND status = ANY($2::text[]) ORDER BY id DESC LIMIT $3`,
      [c.id, OPEN_DEMAND_STATUSES, SIMILAR_SCAN_LIMIT],
    );
    const repo = ctx.db.getRepository(Demand);
    return rows
      .map((r) => hydrate(repo, r))
      .map((demand) => ({ demand, score: demandSimilarity(wanted, demand) }))
      .filter((x) => x.score >= SIMILAR_DEMAND_THRESHOLD)
      .sort((a, b) => b.score - a.score || b.demand.id - a.demand.id)
      .slice(0, limit)
      .map((x) => ({ demand: x.demand, score: Math.round(x.score * 1000) / 1000 }));
  },

  /** Residents see their community's demands and their own; officials those in their scope. Newest first. */
  async list(
    ctx: Context,
    filter: DemandFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    updatedSince?: Date | null,
  ): Promise<Connection<Demand>> {
    const viewer = requireViewer(ctx.viewer);
    const feed = feedRequest(updatedSince, first, after);
    const page = feed ? { limit: 0, afterId: null } : pageRequest(first, after);
    const scope = await scopeCondition(ctx, viewer);
    const parts = [scope.sql];
    const params = [...scope.params];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replace('?', `$${params.length}`));
    };
    if (filter?.status) add('d.status = ?', filter.status);
    if (filter?.category) add('d.category = ?', filter.category);
    if (filter?.source) add('d.source = ?', filter.source);
    const search = filter?.search?.trim();
    if (search) {
      params.push(likePattern(search));
      parts.push(`(d.title ILIKE $${params.length} OR coalesce(d.description, '') ILIKE $${params.length})`);
    }
    if (filter?.regionId != null) {
      const rid = parseId(filter.regionId);
      const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
      if (!region) parts.push('FALSE');
      else if (region.level === 'DISTRICT') add('d.district_id = ?', region.id);
      else if (region.level === 'STREET') add('d.street_id = ?', region.id);
      else add('d.community_id = ?', region.id);
    }
    const where = parts.join(' AND ');
    if (feed) {
      const repo = ctx.db.getRepository(Demand);
      return feedList(ctx.db, {
        from: 'demand d',
        alias: 'd',
        where,
        params,
        feed,
        map: (r) => hydrate(repo, r),
      });
    }
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM demand d WHERE ${where}`,
      params,
    );
    let rows: Demand[] = [];
    if (page.limit > 0) {
      const p = [...params];
      let sql = `SELECT d.* FROM demand d WHERE ${where}`;
      if (page.afterId !== null) {
        p.push(page.afterId);
        sql += ` AND d.id < $${p.length}`;
      }
      p.push(page.limit + 1);
      sql += ` ORDER BY d.id DESC LIMIT $${p.length}`;
      const repo = ctx.db.getRepository(Demand);
      rows = ((await ctx.db.query(sql, p)) as Record<string, unknown>[]).map((r) => hydrate(repo, r));
    }
    return toConnection(rows, page, count);
  },

  /** A demand the viewer may see, else null. */
  async byId(ctx: Context, id: string): Promise<Demand | null> {
    requireViewer(ctx.viewer);
    const did = parseId(id);
    const demand = did === null ? null : await ctx.loaders.demands.demandById.load(did);
    return demand && (await canSee(ctx, demand)) ? demand : null;
  },

  async viewerSeconded(ctx: Context, demand: Demand): Promise<boolean> {
    const v = ctx.viewer;
    if (!v || v.role !== 'RESIDENT') return false;
    return ctx.loaders.demands.seconded.load(secondKey(v.userId, demand.id));
  },

  /** Whether the viewer may second it now (the UIs' +1 button). */
  async viewerCanSecond(ctx: Context, demand: Demand): Promise<boolean> {
    const v = ctx.viewer;
    if (!v || v.role !== 'RESIDENT' || demand.raisedBy === v.userId) return false;
    if (!OPEN_DEMAND_STATUSES.includes(demand.status)) return false;
    if ((await viewerHomeCommunityId(ctx)) !== demand.communityId) return false;
    return !(await demandService.viewerSeconded(ctx, demand));
  },
};
