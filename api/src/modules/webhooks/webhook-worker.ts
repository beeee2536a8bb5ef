// Delivers the outbox: claims due deliveries with FOR UPDATE SKIP LOCKED and a lease (so two API
// processes never send the same one at once, and a process killed mid-send leaves it to be retried
// when the lease ends), keeps each record's deliveries in order (a delivery waits while an earlier
// one of the same record and subscription is pending), signs and POSTs each, logs every attempt,
// and retries failures with exponential backoff for 24 hours. Also emits the daily satisfaction
// events once per Shanghai day, whichever process gets there first.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { nextRetryDelay } from '@lc/domain';
import type { DataSource } from 'typeorm';
import { decryptPersonal } from '../../auth/phone-crypto';
import { config } from '../../config';
import { logger } from '../../logger';
import type { Worker } from '../../workers';
import { emitDailySatisfaction } from './daily-satisfaction';
import {
  DELIVERY_ID_HEADER,
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
} from './webhook-signature';

export interface WebhookWorkerOptions {
  pollMs: number;
  retryBaseMs: number;
  retryCapMs: number;
  retryWindowMs: number;
  timeoutMs: number;
  leaseMs: number;
  allowPrivateTargets: boolean;
  batch: number;
}

const defaults = (): WebhookWorkerOptions => ({ ...config.webhooks, batch: 10 });

interface Claimed {
  id: string;
  attempts: number;
  subscription_id: number;
  url: string;
  secret_enc: string;
  sub_live: boolean;
  event_id: string;
  event_type: string;
  record_type: string;
  record_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** Whether an address is loopback, private, link-local or otherwise not a public host. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 6) {
    const v = ip.toLowerCase();
    if (v === '::1' || v === '::') return true;
    if (v.startsWith('::ffff:')) return isPrivateAddress(v.slice(7));
    return /^(fc|fd|fe8|fe9|fea|feb)/.test(v);
  }
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Refuses a target that resolves to a private address unless allowed (SSRF). */
async function checkTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.some(isPrivateAddress)) throw new Error('target resolves to a private address');
}

/** The body a receiver gets; the same for every attempt and replay of the event. */
export function webhookBody(
  c: Pick<Claimed, 'event_id' | 'event_type' | 'record_type' | 'record_id' | 'payload' | 'occurred_at'>,
): string {
  return JSON.stringify({
    id: String(c.event_id),
    type: c.event_type,
    occurredAt: new Date(c.occurred_at).toISOString(),
    record: { type: c.record_type, id: c.record_id },
    data: c.payload,
  });
}

async function claim(db: DataSource, o: WebhookWorkerOptions): Promise<Claimed[]> {
  return db.query(
    `WITH due AS (
       SELECT d.id FROM webhook_delivery d
       WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()
         AND (d.leased_until IS NULL OR d.leased_until < now())
         AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                         WHERE e.subscription_id = d.subscription_id AND e.record_key = d.record_key
                           AND e.status = 'PENDING' AND e.id < d.id)
       ORDER BY d.next_attempt_at, d.id
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE webhook_delivery d SET leased_until = now() + $2 * interval '1 millisecond', attempts = d.attempts + 1
       FROM due WHERE d.id = due.id
       RETURNING d.*
     )
     SELECT c.id, c.attempts, c.subscription_id, s.url, s.secret_enc,
            (s.active AND s.deleted_at IS NULL) AS sub_live,
            e.id AS event_id, e.event_type, e.record_type, e.record_id, e.payload, e.occurred_at
     FROM claimed c JOIN webhook_subscription s ON s.id = c.subscription_id JOIN webhook_event e ON e.id = c.event_id
     ORDER BY c.id`,
    [o.batch, o.leaseMs],
  );
}

/** Sends one claimed delivery and records the attempt and its outcome. */
async function deliver(db: DataSource, c: Claimed, o: WebhookWorkerOptions): Promise<void> {
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  let excerpt: string | null = null;
  if (!c.sub_live) error = 'subscription deleted or paused';
  else {
    try {
      const url = new URL(c.url);
      await checkTarget(url, o.allowPrivateTargets);
      const body = webhookBody(c);
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'life-circle-webhooks/1',
          [EVENT_ID_HEADER]: String(c.event_id),
          [EVENT_TYPE_HEADER]: c.event_type,
          [DELIVERY_ID_HEADER]: String(c.id),
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(decryptPersonal(c.secret_enc), timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      status = res.status;
      excerpt = (await res.text()).slice(0, 500);
    } catch (e) {
      error =
        (e as Error).name === 'TimeoutError'
          ? `timeout after ${o.timeoutMs} ms`
          : String((e as Error).message).slice(0, 300);
    }
  }
  const ok = status !== null && status >= 200 && status < 300;
  const age = Date.now() - new Date(c.occurred_at).getTime();
  const delay =
    ok || !c.sub_live
      ? null
      : nextRetryDelay(c.attempts, age, {
          baseMs: o.retryBaseMs,
          capMs: o.retryCapMs,
          windowMs: o.retryWindowMs,
        });
  await db.transaction(async (em) => {
    await em.query(
      `INSERT INTO webhook_attempt (delivery_id, attempt, status_code, error, duration_ms, response_excerpt)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [c.id, c.attempts, status, error, Date.now() - started, excerpt],
    );
    await em.query(
      `UPDATE webhook_delivery SET leased_until = NULL, last_status_code = $2, last_error = $3,
              status = $4, delivered_at = CASE WHEN $4 = 'DELIVERED' THEN now() END,
              next_attempt_at = CASE WHEN $4 = 'PENDING' THEN now() + $5 * interval '1 millisecond' ELSE next_attempt_at END
       WHERE id = $1`,
      [
        c.id,
        status,
        error ?? (ok ? null : `HTTP ${status}`),
        ok ? 'DELIVERED' : delay === null ? 'FAILED' : 'PENDING',
        delay ?? 0,
      ],
    );
  });
}

/** One round: the daily events when due, then every due delivery (claimed in batches). */
export async function runWebhookRound(db: DataSource, o: WebhookWorkerOptions): Promise<number> {
  await emitDailySatisfaction(db);
  let sent = 0;
  for (;;) {
    const batch = await claim(db, o);
    if (!batch.length) return sent;
    // different records go out in parallel; one record's deliveries never share a batch
    await Promise.all(batch.map((c) => deliver(db, c, o)));
    sent += batch.length;
  }
}

/** Starts the delivery loop; the function returned stops it after the round in progress. */
export function startWebhookWorker(
  db: DataSource,
  options: Partial<WebhookWorkerOptions> = {},
): () => Promise<void> {
  const o = { ...defaults(), ...options };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    if (stopped) return;
    running = runWebhookRound(db, o)
      .then(() => undefined)
      .catch((err) => {
        if (!stopped) logger.error({ err }, 'webhook delivery round failed');
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.pollMs);
      });
  };
  timer = setTimeout(loop, 0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

export const webhookWorker: Worker = {
  name: 'webhook-delivery',
  start: (db) => startWebhookWorker(db),
};
