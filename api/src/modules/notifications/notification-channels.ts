// The ways a notification reaches a person, behind one interface. The sender worker hands every
// channel each batch of new recipients inside the fan-out transaction, so what a channel records
// commits together with the events' processed mark: exactly once. Channels that talk to the outside
// world (SMS) only queue there and send afterwards from their queue, claiming each message before
// the send: after a restart a claimed message is never sent again (at most once).
import type { DataSource, EntityManager } from 'typeorm';
import {
  NOTIFICATION_KINDS,
  SMS_DEFAULT,
  smsText,
  type NotificationChannelName,
  type NotificationKind,
  type NotificationParams,
} from '@lc/domain';
import { decryptPersonal } from '../../auth/phone-crypto';
import { config } from '../../config';
import { logger } from '../../logger';
import { smsSender, type SmsSender } from '../residents/sms-sender';

/** One recipient of one event. */
export interface Recipient {
  eventId: number;
  userId: number;
  kind: NotificationKind;
  createdAt: Date;
}

export interface NotificationChannel {
  readonly name: NotificationChannelName;
  /** Inside the fan-out transaction: record the channel's copy for these recipients. Must be
   * idempotent (the same recipient twice records one copy). */
  accept(em: EntityManager, recipients: readonly Recipient[]): Promise<void>;
  /** After commit, for channels that send outside the database: send what is queued; answers how
   * many went out. */
  flush?(db: DataSource): Promise<number>;
}

/** In-app: the inbox row. Every recipient gets one, whatever their preferences. */
export const inAppChannel: NotificationChannel = {
  name: 'IN_APP',
  async accept(em, recipients) {
    if (!recipients.length) return;
    await em.query(
      `INSERT INTO notification (event_id, user_id, kind, created_at)
       SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::timestamptz[])
       ON CONFLICT (event_id, user_id) DO NOTHING`,
      [
        recipients.map((r) => r.eventId),
        recipients.map((r) => r.userId),
        recipients.map((r) => r.kind),
        recipients.map((r) => r.createdAt),
      ],
    );
  },
};

/** Whether SMS can go out at all (a gateway is configured; `SMS_SENDER=none` has none). */
export function smsChannelAvailable(): boolean {
  return config.smsSender !== 'none';
}

/** Sends claimed for longer than this without a result are given up as UNKNOWN, never resent. */
const SENDING_LEASE_MS = 5 * 60_000;
const SMS_MAX_ATTEMPTS = 5;
const SMS_BATCH = 50;

/** SMS through the residents' SmsSender, for users with a phone number who have not turned the
 * kind off (SMS_DEFAULT when they said nothing). */
export function createSmsChannel(sender: SmsSender = smsSender): NotificationChannel {
  return {
    name: 'SMS',
    async accept(em, recipients) {
      if (!recipients.length || !smsChannelAvailable()) return;
      await em.query(
        `INSERT INTO notification_delivery (event_id, user_id, channel)
         SELECT r.event_id, r.user_id, 'SMS'
         FROM unnest($1::int[], $2::int[], $3::text[]) AS r(event_id, user_id, kind)
         JOIN app_user u ON u.id = r.user_id AND u.phone_enc IS NOT NULL
         LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.kind = r.kind
         WHERE coalesce(p.sms, r.kind = ANY($4::text[]))
         ON CONFLICT (event_id, user_id, channel) DO NOTHING`,
        [
          recipients.map((r) => r.eventId),
          recipients.map((r) => r.userId),
          recipients.map((r) => r.kind),
          NOTIFICATION_KINDS.filter((k) => SMS_DEFAULT[k]),
        ],
      );
    },

    async flush(db) {
      // claims whose sender died mid-send: we cannot know whether the text went out, so never again
      await db.query(
        `UPDATE notification_delivery SET status = 'UNKNOWN', last_error = 'sender stopped during the send'
         WHERE status = 'SENDING' AND claimed_at < now() - make_interval(secs => $1)`,
        [SENDING_LEASE_MS / 1000],
      );
      let sent = 0;
      for (;;) {
        // claim a batch: committed as SENDING before anything is sent
        const claimed: {
          id: number;
          attempts: number;
          phone_enc: string;
          template: string;
          params: NotificationParams;
        }[] = await db
          .query(
            `UPDATE notification_delivery d SET status = 'SENDING', claimed_at = now(), attempts = d.attempts + 1
           FROM (SELECT id FROM notification_delivery
                 WHERE status = 'PENDING' AND channel = 'SMS' AND next_attempt_at <= now()
                 ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) c,
                app_user u, notification_event e
           WHERE d.id = c.id AND u.id = d.user_id AND e.id = d.event_id
           RETURNING d.id, d.attempts, u.phone_enc, e.template, e.params`,
            [SMS_BATCH],
          )
          .then((r: [unknown[], number]) => r[0] as never);
        if (!claimed.length) return sent;
        for (const c of claimed) {
          try {
            await sender.notify(decryptPersonal(c.phone_enc), smsText(c.template, c.params));
            await db.query(
              `UPDATE notification_delivery SET status = 'SENT', sent_at = now(), last_error = NULL WHERE id = $1`,
              [c.id],
            );
            sent++;
          } catch (err) {
            // the gateway refused: try again later, a few times
            const final = c.attempts >= SMS_MAX_ATTEMPTS;
            logger.warn({ err, delivery: c.id, final }, 'notification SMS failed');
            await db.query(
              `UPDATE notification_delivery SET status = $2, last_error = $3,
                 next_attempt_at = now() + make_interval(secs => $4)
               WHERE id = $1`,
              [
                c.id,
                final ? 'FAILED' : 'PENDING',
                String((err as Error).message).slice(0, 500),
                30 * 2 ** c.attempts,
              ],
            );
          }
        }
      }
    },
  };
}
