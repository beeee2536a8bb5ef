// Residents sign in with their phone number and a one-time code (短信验证码).
//
// Limits (in the database, or Redis with REDIS_URL, so they hold across restarts and processes; each
// try is counted before it is checked, auth/login-throttle.ts):
//   requesting a code: 1 per number per 60 s, 5 per number per hour, 20 per address per hour;
//   signing in: 5 codes tried per number, then the number is locked for 15 minutes (its open codes
//   are voided), and an address may send 30 wrong codes per hour.
// Only keyed hashes of numbers and codes are stored; a code lives 5 minutes and is used once.
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { LOGIN_CODE_LENGTH, LOGIN_CODE_TTL_SECONDS, maskPhone, normalizePhone } from '@lc/domain';
import { encryptPersonal, hashLoginCode, hashPhone, sameHash } from '../../auth/phone-crypto';
import { signToken } from '../../auth/token';
import { config } from '../../config';
import { AppError, badInput, forbidden, notFound, unauthenticated } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { throttleFor } from '../../common/throttle';
import { LOGIN_RULES, countAttempts, rateLimited, throttleKeys } from '../../auth/login-throttle';
import type { Context } from '../../context';
import type { Center } from '../places/center.entity';
import type { Region } from '../places/region.entity';
import { User } from '../users/user.entity';
import { assignHomeCommunity } from './resident-community';
import { residentDisplayName, residentUsername } from './resident-names';
import { DevSmsSender, smsSender, type SentCode } from './sms-sender';

/** a number may ask for a code once per this many seconds… */
export const CODE_INTERVAL_SECONDS = 60;
/** …and this many times per hour */
export const CODES_PER_NUMBER_PER_HOUR = 5;
/** code requests per address per hour */
export const CODES_PER_ADDRESS_PER_HOUR = LOGIN_RULES.codeRequestAddress.limit;
/** wrong codes per address per hour */
export const WRONG_CODES_PER_ADDRESS_PER_HOUR = LOGIN_RULES.codeAddress.limit;
/** how long a number stays locked after LOGIN_CODE_MAX_FAILURES tries */
export const LOCK_MINUTES = LOGIN_RULES.phone.windowSeconds / 60;

/** Tests: forget every per-address count (the per-number limits are keyed by number). */
export async function resetResidentRateLimits(db: DataSource): Promise<void> {
  await throttleFor(db).clear('ip-code');
}

const CODE_PATTERN = new RegExp(`^\\d{${LOGIN_CODE_LENGTH}}$`);

const badPhone = () =>
  badInput([{ field: 'phone', message: '请输入正确的11位手机号码 / enter a valid 11-digit mobile number' }]);
/** One answer for a wrong, expired, used or missing code. */
const badCode = () => new AppError('UNAUTHENTICATED', '验证码错误或已失效 / wrong or expired code');

function phoneOrThrow(raw: string): string {
  const phone = normalizePhone(raw ?? '');
  if (!phone) throw badPhone();
  return phone;
}

function newCode(): string {
  return String(randomInt(0, 10 ** LOGIN_CODE_LENGTH)).padStart(LOGIN_CODE_LENGTH, '0');
}

/**
 * The resident account of a number, created on first sign-in. Race-safe: concurrent first
 * sign-ins of one number insert the same phone_hash and the same username (derived from it), and
 * the loser may trip either unique index first, so the insert yields on any conflict and the
 * account is then read by phone_hash.
 */
