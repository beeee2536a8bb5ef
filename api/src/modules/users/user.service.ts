import type { DataSource } from 'typeorm';
import { config } from '../../config';
import { dummyPasswordHash, verifyPassword } from '../../auth/password';
import { signToken, verifyToken } from '../../auth/token';
import type { Viewer } from '../../auth/viewer';
import { AppError } from '../../common/app-error';
import { throttleFor } from '../../common/throttle';
import { LOGIN_RULES, countAttempts, throttleKeys } from '../../auth/login-throttle';
import type { Context } from '../../context';
import type { Region } from '../places/region.entity';
import { User } from './user.entity';

/** The same answer for an unknown user, a wrong password, a disabled or (in production) demo account. */
const badCredentials = () => new AppError('UNAUTHENTICATED', '用户名或密码错误 / wrong username or password');

export const userService = {
  /** Password sign-in. The try is counted (per account, whatever the address, and per address) before
   * the password is checked, so simultaneous guesses cannot slip past the limits. */
  async login(ctx: Context, username: string, password: string): Promise<{ token: string; user: User }> {
    const accountKey = throttleKeys.account(username);
    const addressKey = throttleKeys.passwordAddress(ctx.ip);
    await countAttempts(ctx.db, [
      { key: accountKey, rule: LOGIN_RULES.account, message: '该账号登录失败次数过多' },
      { key: addressKey, rule: LOGIN_RULES.passwordAddress, message: '登录失败次数过多' },
    ]);
    const user = await ctx.db.getRepository(User).findOne({ where: { username: username.trim() } });
    const hash = user?.passwordHash ?? (await dummyPasswordHash());
    const ok = await verifyPassword(password, hash);
    if (!user || !ok || !user.active || (user.isDemo && config.isProduction)) throw badCredentials();
    const throttle = throttleFor(ctx.db);
    await Promise.all([throttle.succeeded(accountKey), throttle.release(addressKey)]);
    return { token: signToken(user.id, user.role), user };
  },

  async me(ctx: Context): Promise<User | null> {
    if (!ctx.viewer) return null;
    return ctx.db.getRepository(User).findOne({ where: { id: ctx.viewer.userId } });
  },

  /** The region a user acts in: their scope region; for center staff, their center's street. */
  async scope(ctx: Context, user: User): Promise<Region | null> {
    if (user.role === 'CENTER_STAFF' && user.centerId !== null) {
      const center = await ctx.loaders.places.centerById.load(user.centerId);
      return center ? ctx.loaders.places.regionById.load(center.streetId) : null;
    }
    return user.scopeRegionId === null ? null : ctx.loaders.places.regionById.load(user.scopeRegionId);
  },
};

/** Resolves the bearer token of a request into a Viewer (one query), or null. */
export async function viewerFromToken(db: DataSource, token: string | null): Promise<Viewer | null> {
  if (!token) return null;
  const userId = verifyToken(token);
  if (userId === null) return null;
  const rows: {
    id: number;
    role: Viewer['role'];
    display_name: string;
    center_id: number | null;
    is_demo: boolean;
    scope_level: string | null;
    scope_id: number | null;
    scope_district: number | null;
    scope_street: number | null;
    center_district: number | null;
    center_street: number | null;
  }[] = await db.query(
    `SELECT u.id, u.role, u.display_name, u.center_id, u.is_demo,
            r.level AS scope_level, r.id AS scope_id, r.district_id AS scope_district, r.street_id AS scope_street,
            c.district_id AS center_district, c.street_id AS center_street
     FROM app_user u
     LEFT JOIN region r ON r.id = u.scope_region_id
     LEFT JOIN center c ON c.id = u.center_id
     WHERE u.id = $1 AND u.active`,
    [userId],
  );
  const u = rows[0];
  if (!u || (u.is_demo && config.isProduction)) return null;
  let districtId: number | null = null;
  let streetId: number | null = null;
  if (u.role === 'CENTER_STAFF') {
    districtId = u.center_district;
    streetId = u.center_street;
  } else if (u.scope_level === 'DISTRICT') {
    districtId = u.scope_id;
  } else if (u.scope_level === 'STREET') {
    districtId = u.scope_district;
    streetId = u.scope_id;
  }
  return {
    userId: u.id,
    role: u.role,
    displayName: u.display_name,
    districtId,
    streetId,
    centerId: u.role === 'CENTER_STAFF' ? u.center_id : null,
  };
}
