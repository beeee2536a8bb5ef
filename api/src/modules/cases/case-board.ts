// The board (诉求工单) of a street, a center or a district: unfinished cases with the overdue ones
// first, then by deadline; counts by status and level; the map of open cases; the figures per street
// for the 运营看板. Keyset pages follow the board's order, so a page is one index range scan.
import { CASE_CLOCK_STATUSES, PAGE_DEFAULT, PAGE_MAX, type CaseLevel, type CaseStatus } from '@lc/domain';
import { canReadRegionFigures, caseScopeSql, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { badInput, FieldErrors, forbidden } from '../../common/app-error';
import { likePattern, parseId, type Connection } from '../../common/connection';
import type { Context } from '../../context';
import { caseRow } from './case.service';
import type { Case } from './case.entity';
import type { CaseFilter } from './dto/case.inputs';
import type { CaseBoard, CaseFigures, CaseMapPoint } from './dto/case.outputs';

/** The board's order: overdue first, then the nearest deadline, then id. */
const ORDER = `(c.overdue_at IS NULL), coalesce(c.deadline_at, 'infinity'::timestamptz), c.id`;
const CURSOR_PREFIX = 'b1:';

interface BoardCursor {
  onTime: boolean;
  deadline: string;
  id: number;
}

export function encodeBoardCursor(k: BoardCursor): string {
  return Buffer.from(`${CURSOR_PREFIX}${k.onTime ? 1 : 0}|${k.deadline}|${k.id}`, 'utf8').toString(
    'base64url',
  );
}

export function decodeBoardCursor(cursor: string): BoardCursor | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const [o, deadline, id] = text.slice(CURSOR_PREFIX.length).split('|');
  const n = Number(id);
  if ((o !== '0' && o !== '1') || !Number.isSafeInteger(n) || n <= 0) return null;
  if (deadline !== 'infinity' && Number.isNaN(Date.parse(deadline))) return null;
  return { onTime: o === '1', deadline, id: n };
}

/** WHERE of a board filter within the viewer's scope; unknown ids match nothing. */
export async function caseWhere(
  ctx: Context,
  viewer: Viewer,
  filter: CaseFilter | null | undefined,
): Promise<{ sql: string; params: unknown[] }> {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let s = sql;
    for (const v of values) {
      params.push(v);
      s = s.replace('?', `$${params.length}`);
    }
    parts.push(s);
  };
  const scope = caseScopeSql(
    viewer,
    { district: 'c.district_id', street: 'c.street_id', center: 'c.center_id' },
    1,
  );
  if (!scope) throw forbidden('诉求工单仅对工作人员开放 / the case board is for staff');
  add(scope.sql.replace('$1', '?'), scope.value);
  if (filter?.regionId != null) {
    const rid = parseId(filter.regionId);
    const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
    if (!region) add('c.id = ?', -1);
    else if (region.level === 'DISTRICT') add('c.district_id = ?', region.id);
    else if (region.level === 'STREET') add('c.street_id = ?', region.id);
    else add('c.community_id = ?', region.id);
  }
  if (filter?.centerId != null) add('c.center_id = ?', parseId(filter.centerId) ?? -1);
  if (filter?.statuses?.length) add('c.status = ANY(?::text[])', filter.statuses);
  if (!filter?.includeFinished) parts.push(`c.status NOT IN ('CLOSED','REJECTED')`);
  if (filter?.level) add('c.level = ?', filter.level);
  if (filter?.category) add('c.category = ?', filter.category);
  if (filter?.overdue === true)
    add('c.overdue_at IS NOT NULL AND c.status = ANY(?::text[])', CASE_CLOCK_STATUSES);
  if (filter?.overdue === false) parts.push('c.overdue_at IS NULL');
  if (filter?.mine) add('c.owner_id = ?', viewer.userId);
  const search = filter?.search?.trim();
  if (search) add('(c.description ILIKE ? OR c.address ILIKE ?)', likePattern(search), likePattern(search));
  return { sql: parts.join(' AND '), params };
}