export async function findOrCreateResident(db: DataSource, phone: string): Promise<User> {
  const phoneHash = hashPhone(phone);
  await db.query(
    `INSERT INTO app_user (username, display_name, role, password_hash, phone_enc, phone_hash, phone_masked)
     VALUES ($1, $2, 'RESIDENT', NULL, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [
      residentUsername(phoneHash),
      residentDisplayName(phone),
      encryptPersonal(phone),
      phoneHash,
      maskPhone(phone),
    ],
  );
  return db.getRepository(User).findOneOrFail({ where: { phoneHash } });
}

export const residentService = {
  /** Sends a code; true whether or not the number has an account. */
  async requestLoginCode(ctx: Context, rawPhone: string): Promise<boolean> {
    const phone = phoneOrThrow(rawPhone);
    await countAttempts(ctx.db, [
      {
        key: throttleKeys.codeRequestAddress(ctx.ip),
        rule: LOGIN_RULES.codeRequestAddress,
        message: '请求验证码过于频繁',
      },
    ]);
    const phoneHash = hashPhone(phone);
    const code = newCode();
    const id = await ctx.db.transaction(async (em) => {
      // one request per number at a time, so the counts below cannot be raced past
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login_code:${phoneHash}`]);
      const [recent]: { minute: number; hour: number; wait_minute: number; wait_hour: number }[] =
        await em.query(
          `SELECT count(*) FILTER (WHERE created_at > now() - make_interval(secs => $2))::int AS minute,
                  count(*)::int AS hour,
                  ceil(extract(epoch FROM max(created_at) + make_interval(secs => $2) - now()))::int AS wait_minute,
                  ceil(extract(epoch FROM min(created_at) + interval '1 hour' - now()))::int AS wait_hour
           FROM login_code WHERE phone_hash = $1 AND created_at > now() - interval '1 hour'`,
          [phoneHash, CODE_INTERVAL_SECONDS],
        );
      if (recent.minute > 0) {
        throw rateLimited(
          `验证码已发送，请${CODE_INTERVAL_SECONDS}秒后再试 / a code was just sent, wait ${CODE_INTERVAL_SECONDS} seconds`,
          recent.wait_minute,
        );
      }
      if (recent.hour >= CODES_PER_NUMBER_PER_HOUR) {
        throw rateLimited(
          '该号码获取验证码次数过多，请稍后再试 / too many codes for this number this hour, try later',
          recent.wait_hour,
        );
      }
      // codes older than a day serve no limit any more
      await em.query(
        `DELETE FROM login_code WHERE phone_hash = $1 AND created_at < now() - interval '1 day'`,
        [phoneHash],
      );
      const [row]: { id: number }[] = await em.query(
        `INSERT INTO login_code (phone_hash, code_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(secs => $3)) RETURNING id`,
        [phoneHash, hashLoginCode(phoneHash, code), LOGIN_CODE_TTL_SECONDS],
      );
      return row.id;
    });
    try {
      await smsSender.send(phone, code);
    } catch (err) {
      await ctx.db.query(`UPDATE login_code SET used_at = now() WHERE id = $1`, [id]);
      throw err;
    }
    return true;
  },

  async loginWithCode(
    ctx: Context,
    rawPhone: string,
    rawCode: string,
  ): Promise<{ token: string; user: User }> {
    const phone = phoneOrThrow(rawPhone);
    const code = (rawCode ?? '').trim();
    if (!CODE_PATTERN.test(code)) {
      throw badInput([
        {
          field: 'code',
          message: `验证码为${LOGIN_CODE_LENGTH}位数字 / the code is ${LOGIN_CODE_LENGTH} digits`,
        },
      ]);
    }
    const phoneHash = hashPhone(phone);
    const phoneKey = throttleKeys.phone(phoneHash);
    const addressKey = throttleKeys.codeAddress(ctx.ip);
    const [phoneTries] = await countAttempts(ctx.db, [
      { key: phoneKey, rule: LOGIN_RULES.phone, message: '验证码错误次数过多' },
      { key: addressKey, rule: LOGIN_RULES.codeAddress, message: '验证码错误次数过多' },
    ]);

    const [latest]: { id: number; code_hash: string }[] = await ctx.db.query(
      `SELECT id, code_hash FROM login_code
       WHERE phone_hash = $1 AND used_at IS NULL AND expires_at > now()
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [phoneHash],
    );
    // Claim the code: of two sign-ins with one code, exactly one gets the row back.
    let claimed = false;
    if (latest && sameHash(latest.code_hash, hashLoginCode(phoneHash, code))) {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected]
      const [rows]: [{ id: number }[], number] = await ctx.db.query(
        `UPDATE login_code SET used_at = now()
         WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
        [latest.id],
      );
      claimed = rows.length === 1;
    }
    const throttle = throttleFor(ctx.db);
    if (!claimed) {
      // the number's last allowed try failed: its open codes die with the lock
      if (phoneTries.count >= LOGIN_RULES.phone.limit) {
        await ctx.db.query(
          `UPDATE login_code SET used_at = now() WHERE phone_hash = $1 AND used_at IS NULL`,
          [phoneHash],
        );
      }
      throw badCode();
    }
    await Promise.all([throttle.succeeded(phoneKey), throttle.release(addressKey)]);
    const user = await findOrCreateResident(ctx.db, phone);
    if (user.role !== 'RESIDENT' || !user.active || (user.isDemo && config.isProduction)) throw badCode();
    return { token: signToken(user.id, user.role), user };
  },

  /** Development only: the codes the dev sender "sent" to a number, newest first. */
  devLoginCodes(rawPhone: string): SentCode[] {
    if (config.isProduction || !(smsSender instanceof DevSmsSender)) {
      throw forbidden('仅开发环境可用 / available in development only');
    }
    const phone = phoneOrThrow(rawPhone);
    return smsSender.sentTo(phone).map((s) => ({ ...s, phone: maskPhone(s.phone) }));
  },

  /** A resident chooses the center they order for (我的中心). */
  async setHomeCenter(ctx: Context, centerId: string): Promise<User> {
    const viewer = ctx.viewer;
    if (!viewer) throw unauthenticated('请先登录 / sign in first');
    if (viewer.role !== 'RESIDENT') {
      throw forbidden('仅居民可设置我的中心 / only residents choose a home center');
    }
    const id = parseId(centerId);
    const center = id === null ? null : await ctx.loaders.places.centerById.load(id);
    if (!center) throw notFound('center');
    await ctx.db.query(`UPDATE app_user SET home_center_id = $1 WHERE id = $2`, [center.id, viewer.userId]);
    return ctx.db.getRepository(User).findOneOrFail({ where: { id: viewer.userId } });
  },

  /** A resident chooses their community (居委/村委); their center too when they have none. */
  async setHomeCommunity(ctx: Context, communityId: string): Promise<User> {
    const viewer = ctx.viewer;
    if (!viewer) throw unauthenticated('请先登录 / sign in first');
    if (viewer.role !== 'RESIDENT') {
      throw forbidden('仅居民可设置所在社区 / only residents choose a home community');
    }
    const id = parseId(communityId);
    const region = id === null ? null : await ctx.loaders.places.regionById.load(id);
    if (!region || region.level !== 'COMMUNITY') {
      throw badInput([
        {
          field: 'communityId',
          message: '请选择居委会或村委会 / choose a community (residents’ or village committee)',
        },
      ]);
    }
    await assignHomeCommunity(ctx.db.manager, viewer.userId, region.id);
    return ctx.db.getRepository(User).findOneOrFail({ where: { id: viewer.userId } });
  },

  async homeCommunity(ctx: Context, user: User): Promise<Region | null> {
    return user.homeCommunityId == null ? null : ctx.loaders.places.regionById.load(user.homeCommunityId);
  },

  async homeCenter(ctx: Context, user: User): Promise<Center | null> {
    return user.homeCenterId == null ? null : ctx.loaders.places.centerById.load(user.homeCenterId);
  },
};
