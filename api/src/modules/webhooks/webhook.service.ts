// Webhook subscriptions (开放接口 → 推送订阅): a district admin registers URLs for the district (or
// for an integrator's key); a key with MANAGE_WEBHOOKS registers its own. Each subscription has its
// own signing secret (stored encrypted: it is needed to sign). Deliveries and their attempts are
// readable, a delivery can be replayed, and a test event can be sent. Changes are audited.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { WEBHOOK_EVENT_PERMISSION, type WebhookDeliveryStatus, type WebhookEventType } from '@lc/domain';
import type { EntityManager } from 'typeorm';
import { canManageWebhook, requireViewer } from '../../auth/policy';
import { encryptPersonal } from '../../auth/phone-crypto';
import type { Viewer } from '../../auth/viewer';
import { FieldErrors, forbidden, notFound } from '../../common/app-error';
import { pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { config } from '../../config';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import { emitEvent } from './outbox';
import type {
  CreateWebhookInput,
  CreatedWebhook,
  UpdateWebhookInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookSubscription,
} from './webhook.types';
import { isPrivateAddress } from './webhook-worker';

const URL_MAX_LENGTH = 500;

export function toSubscription(r: Record<string, unknown>): WebhookSubscription {
  return {
    id: r.id as number,
    name: r.name as string,
    url: r.url as string,
    eventTypes: r.event_types as WebhookEventType[],
    active: r.active as boolean,
    regionId: r.region_id as number,
    districtId: r.district_id as number,
    streetId: (r.street_id as number | null) ?? null,
    apiKeyId: (r.api_key_id as number | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  };
}

export function toDelivery(r: Record<string, unknown>): WebhookDelivery {
  return {
    id: Number(r.id),
    subscriptionId: r.subscription_id as number,
    eventId: String(r.event_id),
    eventType: r.event_type as WebhookEventType,
    recordType: r.record_type as string,
    recordId: r.record_id as string,
    data: r.payload,
    occurredAt: r.occurred_at as Date,
    status: r.status as WebhookDeliveryStatus,
    attempts: r.attempts as number,
    nextAttemptAt: r.status === 'PENDING' ? (r.next_attempt_at as Date) : null,
    lastStatusCode: (r.last_status_code as number | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    deliveredAt: (r.delivered_at as Date | null) ?? null,
    replayOf: r.replay_of === null || r.replay_of === undefined ? null : String(r.replay_of),
    createdAt: r.created_at as Date,
  };
}

export function toAttempt(r: Record<string, unknown>): WebhookAttempt {
  return {
    deliveryId: Number(r.delivery_id),
    attempt: r.attempt as number,
    at: r.at as Date,
    statusCode: (r.status_code as number | null) ?? null,
    error: (r.error as string | null) ?? null,
    durationMs: r.duration_ms as number,
    responseExcerpt: (r.response_excerpt as string | null) ?? null,
  };
}

function checkUrl(raw: string, errors: FieldErrors, field: string): string {
  const url = raw.trim();
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || url.length > URL_MAX_LENGTH) {
    errors.add(field, '请填写 http:// 或 https:// 开头的网址 / an http:// or https:// URL is needed');
  } else if (parsed.username || parsed.password) {
    errors.add(field, '网址中不能包含用户名或密码 / no credentials in the URL');
  } else if (!config.webhooks.allowPrivateTargets) {
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || (isIP(host) && isPrivateAddress(host)))
      errors.add(field, '不能推送到内网地址 / private addresses are not allowed');
  }
  return url;
}

function checkEventTypes(
  viewer: Viewer,
  types: readonly WebhookEventType[],
  errors: FieldErrors,
  field: string,
): WebhookEventType[] {
  const list = [...new Set(types)].filter((t) => t !== 'TEST');
  if (!list.length) errors.add(field, '请至少选择一种事件 / choose at least one event type');
  if (viewer.apiKey) {
    const missing = list.filter((t) => !viewer.apiKey!.permissions.includes(WEBHOOK_EVENT_PERMISSION[t]));
    if (missing.length)
      errors.add(field, `接口密钥没有读取这些事件的权限 / the key may not receive: ${missing.join(', ')}`);
  }
  return list;
}

async function loadSubscription(db: { query: EntityManager['query'] }, id: number, lock = false) {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT * FROM webhook_subscription WHERE id = $1 AND deleted_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toSubscription(rows[0]) : null;
}

/** A subscription the viewer manages, else NOT_FOUND. */
async function managed(
  ctx: Context,
  db: { query: EntityManager['query'] },
  id: string | number,
  lock = false,
) {
  const viewer = requireViewer(ctx.viewer);
  const sid = parseId(String(id));
  const sub = sid === null ? null : await loadSubscription(db, sid, lock);
  if (!sub || !canManageWebhook(viewer, sub)) throw notFound('webhook subscription');
  return { viewer, sub };
}

const auditView = (s: WebhookSubscription) => ({
  name: s.name,
  url: s.url,
  eventTypes: s.eventTypes,
  active: s.active,
});

export const webhookService = {
  async list(
    ctx: Context,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<WebhookSubscription>> {
    const viewer = requireViewer(ctx.viewer);
    const page = pageRequest(first, after);
    let where: string;
    let params: unknown[];
    if (viewer.apiKey) {
      if (!viewer.apiKey.permissions.includes('MANAGE_WEBHOOKS'))
        throw forbidden('the key may not manage webhooks');
      where = 'api_key_id = $1';
      params = [viewer.apiKey.id];
    } else {
      if (!canManageWebhook(viewer, { districtId: viewer.districtId ?? -1, apiKeyId: null }))
        throw forbidden('推送订阅由区级管理员管理 / webhooks are managed by district admins');
      where = 'district_id = $1';
      params = [viewer.districtId];
    }
    where += ' AND deleted_at IS NULL';
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM webhook_subscription WHERE ${where}`,
      params,
    );
    const p = [...params];
    let sql = `SELECT * FROM webhook_subscription WHERE ${where}`;
    if (page.afterId !== null) {
      p.push(page.afterId);
      sql += ` AND id < $${p.length}`;
    }
    p.push(page.limit + 1);
    sql += ` ORDER BY id DESC LIMIT $${p.length}`;
    const rows = page.limit > 0 ? ((await ctx.db.query(sql, p)) as Record<string, unknown>[]) : [];
    return toConnection(rows.map(toSubscription), page, count);
  },

  async create(ctx: Context, input: CreateWebhookInput): Promise<CreatedWebhook> {
    const viewer = requireViewer(ctx.viewer);
    const errors = new FieldErrors();
    const name = input.name.trim();
    errors.check(
      name.length > 0 && name.length <= 80,
      'input.name',
      '请填写名称（80字以内） / a name is needed',
    );
    const url = checkUrl(input.url, errors, 'input.url');
    const eventTypes = checkEventTypes(viewer, input.eventTypes, errors, 'input.eventTypes');
    // where: the key's own region for a key; for the district admin a region of the district
    let regionId: number | null = null;
    let apiKeyId: number | null = null;
    if (viewer.apiKey) {
      apiKeyId = viewer.apiKey.id;
      regionId = viewer.streetId ?? viewer.districtId;
      if (input.regionId != null && parseId(input.regionId) !== regionId)
        errors.add('input.regionId', '接口密钥只能订阅其所属区域 / a key subscribes in its own region');
    } else {
      regionId = parseId(input.regionId ?? String(viewer.districtId));
      if (input.apiKeyId != null) {
        const kid = parseId(input.apiKeyId);
        const rows: { id: number; district_id: number }[] =
          kid === null ? [] : await ctx.db.query(`SELECT id, district_id FROM api_key WHERE id = $1`, [kid]);
        if (!rows[0] || rows[0].district_id !== viewer.districtId)
          errors.add('input.apiKeyId', '未知的接口密钥 / unknown API key');
        else apiKeyId = rows[0].id;
      }
    }
    const region = regionId === null ? null : await ctx.loaders.places.regionById.load(regionId);
    if (!region || region.level === 'COMMUNITY')
      errors.add('input.regionId', '请选择区或街镇 / choose a district or a street');
    const districtId = region ? (region.level === 'DISTRICT' ? region.id : region.districtId) : null;
    if (region && !canManageWebhook(viewer, { districtId: districtId ?? -1, apiKeyId }))
      throw forbidden('只能订阅本区的事件 / only events of your own district');
    errors.throwIfAny();
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const sub = await ctx.db.transaction(async (em) => {
      const [row]: Record<string, unknown>[] = await em.query(
        `INSERT INTO webhook_subscription (name, url, event_types, secret_enc, region_id, district_id, street_id, api_key_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          name,
          url,
          eventTypes,
          encryptPersonal(secret),
          region!.id,
          districtId,
          region!.level === 'STREET' ? region!.id : null,
          apiKeyId,
          viewer.userId,
        ],
      );
      const s = toSubscription(row);
      await recordAudit(em, ctx, {
        action: 'WEBHOOK_CREATED',
        targetType: 'WEBHOOK',
        targetId: s.id,
        targetLabel: s.name,
        districtId: s.districtId,
        streetId: s.streetId,
        after: auditView(s),
      });
      return s;
    });
    return { subscription: sub, secret };
  },

  async update(ctx: Context, id: string, input: UpdateWebhookInput): Promise<WebhookSubscription> {
    return ctx.db.transaction(async (em) => {
      const { viewer, sub } = await managed(ctx, em, id, true);
      const errors = new FieldErrors();
      const name = input.name == null ? null : input.name.trim();
      if (name !== null)
        errors.check(
          name.length > 0 && name.length <= 80,
          'input.name',
          '请填写名称（80字以内） / a name is needed',
        );
      const url = input.url == null ? null : checkUrl(input.url, errors, 'input.url');
      const eventTypes =
        input.eventTypes == null
          ? null
          : checkEventTypes(viewer, input.eventTypes, errors, 'input.eventTypes');
      errors.throwIfAny();
      const [[row]]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE webhook_subscription SET name = coalesce($2, name), url = coalesce($3, url),
                event_types = coalesce($4, event_types), active = coalesce($5, active), updated_at = now()
         WHERE id = $1 RETURNING *`,
        [sub.id, name, url, eventTypes, input.active ?? null],
      );
      const after = toSubscription(row);
      await recordAudit(em, ctx, {
        action: 'WEBHOOK_CHANGED',
        targetType: 'WEBHOOK',
        targetId: after.id,
        targetLabel: after.name,
        districtId: after.districtId,
        streetId: after.streetId,
        before: auditView(sub),
        after: auditView(after),
      });
      return after;
    });
  },

  /** Stops the subscription for good; its delivery log stays readable in the audit trail. */
  async remove(ctx: Context, id: string): Promise<boolean> {
    return ctx.db.transaction(async (em) => {
      const { sub } = await managed(ctx, em, id, true);
      await em.query(
        `UPDATE webhook_subscription SET deleted_at = now(), active = false, updated_at = now() WHERE id = $1`,
        [sub.id],
      );
      await em.query(
        `UPDATE webhook_delivery SET status = 'FAILED', last_error = 'subscription deleted', leased_until = NULL
         WHERE subscription_id = $1 AND status = 'PENDING'`,
        [sub.id],
      );
      await recordAudit(em, ctx, {
        action: 'WEBHOOK_DELETED',
        targetType: 'WEBHOOK',
        targetId: sub.id,
        targetLabel: sub.name,
        districtId: sub.districtId,
        streetId: sub.streetId,
        before: auditView(sub),
      });
      return true;
    });
  },

  async byId(ctx: Context, id: string): Promise<WebhookSubscription | null> {
    try {
      return (await managed(ctx, ctx.db, id)).sub;
    } catch {
      return null;
    }
  },

  /** The subscription's deliveries, newest first. */
  async deliveries(
    ctx: Context,
    sub: WebhookSubscription,
    status: WebhookDeliveryStatus | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<WebhookDelivery>> {
    const page = pageRequest(first, after);
    const params: unknown[] = [sub.id];
    let where = 'd.subscription_id = $1';
    if (status) {
      params.push(status);
      where += ` AND d.status = $${params.length}`;
    }
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM webhook_delivery d WHERE ${where}`,
      params,
    );
    const p = [...params];
    let sql = `SELECT d.*, e.event_type, e.record_type, e.record_id, e.payload, e.occurred_at
               FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id WHERE ${where}`;
    if (page.afterId !== null) {
      p.push(page.afterId);
      sql += ` AND d.id < $${p.length}`;
    }
    p.push(page.limit + 1);
    sql += ` ORDER BY d.id DESC LIMIT $${p.length}`;
    const rows = page.limit > 0 ? ((await ctx.db.query(sql, p)) as Record<string, unknown>[]) : [];
    return toConnection(rows.map(toDelivery), page, count);
  },

  /** Sends the delivery's event again as a new delivery (the original keeps its log). */
  async replay(ctx: Context, deliveryId: string): Promise<WebhookDelivery> {
    const did = parseId(deliveryId);
    return ctx.db.transaction(async (em) => {
      const rows: Record<string, unknown>[] =
        did === null ? [] : await em.query(`SELECT * FROM webhook_delivery WHERE id = $1`, [did]);
      if (!rows[0]) throw notFound('webhook delivery');
      const { sub } = await managed(ctx, em, rows[0].subscription_id as number);
      const [created]: Record<string, unknown>[] = await em.query(
        `INSERT INTO webhook_delivery (subscription_id, event_id, record_key, replay_of)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [sub.id, rows[0].event_id, rows[0].record_key, did],
      );
      await recordAudit(em, ctx, {
        action: 'WEBHOOK_REPLAYED',
        targetType: 'WEBHOOK',
        targetId: sub.id,
        targetLabel: sub.name,
        districtId: sub.districtId,
        streetId: sub.streetId,
        detail: { deliveryId: did, replayId: created.id },
      });
      const [full]: Record<string, unknown>[] = await em.query(
        `SELECT d.*, e.event_type, e.record_type, e.record_id, e.payload, e.occurred_at
         FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id WHERE d.id = $1`,
        [created.id],
      );
      return toDelivery(full);
    });
  },

  /** A TEST event for one subscription (the "send a test event" button). */
  async sendTest(ctx: Context, id: string): Promise<WebhookDelivery> {
    return ctx.db.transaction(async (em) => {
      const { sub, viewer } = await managed(ctx, em, id);
      const eventId = await emitEvent(
        em,
        {
          type: 'TEST',
          recordType: 'webhook_subscription',
          recordId: sub.id,
          districtId: sub.districtId,
          streetId: sub.streetId,
          data: {
            message: '测试事件 / test event',
            subscriptionId: String(sub.id),
            sentBy: viewer.displayName,
          },
        },
        sub.id,
      );
      const [full]: Record<string, unknown>[] = await em.query(
        `SELECT d.*, e.event_type, e.record_type, e.record_id, e.payload, e.occurred_at
         FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id WHERE d.event_id = $1`,
        [eventId],
      );
      return toDelivery(full);
    });
  },
};