/** Rows of the board in its order from a cursor on (at most `limit`). */
export async function boardRows(
  ctx: Context,
  where: { sql: string; params: unknown[] },
  after: BoardCursor | null,
  limit: number,
): Promise<(Case & { sortKey: BoardCursor })[]> {
  const params = [...where.params];
  let sql = `SELECT c.*, coalesce(c.deadline_at, 'infinity'::timestamptz)::text AS sort_deadline
             FROM resident_case c WHERE ${where.sql}`;
  if (after) {
    params.push(after.onTime, after.deadline, after.id);
    const n = params.length;
    sql += ` AND ((c.overdue_at IS NULL), coalesce(c.deadline_at, 'infinity'::timestamptz), c.id) > ($${n - 2}::boolean, $${n - 1}::timestamptz, $${n}::int)`;
  }
  params.push(limit);
  sql += ` ORDER BY ${ORDER} LIMIT $${params.length}`;
  const rows: Record<string, unknown>[] = await ctx.db.query(sql, params);
  return rows.map((r) => {
    const c = caseRow(ctx.db, r) as Case & { sortKey: BoardCursor };
    c.sortKey = { onTime: r.overdue_at === null, deadline: r.sort_deadline as string, id: c.id };
    ctx.loaders.cases.caseById.prime(c.id, c);
    return c;
  });
}

