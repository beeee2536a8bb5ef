// The inbox (消息) of the signed-in user and their preferences. What feeds it: notification-outbox.ts
// (written by every module in its own transaction) and notification-sender.ts (the worker).
import {
  RESIDENT_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  SMS_DEFAULT,
  type NotificationKind,
} from '@lc/domain';
import { requireViewer } from '../../auth/policy';
import { badInput } from '../../common/app-error';
import { pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import type { Context } from '../../context';
import { smsChannelAvailable } from './notification-channels';
import { Notification, type NotificationPreference, type NotificationsRead } from './notification.types';

function toNotification(r: Record<string, unknown>): Notification {
  const n = new Notification();
  n.id = r.id as number;
  n.kind = r.kind as NotificationKind;
  n.template = r.template as string;
  n.params = (r.params ?? {}) as Notification['params'];
  n.subjectType = (r.subject_type as Notification['subjectType']) ?? null;
  n.subjectId = (r.subject_id as number | null) ?? null;
  n.createdAt = r.created_at as Date;
  n.readAt = (r.read_at as Date | null) ?? null;
  return n;
}

async function unreadCount(ctx: Context, userId: number): Promise<number> {
  const [{ count }] = await ctx.db.query(
    `SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL`,
    [userId],
  );
  return count;
}

export const notificationService = {
  /** The signed-in user's inbox, newest first. */
  async inbox(
    ctx: Context,
    unreadOnly: boolean,
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<Notification>> {
    const viewer = requireViewer(ctx.viewer);
    const page = pageRequest(first, after);
    const unread = unreadOnly ? 'AND n.read_at IS NULL' : '';
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM notification n WHERE n.user_id = $1 ${unread}`,
      [viewer.userId],
    );
    const rows: Record<string, unknown>[] =
      page.limit === 0
        ? []
        : await ctx.db.query(
            `SELECT n.id, n.kind, n.created_at, n.read_at, e.template, e.params, e.subject_type, e.subject_id
             FROM notification n JOIN notification_event e ON e.id = n.event_id
             WHERE n.user_id = $1 ${unread} AND ($2::int IS NULL OR n.id < $2)
             ORDER BY n.id DESC LIMIT $3`,
            [viewer.userId, page.afterId, page.limit + 1],
          );
    return toConnection(rows.map(toNotification), page, count);
  },

  async unreadCount(ctx: Context): Promise<number> {
    const viewer = requireViewer(ctx.viewer);
    return unreadCount(ctx, viewer.userId);
  },

  /** Marks the given notifications (or all, when ids is null) of the signed-in user read. Others'
   * ids are ignored. */
  async markRead(ctx: Context, ids: readonly string[] | null): Promise<NotificationsRead> {
    const viewer = requireViewer(ctx.viewer);
    let marked: number;
    if (ids === null) {
      const [, affected]: [unknown, number] = await ctx.db.query(
        `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
        [viewer.userId],
      );
      marked = affected;
    } else {
      const parsed = ids.map(parseId);
      if (parsed.some((x) => x === null) || parsed.length > 500)
        throw badInput([{ field: 'ids', message: '无效的消息编号 / invalid notification ids' }]);
      const [, affected]: [unknown, number] = await ctx.db.query(
        `UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::int[]) AND read_at IS NULL`,
        [viewer.userId, parsed],
      );
      marked = affected;
    }
    return { marked, unread: await unreadCount(ctx, viewer.userId) };
  },

  /** Per kind: in-app always, SMS as set (or the kind's default). Residents see the resident kinds,
   * staff every kind. */
  async preferences(ctx: Context): Promise<NotificationPreference[]> {
    const viewer = requireViewer(ctx.viewer);
    const [user]: { has_phone: boolean }[] = await ctx.db.query(
      `SELECT phone_enc IS NOT NULL AS has_phone FROM app_user WHERE id = $1`,
      [viewer.userId],
    );
    const set: { kind: NotificationKind; sms: boolean }[] = await ctx.db.query(
      `SELECT kind, sms FROM notification_preference WHERE user_id = $1`,
      [viewer.userId],
    );
    const byKind = new Map(set.map((p) => [p.kind, p.sms]));
    const smsAvailable = !!user?.has_phone && smsChannelAvailable();
    const kinds = viewer.role === 'RESIDENT' ? RESIDENT_NOTIFICATION_KINDS : NOTIFICATION_KINDS;
    return kinds.map((kind) => ({
      kind,
      inApp: true,
      sms: byKind.get(kind) ?? SMS_DEFAULT[kind],
      smsAvailable,
    }));
  },

  /** Turns SMS on or off for a kind (in-app cannot be turned off). */
  async setPreference(ctx: Context, kind: NotificationKind, sms: boolean): Promise<NotificationPreference> {
    const viewer = requireViewer(ctx.viewer);
    await ctx.db.query(
      `INSERT INTO notification_preference (user_id, kind, sms) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET sms = EXCLUDED.sms, updated_at = now()`,
      [viewer.userId, kind, sms],
    );
    const all = await notificationService.preferences(ctx);
    return all.find((p) => p.kind === kind) ?? { kind, inApp: true, sms, smsAvailable: false };
  },
};
