// The sender worker: takes outbox events (notification_event) nobody has processed, works out their
// recipients, lets every channel record its copy in the same transaction, marks the events
// processed, then lets external channels send. Several processes may run it at once: events are
// taken with FOR UPDATE SKIP LOCKED, so each is expanded by exactly one of them.
import type { DataSource } from 'typeorm';
import type { NotificationKind } from '@lc/domain';
import { every } from '../../common/periodic';
import { config } from '../../config';
import type { Worker } from '../../workers';
import {
  createSmsChannel,
  inAppChannel,
  type NotificationChannel,
  type Recipient,
} from './notification-channels';

const EVENTS_PER_BATCH = 500;

export const defaultChannels = (): NotificationChannel[] => [inAppChannel, createSmsChannel()];

/** Expands one batch of pending events; answers how many events it processed (0: none left). */
export async function fanOutBatch(
  db: DataSource,
  channels: readonly NotificationChannel[],
  batch = EVENTS_PER_BATCH,
): Promise<number> {
  return db.transaction(async (em) => {
    const events: { id: number }[] = await em.query(
      `SELECT id FROM notification_event WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batch],
    );
    if (!events.length) return 0;
    const ids = events.map((e) => e.id);
    // Recipients: named users, residents whose home center is the center, residents of the
    // communities; active accounts only, never the one who caused it.
    const rows: { event_id: number; user_id: number; kind: NotificationKind; created_at: Date }[] =
      await em.query(
        `WITH ev AS (SELECT * FROM notification_event WHERE id = ANY($1::int[])),
         r AS (
           SELECT ev.id AS event_id, u.user_id FROM ev CROSS JOIN LATERAL unnest(ev.audience_user_ids) AS u(user_id)
           UNION
           SELECT ev.id, a.id FROM ev JOIN app_user a
             ON ev.audience_center_id IS NOT NULL AND a.home_center_id = ev.audience_center_id AND a.role = 'RESIDENT'
           UNION
           SELECT ev.id, a.id FROM ev JOIN app_user a
             ON cardinality(ev.audience_community_ids) > 0 AND a.home_community_id = ANY(ev.audience_community_ids)
             AND a.role = 'RESIDENT'
         )
         SELECT r.event_id, r.user_id, ev.kind, ev.created_at
         FROM r JOIN ev ON ev.id = r.event_id JOIN app_user a ON a.id = r.user_id AND a.active
         WHERE r.user_id IS DISTINCT FROM ev.exclude_user_id
         ORDER BY r.event_id, r.user_id`,
        [ids],
      );
    const recipients: Recipient[] = rows.map((r) => ({
      eventId: r.event_id,
      userId: r.user_id,
      kind: r.kind,
      createdAt: r.created_at,
    }));
    for (const channel of channels) await channel.accept(em, recipients);
    await em.query(
      `UPDATE notification_event e SET processed_at = now(),
         recipients = (SELECT count(*) FROM notification n WHERE n.event_id = e.id)
       WHERE e.id = ANY($1::int[])`,
      [ids],
    );
    return ids.length;
  });
}

/** One tick: every pending event, then every external channel's queue. */
export async function runNotificationSender(
  db: DataSource,
  channels: readonly NotificationChannel[] = defaultChannels(),
): Promise<{ events: number; sent: number }> {
  let events = 0;
  for (;;) {
    const n = await fanOutBatch(db, channels);
    events += n;
    if (n === 0) break;
  }
  let sent = 0;
  for (const c of channels) if (c.flush) sent += await c.flush(db);
  return { events, sent };
}

export const notificationSenderWorker: Worker = {
  name: 'notification-sender',
  start(db) {
    const channels = defaultChannels();
    return every('notification-sender', config.notificationPollMs, () => runNotificationSender(db, channels));
  },
};
