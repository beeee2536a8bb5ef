// The insert-only audit log of administrative acts: who (account, role, API key), when, from where
// (address, user agent), what (action, record) and the changed fields before → after. The table
// refuses UPDATE, DELETE and TRUNCATE (trigger, and privileges where the role allows); this module
// only ever inserts and reads. District admins read and export their district's acts.
import { AUDIT_ACTION_LABELS, ROLE_LABELS, type AuditAction, type Role } from '@lc/domain';
import { canReadAuditLog, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { badInput, forbidden } from '../../common/app-error';
import { encodeCursor, likePattern, pageRequest, parseId, type Connection } from '../../common/connection';
import { addTableSheet, newWorkbook, shanghaiDateStamp, workbookBuffer, XLSX_MIME } from '../../common/excel';
import type { Context } from '../../context';
import type { AuditEvent, AuditEventFilter } from './audit-log.types';

/** Anything that runs SQL: the data source, or an entity manager inside a transaction. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Who acts and from where: the request's viewer, address and user agent. */
export type AuditSource = Pick<Context, 'viewer' | 'ip'> & { userAgent?: string };

export interface AuditEntry {
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | number | null;
  targetLabel?: string | null;
  /** the district (and street) the act belongs to: whose admins read it */
  districtId: number | null;
  streetId?: number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

/** Records one act. Call it inside the transaction of the act itself, so neither exists without the other. */
export async function recordAudit(runner: SqlRunner, source: AuditSource, entry: AuditEntry): Promise<void> {
  await recordAudits(runner, source, [entry]);
}

/** Records several acts in one statement. */
export async function recordAudits(
  runner: SqlRunner,
  source: AuditSource,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (!entries.length) return;
  const v = source.viewer;
  await runner.query(
    `INSERT INTO audit_event (actor_id, actor_name, actor_role, api_key_id, ip, user_agent, action,
                              target_type, target_id, target_label, district_id, street_id, before, after, detail)
     SELECT $1, $2, $3, $4, $5, $6, e.action, e.target_type, e.target_id, e.target_label, e.district_id,
            e.street_id, e.before, e.after, e.detail
     FROM jsonb_to_recordset($7::jsonb) AS e(action text, target_type text, target_id text, target_label text,
                                             district_id int, street_id int, before jsonb, after jsonb, detail jsonb)`,
    [
      v?.userId ?? null,
      v?.displayName ?? '系统 / system',
      v?.role ?? null,
      v?.apiKey?.id ?? null,
      source.ip || null,
      source.userAgent ? source.userAgent.slice(0, 300) : null,
      JSON.stringify(
        entries.map((e) => ({
          action: e.action,
          target_type: e.targetType ?? null,
          target_id: e.targetId === null || e.targetId === undefined ? null : String(e.targetId),
          target_label: e.targetLabel ?? null,
          district_id: e.districtId,
          street_id: e.streetId ?? null,
          before: e.before === undefined ? null : e.before,
          after: e.after === undefined ? null : e.after,
          detail: e.detail === undefined ? null : e.detail,
        })),
      ),
    ],
  );
}

function toEvent(r: Record<string, unknown>): AuditEvent {
  const id = (x: unknown) => (x === null || x === undefined ? null : String(x));
  return {
    id: String(r.id),
    at: r.at as Date,
    actorId: id(r.actor_id),
    actorName: r.actor_name as string,
    actorRole: (r.actor_role as string | null) ?? null,
    apiKeyId: id(r.api_key_id),
    ip: (r.ip as string | null) ?? null,
    userAgent: (r.user_agent as string | null) ?? null,
    action: r.action as AuditAction,
    targetType: (r.target_type as string | null) ?? null,
    targetId: id(r.target_id),
    targetLabel: (r.target_label as string | null) ?? null,
    before: r.before ?? null,
    after: r.after ?? null,
    detail: r.detail ?? null,
  };
}

/** WHERE clause of the caller's district and the filter. */
function whereOf(
  viewer: Viewer,
  filter: AuditEventFilter | null | undefined,
): { sql: string; params: unknown[] } {
  if (!canReadAuditLog(viewer))
    throw forbidden('审计日志仅供区级管理员查看 / the audit log is for district admins');
  const parts = ['e.district_id = $1'];
  const params: unknown[] = [viewer.districtId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filter?.actorId != null) add('e.actor_id = ?', parseId(filter.actorId) ?? -1);
  if (filter?.action) add('e.action = ?', filter.action);
  if (filter?.from && filter?.to && filter.from >= filter.to)
    throw badInput([{ field: 'filter.to', message: '结束时间须晚于开始时间 / to must be after from' }]);
  if (filter?.from) add('e.at >= ?', filter.from);
  if (filter?.to) add('e.at < ?', filter.to);
  const search = filter?.search?.trim();
  if (search) add('(e.actor_name ILIKE ? OR e.target_label ILIKE ?)', likePattern(search));
  return { sql: parts.join(' AND '), params };
}

const EXPORT_MAX_ROWS = 50_000;

export const auditLogService = {
  /** The district's acts, newest first. */
  async list(
    ctx: Context,
    filter: AuditEventFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<AuditEvent>> {
    const viewer = requireViewer(ctx.viewer);
    const where = whereOf(viewer, filter);
    const page = pageRequest(first, after);
    const [{ count }] = (await ctx.db.query(
      `SELECT count(*)::int AS count FROM audit_event e WHERE ${where.sql}`,
      where.params,
    )) as { count: number }[];
    let rows: Record<string, unknown>[] = [];
    if (page.limit > 0) {
      const p = [...where.params];
      let sql = `SELECT e.* FROM audit_event e WHERE ${where.sql}`;
      if (page.afterId !== null) {
        p.push(page.afterId);
        sql += ` AND e.id < $${p.length}`;
      }
      p.push(page.limit + 1);
      sql += ` ORDER BY e.id DESC LIMIT $${p.length}`;
      rows = await ctx.db.query(sql, p);
    }
    const nodes = rows.slice(0, page.limit).map(toEvent);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(Number(node.id)), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > page.limit,
        endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      },
      totalCount: count,
    };
  },

  /** The filtered acts as an .xlsx workbook; the export is itself recorded. */
  async export(ctx: Context, filter: AuditEventFilter | null | undefined) {
    const viewer = requireViewer(ctx.viewer);
    const where = whereOf(viewer, filter);
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `SELECT e.* FROM audit_event e WHERE ${where.sql} ORDER BY e.id DESC LIMIT ${EXPORT_MAX_ROWS + 1}`,
      where.params,
    );
    if (rows.length > EXPORT_MAX_ROWS)
      throw badInput([
        {
          field: 'filter',
          message: `超过${EXPORT_MAX_ROWS}条，请缩小时间范围 / more than ${EXPORT_MAX_ROWS} rows: narrow the period`,
        },
      ]);
    const fmt = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
    const wb = newWorkbook();
    addTableSheet(
      wb,
      '审计日志',
      [
        { key: 'at', header: '时间', width: 22 },
        { key: 'actor', header: '操作人', width: 18 },
        { key: 'role', header: '角色', width: 14 },
        { key: 'apiKey', header: '接口密钥', width: 10 },
        { key: 'ip', header: '来源地址', width: 16 },
        { key: 'action', header: '操作', width: 16 },
        { key: 'target', header: '对象', width: 28 },
        { key: 'before', header: '变更前', width: 40 },
        { key: 'after', header: '变更后', width: 40 },
        { key: 'detail', header: '说明', width: 30 },
      ],
      rows.map((r) => {
        const e = toEvent(r);
        return {
          at: e.at,
          actor: e.actorName,
          role: e.actorRole ? (ROLE_LABELS[e.actorRole as Role]?.['zh-CN'] ?? e.actorRole) : '',
          apiKey: e.apiKeyId ?? '',
          ip: e.ip ?? '',
          action: AUDIT_ACTION_LABELS[e.action]?.['zh-CN'] ?? e.action,
          target: [e.targetType, e.targetId, e.targetLabel].filter(Boolean).join(' '),
          before: fmt(e.before),
          after: fmt(e.after),
          detail: fmt(e.detail),
        };
      }),
    );
    const buf = await workbookBuffer(wb);
    await recordAudit(ctx.db, ctx, {
      action: 'PERSONAL_DATA_EXPORTED',
      targetType: 'AUDIT_LOG',
      districtId: viewer.districtId,
      detail: { what: 'AUDIT_LOG', rows: rows.length, filter: filter ?? null },
    });
    return {
      fileName: `审计日志-${shanghaiDateStamp()}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: buf.toString('base64'),
    };
  },
};