export const caseBoardService = {
  /** 诉求工单: the cases in scope, overdue first, then by deadline. */
  async list(
    ctx: Context,
    filter: CaseFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Case>> {
    const viewer = requireViewer(ctx.viewer);
    const limit = first ?? PAGE_DEFAULT;
    const e = new FieldErrors();
    e.check(Number.isInteger(limit) && limit >= 0, 'first', 'first 不能为负数 / first must be 0 or more');
    e.check(limit <= PAGE_MAX, 'first', `每页最多 ${PAGE_MAX} 条 / first must be at most ${PAGE_MAX}`);
    const cursor = after == null ? null : decodeBoardCursor(after);
    e.check(after == null || cursor !== null, 'after', '无效的分页游标 / unknown cursor');
    e.throwIfAny();
    const where = await caseWhere(ctx, viewer, filter);
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM resident_case c WHERE ${where.sql}`,
      where.params,
    );
    const rows = limit === 0 ? [] : await boardRows(ctx, where, cursor, limit + 1);
    const nodes = rows.slice(0, limit);
    const edges = nodes.map((node) => ({ cursor: encodeBoardCursor(node.sortKey), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > limit,
        endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      },
      totalCount: count,
    };
  },

  /** Unfinished cases by status and by level, with the overdue ones and those due within a day. */
  async board(ctx: Context, filter: CaseFilter | null | undefined): Promise<CaseBoard> {
    const viewer = requireViewer(ctx.viewer);
    const where = await caseWhere(ctx, viewer, { ...filter, statuses: null, includeFinished: false });
    const rows: { status: CaseStatus; level: CaseLevel; n: number; overdue: number; soon: number }[] =
      await ctx.db.query(
        `SELECT c.status, c.level, count(*)::int AS n,
                count(*) FILTER (WHERE c.overdue_at IS NOT NULL AND c.status = ANY($${where.params.length + 1}::text[]))::int AS overdue,
                count(*) FILTER (WHERE c.overdue_at IS NULL AND c.deadline_at < now() + interval '1 day')::int AS soon
         FROM resident_case c WHERE ${where.sql} GROUP BY c.status, c.level`,
        [...where.params, CASE_CLOCK_STATUSES],
      );
    const sum = <K extends 'status' | 'level'>(key: K) => {
      const by = new Map<string, { count: number; overdue: number }>();
      for (const r of rows) {
        const e = by.get(r[key]) ?? by.set(r[key], { count: 0, overdue: 0 }).get(r[key])!;
        e.count += r.n;
        e.overdue += r.overdue;
      }
      return [...by].map(([k, v]) => ({
        status: key === 'status' ? (k as CaseStatus) : null,
        level: key === 'level' ? (k as CaseLevel) : null,
        ...v,
      }));
    };
    return {
      total: rows.reduce((a, r) => a + r.n, 0),
      overdue: rows.reduce((a, r) => a + r.overdue, 0),
      dueSoon: rows.reduce((a, r) => a + r.soon, 0),
      byStatus: sum('status'),
      byLevel: sum('level'),
    };
  },

  /** Unfinished cases with a point, for the map (at most `limit`, overdue first). */
  async mapPoints(
    ctx: Context,
    filter: CaseFilter | null | undefined,
    limit = 2000,
  ): Promise<CaseMapPoint[]> {
    const viewer = requireViewer(ctx.viewer);
    const where = await caseWhere(ctx, viewer, { ...filter, includeFinished: false });
    const rows: {
      id: number;
      lat: number;
      lng: number;
      status: CaseStatus;
      level: CaseLevel;
      category: string;
      overdue_at: Date | null;
      deadline_at: Date | null;
    }[] = await ctx.db.query(
      `SELECT c.id, c.lat, c.lng, c.status, c.level, c.category, c.overdue_at, c.deadline_at
       FROM resident_case c WHERE ${where.sql} AND c.lat IS NOT NULL
       ORDER BY ${ORDER} LIMIT $${where.params.length + 1}`,
      [...where.params, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      lat: r.lat,
      lng: r.lng,
      status: r.status,
      level: r.level,
      category: r.category,
      overdue: r.overdue_at !== null && CASE_CLOCK_STATUSES.includes(r.status),
      deadlineAt: r.deadline_at,
    }));
  },

  /** Figures per street of a district (or of one street) over a period, for the 运营看板. Cases
   * reported in [from, to) are followed to their resolution; open and overdue are counted now. */
  async figures(
    ctx: Context,
    regionId: string,
    from: Date,
    to: Date,
  ): Promise<{ total: CaseFigures; streets: CaseFigures[] }> {
    const viewer = requireViewer(ctx.viewer);
    const rid = parseId(regionId);
    const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
    if (!region || region.level === 'COMMUNITY' || !canReadRegionFigures(viewer, region))
      throw badInput([{ field: 'regionId', message: '未知的区或街镇 / unknown district or street' }]);
    if (!(from.getTime() < to.getTime()))
      throw badInput([{ field: 'to', message: '结束须晚于开始 / to must be after from' }]);
    const byDistrict = region.level === 'DISTRICT';
    const rows: (Record<string, number | null> & { street_id: number | null; total: number })[] =
      await ctx.db.query(
        `SELECT c.street_id, GROUPING(c.street_id) AS total,
              count(*) FILTER (WHERE c.inp)::int AS reported,
              count(*) FILTER (WHERE c.status = ANY($4::text[]))::int AS open,
              count(*) FILTER (WHERE c.status = ANY($4::text[]) AND c.overdue_at IS NOT NULL)::int AS overdue,
              count(*) FILTER (WHERE c.inp AND c.resolved_at IS NOT NULL)::int AS resolved,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.reported_at) / 3600)
                FILTER (WHERE c.inp AND c.resolved_at IS NOT NULL) AS median_hours,
              avg((c.resolved_level = 'COMMUNITY')::int) FILTER (WHERE c.inp AND c.resolved_at IS NOT NULL) AS community_share,
              avg(c.follow_up_rating) FILTER (WHERE c.inp AND c.followed_up_at IS NOT NULL) AS rating,
              avg(c.follow_up_fixed::int) FILTER (WHERE c.inp AND c.followed_up_at IS NOT NULL) AS fixed,
              count(*) FILTER (WHERE c.inp AND c.followed_up_at IS NOT NULL)::int AS follow_ups
       FROM (SELECT *, reported_at >= $2 AND reported_at < $3 AS inp FROM resident_case
             WHERE ${byDistrict ? 'district_id' : 'street_id'} = $1) c
       GROUP BY GROUPING SETS ((c.street_id), ())`,
        [region.id, from, to, CASE_CLOCK_STATUSES],
      );
    const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000);
    const figures = (r: Record<string, number | null> | undefined, id: number): CaseFigures =>
      ({
        regionId: id,
        reported: r?.reported ?? 0,
        open: r?.open ?? 0,
        overdue: r?.overdue ?? 0,
        resolved: r?.resolved ?? 0,
        medianHoursToResolve: num(r?.median_hours),
        communityShare: num(r?.community_share),
        followUpRating: num(r?.rating),
        fixedShare: num(r?.fixed),
        followUps: r?.follow_ups ?? 0,
      }) as CaseFigures;
    const total = figures(
      rows.find((r) => r.total === 1),
      region.id,
    );
    if (!byDistrict) return { total, streets: [] };
    const streets: { id: number }[] = await ctx.db.query(
      `SELECT id FROM region WHERE level = 'STREET' AND district_id = $1 ORDER BY code, id`,
      [region.id],
    );
    return {
      total,
      streets: streets.map((st) =>
        figures(
          rows.find((r) => r.total === 0 && r.street_id === st.id),
          st.id,
        ),
      ),
    };
  },
};
