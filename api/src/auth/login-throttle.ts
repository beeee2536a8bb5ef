// Who may try to sign in, counted before each try is checked (common/throttle.ts). One table of rules
// for both sign-in paths: staff passwords and residents' one-time codes.
import type { DataSource } from 'typeorm';
import { LOGIN_CODE_MAX_FAILURES } from '@lc/domain';
import { AppError } from '../common/app-error';
import { throttleFor, type ThrottleResult, type ThrottleRule } from '../common/throttle';

export const LOGIN_RULES = {
  /** guesses at one account, from any address: 10 per 15 minutes, then a lock that doubles each time
   * (15 min, 30 min, 1 h … up to a day) until the account signs in */
  account: { limit: 10, windowSeconds: 15 * 60, escalate: true, maxLockSeconds: 24 * 3600 },
  /** failed password sign-ins from one address, at any accounts: 30 per 15 minutes */
  passwordAddress: { limit: 30, windowSeconds: 15 * 60 },
  /** codes tried for one number: 5, then the number is locked for 15 minutes */
  phone: { limit: LOGIN_CODE_MAX_FAILURES, windowSeconds: 15 * 60 },
  /** wrong codes from one address: 30 per hour */
  codeAddress: { limit: 30, windowSeconds: 3600 },
  /** code requests from one address: 20 per hour */
  codeRequestAddress: { limit: 20, windowSeconds: 3600 },
} satisfies Record<string, ThrottleRule>;

export const throttleKeys = {
  account: (username: string) => `account:${username.trim().toLowerCase()}`,
  passwordAddress: (ip: string) => `ip-password:${ip}`,
  phone: (phoneHash: string) => `code:${phoneHash}`,
  codeAddress: (ip: string) => `ip-code:${ip}`,
  codeRequestAddress: (ip: string) => `ip-code-request:${ip}`,
};

export const rateLimited = (message: string, retryAfterSeconds: number): AppError =>
  new AppError('RATE_LIMITED', message, undefined, { retryAfterSeconds: Math.max(1, retryAfterSeconds) });

function waitText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes >= 60 ? `${Math.ceil(minutes / 60)}小时` : `${minutes}分钟`;
}

/** Counts the attempts of every key first; refuses (RATE_LIMITED, retryAfterSeconds) when any is
 * over its limit. Keys counted before a refusal stay counted: a refused try is still a try. */
export async function countAttempts(
  db: DataSource,
  attempts: { key: string; rule: ThrottleRule; message: string }[],
): Promise<ThrottleResult[]> {
  const throttle = throttleFor(db);
  const results = await Promise.all(attempts.map((a) => throttle.attempt(a.key, a.rule)));
  const refused = results.findIndex((r) => !r.allowed);
  if (refused >= 0) {
    const wait = results[refused].retryAfterSeconds;
    throw rateLimited(
      `${attempts[refused].message}，请${waitText(wait)}后再试 / too many attempts, try again in ${Math.ceil(wait / 60)} min`,
      wait,
    );
  }
  return results;
}
