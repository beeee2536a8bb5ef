// The outbox: an event is written in the same transaction as the change it reports, together with
// one delivery per matching subscription (same region, event type subscribed, key still valid).
// Nothing is sent here: the worker (webhook-worker.ts) delivers what committed.
import type { WebhookEventType } from '@lc/domain';

export interface OutboxEvent {
  type: WebhookEventType;
  /** the record the event is about: deliveries of one record go out in order */
  recordType: string;
  recordId: string | number;
  districtId: number | null;
  streetId?: number | null;
  centerId?: number | null;
  /** what the receiver gets under `data` (no personal data) */
  data: Record<string, unknown>;
}

interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The subscriptions an event row `ev` (event_type, district_id, street_id) goes to: live, in its
 * region, subscribed to its type, and (when a key owns them) the key still valid. */
export const MATCHING_SUBSCRIPTIONS = `
  webhook_subscription s
  WHERE s.deleted_at IS NULL AND s.active AND ev.event_type = ANY(s.event_types)
    AND s.district_id = ev.district_id AND (s.street_id IS NULL OR s.street_id = ev.street_id)
    AND (s.api_key_id IS NULL OR EXISTS (
      SELECT 1 FROM api_key k WHERE k.id = s.api_key_id AND k.revoked_at IS NULL
        AND (k.expires_at IS NULL OR k.expires_at > now())))`;

/** Records an event and its deliveries (one statement). Call it inside the change's transaction.
 * `onlySubscriptionId`: a test event for one subscription, whatever it subscribes to. */
export async function emitEvent(
  runner: SqlRunner,
  e: OutboxEvent,
  onlySubscriptionId: number | null = null,
): Promise<number> {
  const rows = (await runner.query(
    `WITH ev AS (
       INSERT INTO webhook_event (event_type, record_type, record_id, district_id, street_id, center_id, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id, event_type, district_id, street_id
     ), d AS (
       INSERT INTO webhook_delivery (subscription_id, event_id, record_key)
       SELECT s.id, ev.id, $2 || ':' || $3
       FROM ev, ${
         onlySubscriptionId === null
           ? MATCHING_SUBSCRIPTIONS
           : 'webhook_subscription s WHERE s.id = $8::int AND s.deleted_at IS NULL'
       }
       RETURNING id
     )
     SELECT ev.id, (SELECT count(*)::int FROM d) AS deliveries FROM ev`,
    [
      e.type,
      e.recordType,
      String(e.recordId),
      e.districtId,
      e.streetId ?? null,
      e.centerId ?? null,
      JSON.stringify(e.data),
      ...(onlySubscriptionId === null ? [] : [onlySubscriptionId]),
    ],
  )) as { id: string; deliveries: number }[];
  return Number(rows[0].id);
}
