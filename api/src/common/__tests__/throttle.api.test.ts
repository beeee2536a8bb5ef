// Attempts are counted before they are checked: simultaneous tries never pass the limit, in
// PostgreSQL and in Redis alike (Redis at REDIS_URL or 127.0.0.1:6379; skipped, loudly, without one).
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { connect } from '../../db/data-source';
import { testing, type Throttle } from '../throttle';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    s.setTimeout(500);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

let db: DataSource;
let redis: IORedis | null = null;
const stores: [string, () => Throttle | null][] = [
  ['PostgreSQL', () => new testing.PostgresThrottle(db)],
  ['Redis', () => (redis ? new testing.RedisThrottle(redis) : null)],
];

beforeAll(async () => {
  db = await connect(process.env.LC_TEST_DATABASE_URL!, { poolMax: 10 });
  if (await reachable(REDIS_URL)) redis = new IORedis(REDIS_URL);
  else console.warn(`Redis not reachable at ${REDIS_URL}: the Redis throttle tests are skipped`);
});
afterAll(async () => {
  await redis?.quit();
  await db.destroy();
});

describe.each(stores)('throttle in %s', (_name, make) => {
  const key = () => `test:${randomUUID()}`;

  it('lets exactly `limit` of 100 simultaneous attempts through', async () => {
    const t = make();
    if (!t) return;
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => t.attempt(k, { limit: 10, windowSeconds: 60 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(new Set(results.map((r) => r.count))).toEqual(
      new Set(Array.from({ length: 100 }, (_, i) => i + 1)),
    );
    const refused = results.find((r) => !r.allowed)!;
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // concurrent transactions see now() from their own start: a second may round up
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(61);
  });

  it('doubles the lock at each further lockout when escalating, and forgets a key that succeeded', async () => {
    const t = make();
    if (!t) return;
    const k = key();
    const rule = { limit: 2, windowSeconds: 60, lockSeconds: 100, escalate: true };
    for (let i = 0; i < 2; i++) expect((await t.attempt(k, rule)).allowed).toBe(true);
    const first = await t.attempt(k, rule);
    expect(first.allowed).toBe(false);
    expect(first.retryAfterSeconds).toBeGreaterThan(95);
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(100);
    // the lock runs out: a new window, then a lock twice as long
    if (redis && t instanceof testing.RedisThrottle) await redis.pexpire(`lc:throttle:${k}`, 1);
    else await db.query(`UPDATE throttle SET window_ends = now() - interval '1 second' WHERE key = $1`, [k]);
    await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < 2; i++) expect((await t.attempt(k, rule)).allowed).toBe(true);
    const second = await t.attempt(k, rule);
    expect(second.allowed).toBe(false);
    expect(second.retryAfterSeconds).toBeGreaterThan(195);
    await t.succeeded(k);
    expect((await t.attempt(k, rule)).count).toBe(1);
  });

  it('takes one attempt back on release, never below zero', async () => {
    const t = make();
    if (!t) return;
    const k = key();
    const rule = { limit: 3, windowSeconds: 60 };
    await t.attempt(k, rule);
    await t.attempt(k, rule);
    await t.release(k);
    expect((await t.attempt(k, rule)).count).toBe(2);
  });
});
