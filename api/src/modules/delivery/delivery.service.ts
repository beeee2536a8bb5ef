// Mobile delivery orders: 居民点单 → 中心接单 → 排期 → 配送 → 评价. The transition table lives in
// @lc/domain (DELIVERY_TRANSITIONS); transition() is the one place that enforces it.
import {
  DELIVERY_TRANSITIONS,
  ORDERABLE_MENUS,
  RATING_MAX,
  RATING_MIN,
  ORDER_NOTE_MAX_LENGTH,
  findDeliveryTransition,
  shanghaiDateTime,
  type DeliveryActor,
  type DeliveryStatus,
} from '@lc/domain';
import { canManage, officialScopeSql, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import {
  AppError,
  badInput,
  cleanText,
  conflict,
  forbidden,
  notFound,
  type FieldError,
} from '../../common/app-error';
import { pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import { feedList, feedRequest } from '../../common/change-feed';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../context';
import { notify } from '../notifications/notification-outbox';
import { emitEvent } from '../webhooks/outbox';
import type { ServiceItem } from '../services/service-item.entity';
import { offerableAt } from '../services/service-menu.service';
import type { User } from '../users/user.entity';
import { DeliveryOrder, type DeliveryOrderEvent } from './delivery-order.entity';
import type { DeliveryOrderFilter, OrderMobileServiceInput } from './dto/delivery.inputs';
import type { DeliveryDemand } from './dto/delivery.outputs';

/** A scheduled date may lie at most this far in the past (clock skew, same-day entry). */
const SCHEDULE_GRACE_MS = 60 * 60 * 1000;

export interface TransitionArgs {
  to: DeliveryStatus;
  reason?: string | null;
  scheduledFor?: Date | null;
  rating?: number | null;
  comment?: string | null;
}

/** The role a viewer plays for an order: the resident who placed it, staff managing its center, or none. */
export function actorFor(viewer: Viewer | null, order: DeliveryOrder): DeliveryActor | null {
  if (!viewer) return null;
  if (viewer.role === 'RESIDENT') return viewer.userId === order.residentId ? 'RESIDENT' : null;
  return canManage(viewer, order) ? 'STAFF' : null;
}

/** May the viewer see this order at all? Residents their own, staff the orders in their scope,
 * evaluators those of their district. */
function canSee(viewer: Viewer, order: DeliveryOrder): boolean {
  if (actorFor(viewer, order)) return true;
  return viewer.role === 'EVALUATOR' && viewer.districtId === order.districtId;
}

/** The statuses the viewer may move the order to now (for the UIs' buttons). */
export function viewerTransitions(viewer: Viewer | null, order: DeliveryOrder): DeliveryStatus[] {
  const actor = actorFor(viewer, order);
  if (!actor) return [];
  return DELIVERY_TRANSITIONS.filter((t) => t.from === order.status && t.by === actor).map((t) => t.to);
}

/** SQL condition and parameters restricting orders to what the viewer may see. */
function scopeCondition(viewer: Viewer): { sql: string; params: unknown[] } {
  switch (viewer.role) {
    case 'RESIDENT':
      return { sql: 'o.resident_id = $1', params: [viewer.userId] };
    case 'CENTER_STAFF':
      return { sql: 'o.center_id = $1', params: [viewer.centerId ?? -1] };
    case 'STREET_ADMIN':
      return { sql: 'o.street_id = $1', params: [viewer.streetId ?? -1] };
    case 'DISTRICT_ADMIN':
    case 'EVALUATOR':
      return { sql: 'o.district_id = $1', params: [viewer.districtId ?? -1] };
    case 'INTEGRATOR': {
      // keys with READ_LISTS read the orders of their region (never who ordered: see resident())
      const scope = officialScopeSql(viewer, { district: 'o.district_id', street: 'o.street_id' }, 1);
      if (!scope) throw forbidden('orders are personal data of residents');
      return { sql: scope.sql, params: [scope.value] };
    }
  }
}

/** WHERE clause for a filter within the viewer's scope; unknown ids match nothing. */
async function whereFor(
  ctx: Context,
  viewer: Viewer,
  filter: DeliveryOrderFilter | null | undefined,
): Promise<{ sql: string; params: unknown[] }> {
  const scope = scopeCondition(viewer);
  const parts = [scope.sql];
  const params = [...scope.params];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (filter?.centerId != null) add('o.center_id = ?', parseId(filter.centerId) ?? -1);
  if (filter?.serviceId != null) add('o.service_id = ?', parseId(filter.serviceId) ?? -1);
  if (filter?.status) add('o.status = ?', filter.status);
  if (filter?.regionId != null) {
    const rid = parseId(filter.regionId);
    const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
    if (!region) add('FALSE AND o.id = ?', 0);
    else if (region.level === 'DISTRICT') add('o.district_id = ?', region.id);
    else if (region.level === 'STREET') add('o.street_id = ?', region.id);
    else add('o.center_id IN (SELECT center_id FROM center_community WHERE community_id = ?)', region.id);
  }
  return { sql: parts.join(' AND '), params };
}

/** DELIVERY_ORDER_STATUS_CHANGED in the transaction of the change (never who ordered). */
function emitOrderEvent(em: EntityManager, order: DeliveryOrder, from: DeliveryStatus | null) {
  return emitEvent(em, {
    type: 'DELIVERY_ORDER_STATUS_CHANGED',
    recordType: 'delivery_order',
    recordId: order.id,
    districtId: order.districtId,
    streetId: order.streetId,
    centerId: order.centerId,
    data: {
      orderId: String(order.id),
      serviceId: String(order.serviceId),
      centerId: String(order.centerId),
      from,
      to: order.status,
      scheduledFor: order.scheduledFor,
      reason: order.reason,
      rating: order.rating,
    },
  });
}

export const deliveryService = {
  /** 居民点单. A repeated order of the same item for the same center while one is still open returns
   * that open order: a double submit or a retry never makes two. */
  async order(ctx: Context, input: OrderMobileServiceInput): Promise<DeliveryOrder> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.role !== 'RESIDENT') throw forbidden('only residents order services');
    const serviceId = parseId(input.serviceId);
    const centerId = parseId(input.centerId);
    const [item, center] = await Promise.all([
      serviceId === null ? null : ctx.loaders.services.serviceById.load(serviceId),
      centerId === null ? null : ctx.loaders.places.centerById.load(centerId),
    ]);
    const errors: FieldError[] = [];
    if (!center) errors.push({ field: 'input.centerId', message: '未知服务中心 / unknown center' });
    if (!item || item.retiredAt)
      errors.push({ field: 'input.serviceId', message: '未知服务项目 / unknown service item' });
    else if (!ORDERABLE_MENUS.includes(item.menu))
      errors.push({
        field: 'input.serviceId',
        message: '只能点单流动配送或街镇特色项目 / only mobile and street-featured items can be ordered',
      });
    else if (center && !offerableAt(item, center))
      errors.push({
        field: 'input.serviceId',
        message: '该项目不配送到这个中心 / the item is not delivered to this center',
      });
    if (errors.length) throw badInput(errors);
    const note = cleanText(input.note);
    return ctx.db.transaction(async (em) => {
      const inserted: Record<string, unknown>[] = await em.query(
        `INSERT INTO delivery_order (resident_id, service_id, center_id, district_id, street_id, note, status, version)
         VALUES ($1, $2, $3, $4, $5, $6, 'REQUESTED', 1)
         ON CONFLICT (resident_id, service_id, center_id) WHERE status IN ('REQUESTED','ACCEPTED','SCHEDULED')
         DO NOTHING RETURNING *`,
        [viewer.userId, item!.id, center!.id, center!.districtId, center!.streetId, note],
      );
      const repo = em.getRepository(DeliveryOrder);
      if (!inserted.length) {
        return repo.findOneOrFail({
          where: { residentId: viewer.userId, serviceId: item!.id, centerId: center!.id },
          order: { id: 'DESC' },
        });
      }
      const order = hydrate(repo, inserted[0]);
      await em.query(
        `INSERT INTO delivery_order_event (order_id, from_status, to_status, actor_id, reason) VALUES ($1, NULL, 'REQUESTED', $2, $3)`,
        [order.id, viewer.userId, note],
      );
      await emitOrderEvent(em, order, null);
      return order;
    });
  },

  /** The one place order transitions happen: checks the table, who may make the move and what it
   * needs, then moves the order only if nobody moved it meanwhile (else CONFLICT). */
  async transition(ctx: Context, id: string, args: TransitionArgs): Promise<DeliveryOrder> {
    const viewer = requireViewer(ctx.viewer);
    const oid = parseId(id);
    const repo = ctx.db.getRepository(DeliveryOrder);
    const order = oid === null ? null : await repo.findOneBy({ id: oid });
    // Orders are personal: one outside the caller's scope answers like a missing one.
    if (!order || !canSee(viewer, order)) throw notFound('delivery order');
    const t = findDeliveryTransition(order.status, args.to);
    if (!t) {
      if (order.status === args.to) {
        throw conflict(`订单已是“${args.to}”状态 / the order is already ${args.to}`);
      }
      throw badInput(
        [
          {
            field: 'to',
            message: `订单不能从 ${order.status} 变为 ${args.to} / not allowed from ${order.status}`,
          },
        ],
        '不允许的状态变更 / transition not allowed',
      );
    }
    const actor = actorFor(viewer, order);
    if (actor !== t.by) {
      throw forbidden(
        t.by === 'RESIDENT'
          ? '只有点单的居民可以这样做 / only the resident who ordered may do this'
          : '只有服务中心的工作人员可以这样做 / only the center staff may do this',
      );
    }
    const errors: FieldError[] = [];
    const reason = cleanText(args.reason);
    const comment = cleanText(args.comment);
    if (t.needs.includes('reason') && !reason)
      errors.push({ field: 'reason', message: '请填写原因 / a reason is required' });
    if (reason && reason.length > ORDER_NOTE_MAX_LENGTH)
      errors.push({ field: 'reason', message: `原因不能超过${ORDER_NOTE_MAX_LENGTH}个字 / reason too long` });
    if (t.needs.includes('scheduledFor')) {
      if (!args.scheduledFor)
        errors.push({ field: 'scheduledFor', message: '请选择配送日期 / a date is required' });
      else if (args.scheduledFor.getTime() < Date.now() - SCHEDULE_GRACE_MS)
        errors.push({ field: 'scheduledFor', message: '配送日期不能早于今天 / the date is in the past' });
    }
    if (t.needs.includes('rating')) {
      const r = args.rating;
      if (r === null || r === undefined || !Number.isInteger(r) || r < RATING_MIN || r > RATING_MAX)
        errors.push({
          field: 'rating',
          message: `评分须为${RATING_MIN}–${RATING_MAX}分 / rating must be 1–5`,
        });
    }
    if (comment && comment.length > ORDER_NOTE_MAX_LENGTH)
      errors.push({
        field: 'comment',
        message: `评价不能超过${ORDER_NOTE_MAX_LENGTH}个字 / comment too long`,
      });
    if (errors.length) throw badInput(errors);

    const sets: string[] = ['status = $3', 'version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [order.id, order.version, args.to];
    const set = (col: string, value: unknown) => {
      params.push(value);
      sets.push(`${col} = $${params.length}`);
    };
    if (t.needs.includes('scheduledFor')) set('scheduled_for', args.scheduledFor);
    if (args.to === 'REJECTED' || args.to === 'CANCELLED') set('reason', reason);
    if (args.to === 'DELIVERED') sets.push('delivered_at = now()');
    if (args.to === 'RATED') {
      set('rating', args.rating);
      set('comment', comment);
    }
    return ctx.db.transaction(async (em) => {
      // TypeORM answers an UPDATE with [rows, affected]
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE delivery_order SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *`,
        params,
      );
      if (!rows.length) {
        throw new AppError(
          'CONFLICT',
          '订单已被他人处理，请刷新 / the order was changed by someone else; reload',
          undefined,
          {
            id: String(order.id),
          },
        );
      }
      await em.query(
        `INSERT INTO delivery_order_event (order_id, from_status, to_status, actor_id, reason, scheduled_for, rating)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          order.id,
          order.status,
          args.to,
          viewer.userId,
          reason ?? comment,
          t.needs.includes('scheduledFor') ? args.scheduledFor : null,
          args.to === 'RATED' ? args.rating : null,
        ],
      );
      if (t.by === 'STAFF') {
        // the resident hears of every move staff make on their order
        const [service, center] = await Promise.all([
          ctx.loaders.services.serviceById.load(order.serviceId),
          ctx.loaders.places.centerById.load(order.centerId),
        ]);
        const detail =
          args.to === 'REJECTED'
            ? `原因 / reason: ${reason}`
            : t.needs.includes('scheduledFor') && args.scheduledFor
              ? shanghaiDateTime(args.scheduledFor)
              : null;
        await notify(em, {
          kind: 'DELIVERY_ORDER',
          template: 'delivery.status',
          params: {
            service: service?.name ?? '',
            center: center?.name ?? '',
            status: { label: 'deliveryStatus', code: args.to },
            detail,
          },
          subject: { type: 'DELIVERY_ORDER', id: order.id },
          to: { userIds: [order.residentId] },
          except: viewer.userId,
        });
      }
      const moved = hydrate(repo, rows[0]);
      await emitOrderEvent(em, moved, order.status);
      return moved;
    });
  },

  /** Residents see their own orders, staff those of the centers in their scope; newest first. */
  async list(
    ctx: Context,
    filter: DeliveryOrderFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    updatedSince?: Date | null,
  ): Promise<Connection<DeliveryOrder>> {
    const viewer = requireViewer(ctx.viewer);
    const feed = feedRequest(updatedSince, first, after);
    const page = feed ? { limit: 0, afterId: null } : pageRequest(first, after);
    const where = await whereFor(ctx, viewer, filter);
    if (feed) {
      const repo = ctx.db.getRepository(DeliveryOrder);
      return feedList(ctx.db, {
        from: 'delivery_order o',
        alias: 'o',
        where: where.sql,
        params: where.params,
        feed,
        map: (r) => hydrate(repo, r),
      });
    }
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM delivery_order o WHERE ${where.sql}`,
      where.params,
    );
    let rows: DeliveryOrder[] = [];
    if (page.limit > 0) {
      const params = [...where.params];
      let sql = `SELECT o.* FROM delivery_order o WHERE ${where.sql}`;
      if (page.afterId !== null) {
        params.push(page.afterId);
        sql += ` AND o.id < $${params.length}`;
      }
      params.push(page.limit + 1);
      sql += ` ORDER BY o.id DESC LIMIT $${params.length}`;
      const repo = ctx.db.getRepository(DeliveryOrder);
      rows = ((await ctx.db.query(sql, params)) as Record<string, unknown>[]).map((r) => hydrate(repo, r));
    }
    return toConnection(rows, page, count);
  },

  /** Orders grouped by item, most residents first. */
  async demand(ctx: Context, filter: DeliveryOrderFilter | null | undefined): Promise<DeliveryDemand[]> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.role === 'RESIDENT') throw forbidden('for center staff and officials');
    const where = await whereFor(ctx, viewer, filter);
    const rows: {
      service_id: number;
      orders: number;
      residents: number;
      centers: number;
      first_at: Date;
      last_at: Date;
    }[] = await ctx.db.query(
      `SELECT o.service_id, count(*)::int AS orders, count(DISTINCT o.resident_id)::int AS residents,
              count(DISTINCT o.center_id)::int AS centers, min(o.requested_at) AS first_at, max(o.requested_at) AS last_at
       FROM delivery_order o WHERE ${where.sql}
       GROUP BY o.service_id ORDER BY residents DESC, orders DESC, o.service_id LIMIT 200`,
      where.params,
    );
    const items = await ctx.loaders.services.serviceById.loadMany(rows.map((r) => r.service_id));
    return rows.map((r, i) => ({
      serviceId: r.service_id,
      service: items[i] as ServiceItem,
      orderCount: r.orders,
      residentCount: r.residents,
      centerCount: r.centers,
      firstRequestedAt: r.first_at,
      lastRequestedAt: r.last_at,
    }));
  },

  events(ctx: Context, order: DeliveryOrder): Promise<DeliveryOrderEvent[]> {
    return ctx.loaders.delivery.eventsByOrder.load(order.id);
  },

  /** Who ordered: the resident themself, or staff handling the order (shown masked). */
  async resident(ctx: Context, order: DeliveryOrder): Promise<User | null> {
    if (ctx.viewer?.role === 'INTEGRATOR') return null;
    return ctx.loaders.delivery.userById.load(order.residentId);
  },
};
