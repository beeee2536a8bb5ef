// Attempt counting that holds under concurrency: an attempt is counted, atomically, BEFORE it is
// checked, so a hundred guesses sent at the same moment get at most `limit` checks between them.
// Counts live in PostgreSQL (table `throttle`) or, when REDIS_URL is set, in Redis with the same
// semantics, so several API processes share them.
//
//   attempt(key, rule) → allowed while the window's count ≤ rule.limit; the first attempt past the
//                        limit starts a lock of rule.lockSeconds × 2^(strikes) (capped), and every
//                        attempt until it ends is refused with the seconds left
//   succeeded(key)     → forgets the key (an account or a phone signed in)
//   release(key)       → takes one attempt back (an address whose attempt succeeded)
import type { DataSource } from 'typeorm';
import type Redis from 'ioredis';
import { config } from '../config';

export interface ThrottleRule {
  /** attempts allowed in one window */
  limit: number;
  /** length of the counting window, seconds */
  windowSeconds: number;
  /** lock once the limit is passed, seconds (default: the window) */
  lockSeconds?: number;
  /** double the lock at each further lockout of the same key, up to maxLockSeconds */
  escalate?: boolean;
  maxLockSeconds?: number;
}

export interface ThrottleResult {
  allowed: boolean;
  /** attempts counted in the window, this one included */
  count: number;
  /** seconds until the key may try again (when refused) */
  retryAfterSeconds: number;
}

export interface Throttle {
  attempt(key: string, rule: ThrottleRule): Promise<ThrottleResult>;
  succeeded(key: string): Promise<void>;
  release(key: string): Promise<void>;
  /** tests: forget every key starting with `prefix` */
  clear(prefix: string): Promise<void>;
}

const lockOf = (rule: ThrottleRule) => rule.lockSeconds ?? rule.windowSeconds;
const maxLockOf = (rule: ThrottleRule) => rule.maxLockSeconds ?? 24 * 3600;

class PostgresThrottle implements Throttle {
  constructor(private readonly db: DataSource) {}

  async attempt(key: string, rule: ThrottleRule): Promise<ThrottleResult> {
    // one statement: a new window when the old one (and any lock) has ended, else one more attempt;
    // the attempt that passes the limit first turns the window into the lock and counts a strike
    const [row]: { count: number; wait: number }[] = await this.db.query(
      `INSERT INTO throttle AS t (key, count, window_ends) VALUES ($1, 1, now() + make_interval(secs => $3))
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN t.window_ends <= now() THEN 1 ELSE t.count + 1 END,
         window_ends = CASE
           WHEN t.window_ends <= now() THEN now() + make_interval(secs => $3)
           WHEN t.count + 1 = $2 + 1 THEN now() + make_interval(secs =>
             least($5::float8, $4::float8 * CASE WHEN $6 THEN power(2, t.strikes) ELSE 1 END))
           ELSE t.window_ends END,
         strikes = CASE WHEN t.window_ends > now() AND t.count + 1 = $2 + 1 THEN t.strikes + 1 ELSE t.strikes END
       RETURNING count, ceil(extract(epoch FROM window_ends - now()))::int AS wait`,
      [key, rule.limit, rule.windowSeconds, lockOf(rule), maxLockOf(rule), !!rule.escalate],
    );
    return { allowed: row.count <= rule.limit, count: row.count, retryAfterSeconds: Math.max(1, row.wait) };
  }

  async succeeded(key: string): Promise<void> {
    await this.db.query(`DELETE FROM throttle WHERE key = $1`, [key]);
  }

  async release(key: string): Promise<void> {
    await this.db.query(`UPDATE throttle SET count = count - 1 WHERE key = $1 AND count > 0`, [key]);
  }

  async clear(prefix: string): Promise<void> {
    await this.db.query(`DELETE FROM throttle WHERE starts_with(key, $1)`, [prefix]);
  }
}

// KEYS[1] count, KEYS[2] strikes; ARGV limit, window ms, lock ms, max lock ms, escalate (0/1)
const ATTEMPT_LUA = `
local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if c == tonumber(ARGV[1]) + 1 then
  local strikes = redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], 7 * 86400000)
  local lock = tonumber(ARGV[3])
  if ARGV[5] == '1' then lock = math.min(tonumber(ARGV[4]), lock * 2 ^ (strikes - 1)) end
  redis.call('PEXPIRE', KEYS[1], lock)
end
local ttl = redis.call('PTTL', KEYS[1])
return {c, ttl}`;

class RedisThrottle implements Throttle {
  constructor(private readonly redis: Redis) {}

  async attempt(key: string, rule: ThrottleRule): Promise<ThrottleResult> {
    const [count, ttl] = (await this.redis.eval(
      ATTEMPT_LUA,
      2,
      `lc:throttle:${key}`,
      `lc:throttle-strikes:${key}`,
      rule.limit,
      rule.windowSeconds * 1000,
      lockOf(rule) * 1000,
      maxLockOf(rule) * 1000,
      rule.escalate ? 1 : 0,
    )) as [number, number];
    return { allowed: count <= rule.limit, count, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
  }

  async succeeded(key: string): Promise<void> {
    await this.redis.del(`lc:throttle:${key}`, `lc:throttle-strikes:${key}`);
  }

  async release(key: string): Promise<void> {
    await this.redis.eval(
      `if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then return redis.call('DECR', KEYS[1]) end return 0`,
      1,
      `lc:throttle:${key}`,
    );
  }

  async clear(prefix: string): Promise<void> {
    for (const pattern of [`lc:throttle:${prefix}*`, `lc:throttle-strikes:${prefix}*`]) {
      const keys = await this.redis.keys(pattern);
      if (keys.length) await this.redis.del(...keys);
    }
  }
}

let redisClient: Redis | null = null;

/** The shared Redis connection (REDIS_URL), opened on first use. */
export function redis(): Redis {
  if (!redisClient) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const IORedis = require('ioredis') as typeof import('ioredis').default;
    redisClient = new IORedis(config.redisUrl!, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }
  return redisClient;
}

export async function closeRedis(): Promise<void> {
  const c = redisClient;
  redisClient = null;
  if (c) await c.quit().catch(() => c.disconnect());
}

/** The throttle of a data source: Redis when REDIS_URL is set, else the database. */
export function throttleFor(db: DataSource, redisUrl = config.redisUrl): Throttle {
  return redisUrl ? new RedisThrottle(redis()) : new PostgresThrottle(db);
}

export const testing = { PostgresThrottle, RedisThrottle };
