// Webhook signatures: HMAC-SHA256 with the subscription's secret over `<timestamp>.<body>`, sent as
// `X-LC-Signature: v1=<hex>` with `X-LC-Timestamp: <unix seconds>`. Receivers recompute it over the
// raw body, compare in constant time and refuse timestamps older than a few minutes (replays).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-lc-signature';
export const TIMESTAMP_HEADER = 'x-lc-timestamp';
export const EVENT_ID_HEADER = 'x-lc-event-id';
export const DELIVERY_ID_HEADER = 'x-lc-delivery-id';
export const EVENT_TYPE_HEADER = 'x-lc-event-type';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver does (the README shows the same in a few lines). */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts)) return false;
  if (Math.abs(now / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
