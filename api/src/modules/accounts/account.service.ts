// 人员管理: staff accounts by scope. A district admin keeps the district's street admins, center
// staff and evaluators; a street admin the center staff of the street's centers (auth/policy.ts,
// canManageAccount). New accounts and resets get a one-time password (shown once or sent by SMS)
// that must be replaced at the first sign-in; a reset, a password change or a disable bumps the
// account's token version, so every older token stops working on its next request.
import { randomInt } from 'node:crypto';
import {
  DISPLAY_NAME_MAX_LENGTH,
  USERNAME_PATTERN,
  maskPhone,
  normalizePhone,
  passwordProblems,
  type Role,
  type StaffRole,
} from '@lc/domain';
import type { EntityManager } from 'typeorm';
import { canListAccounts, canManageAccount, requireViewer, type AccountRecord } from '../../auth/policy';
import { hashPassword, verifyPassword } from '../../auth/password';
import { decryptPersonal, encryptPersonal } from '../../auth/phone-crypto';
import { signToken } from '../../auth/token';
import type { Viewer } from '../../auth/viewer';
import {
  AppError,
  FieldErrors,
  badInput,
  forbidden,
  notFound,
  unauthenticated,
} from '../../common/app-error';
import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import type { Context } from '../../context';
import { recordAudit, type AuditEntry } from '../audit-log/audit-log.service';
import { smsSender } from '../residents/sms-sender';
import { User } from '../users/user.entity';
import type {
  CreateStaffAccountInput,
  OneTimePasswordResult,
  StaffAccount,
  StaffAccountFilter,
  UpdateStaffAccountInput,
} from './account.types';

/** Letters and digits that cannot be mistaken for one another when read aloud or typed. */
const OTP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const OTP_LENGTH = 12;

/** A one-time password: 12 characters with letters and digits (it passes the password rules). */
export function oneTimePassword(): string {
  for (;;) {
    let p = '';
    for (let i = 0; i < OTP_LENGTH; i++) p += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)];
    if (/[A-Za-z]/.test(p) && /\d/.test(p)) return p;
  }
}

/** Columns of an account with where it acts (district and street through its region or center). */
const ACCOUNT_SELECT = `
  SELECT u.id, u.username, u.display_name, u.role, u.active, u.must_change_password, u.phone_masked,
         u.scope_region_id, u.center_id, u.created_at, u.updated_at, u.is_demo,
         coalesce(c.district_id, CASE WHEN r.level = 'DISTRICT' THEN r.id ELSE r.district_id END) AS district_id,
         coalesce(c.street_id, CASE WHEN r.level = 'STREET' THEN r.id END) AS street_id
  FROM app_user u
  LEFT JOIN region r ON r.id = u.scope_region_id
  LEFT JOIN center c ON c.id = u.center_id`;

function toAccount(r: Record<string, unknown>): StaffAccount {
  return {
    id: r.id as number,
    username: r.username as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    active: r.active as boolean,
    mustChangePassword: r.must_change_password as boolean,
    phoneMasked: (r.phone_masked as string | null) ?? null,
    scopeRegionId: (r.scope_region_id as number | null) ?? null,
    centerId: (r.center_id as number | null) ?? null,
    districtId: (r.district_id as number | null) ?? null,
    streetId: (r.street_id as number | null) ?? null,
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
    isDemo: r.is_demo as boolean,
  };
}

const record = (a: StaffAccount): AccountRecord => ({
  id: a.id,
  role: a.role,
  districtId: a.districtId,
  streetId: a.streetId,
  centerId: a.centerId,
});

/** What the audit log keeps of an account (no password, no phone). */
const auditView = (a: StaffAccount) => ({
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  scopeRegionId: a.scopeRegionId,
  centerId: a.centerId,
  active: a.active,
});

async function loadAccount(db: { query: EntityManager['query'] }, id: number, lock = false) {
  const rows: Record<string, unknown>[] = await db.query(
    `${ACCOUNT_SELECT} WHERE u.id = $1 AND u.role NOT IN ('RESIDENT', 'INTEGRATOR')${lock ? ' FOR UPDATE OF u' : ''}`,
    [id],
  );
  return rows[0] ? toAccount(rows[0]) : null;
}

/** The account to act on, if the viewer may manage it; out-of-scope accounts answer NOT_FOUND. */
async function managedAccount(
  ctx: Context,
  em: EntityManager,
  id: string,
  viewer: Viewer,
): Promise<StaffAccount> {
  const aid = parseId(id);
  const account = aid === null ? null : await loadAccount(em, aid, true);
  if (!account) throw notFound('account');
  if (account.id === viewer.userId)
    throw forbidden('不能在这里修改自己的账号 / you cannot change your own account here');
  if (!canManageAccount(viewer, record(account))) throw notFound('account');
  return account;
}

interface Placement {
  role: StaffRole;
  scopeRegionId: number | null;
  centerId: number | null;
  districtId: number | null;
  streetId: number | null;
}

/** Where an account of `role` acts, from the region or center given; field errors go to `errors`. */
async function placementOf(
  ctx: Context,
  role: StaffRole,
  regionId: string | null | undefined,
  centerId: string | null | undefined,
  errors: FieldErrors,
): Promise<Placement | null> {
  if (role === 'CENTER_STAFF') {
    const cid = parseId(centerId);
    const center = cid === null ? null : await ctx.loaders.places.centerById.load(cid);
    if (!center) {
      errors.add('input.centerId', '请选择服务中心 / choose the center');
      return null;
    }
    return {
      role,
      scopeRegionId: center.streetId,
      centerId: center.id,
      districtId: center.districtId,
      streetId: center.streetId,
    };
  }
  const rid = parseId(regionId);
  const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
  const level = role === 'STREET_ADMIN' ? 'STREET' : 'DISTRICT';
  if (!region || region.level !== level) {
    errors.add(
      'input.regionId',
      role === 'STREET_ADMIN' ? '请选择街镇 / choose the street or town' : '请选择区 / choose the district',
    );
    return null;
  }
  return {
    role,
    scopeRegionId: region.id,
    centerId: null,
    districtId: level === 'DISTRICT' ? region.id : region.districtId,
    streetId: level === 'STREET' ? region.id : null,
  };
}

function checkMobile(raw: string | null | undefined, errors: FieldErrors): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const phone = normalizePhone(raw);
  if (!phone) errors.add('input.mobile', '请输入11位手机号码 / enter an 11-digit mobile number');
  return phone;
}

function checkDisplayName(name: string, errors: FieldErrors): void {
  errors.check(name.length > 0, 'input.displayName', '请填写姓名 / the name is required');
  errors.check(
    name.length <= DISPLAY_NAME_MAX_LENGTH,
    'input.displayName',
    `姓名不能超过${DISPLAY_NAME_MAX_LENGTH}个字 / the name is too long`,
  );
}

/** Sends or shows a one-time password. */
async function deliver(
  password: string,
  phone: string | null,
  bySms: boolean,
): Promise<{ oneTimePassword: string | null; sentTo: string | null }> {
  if (!bySms) return { oneTimePassword: password, sentTo: null };
  if (!phone)
    throw badInput([{ field: 'input.mobile', message: '短信发送需要手机号码 / SMS needs a mobile number' }]);
  try {
    await smsSender.send(phone, password);
  } catch {
    throw new AppError(
      'CONFLICT',
      '短信发送失败，请改为当面告知 / the SMS could not be sent: show the password instead',
    );
  }
  return { oneTimePassword: null, sentTo: maskPhone(phone) };
}

export const accountService = {
  /** Accounts the viewer may manage, newest first. */
  async list(
    ctx: Context,
    filter: StaffAccountFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<StaffAccount>> {
    const viewer = requireViewer(ctx.viewer);
    if (!canListAccounts(viewer))
      throw forbidden('人员管理仅供区、街镇管理员 / for district and street admins');
    const page = pageRequest(first, after);
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (viewer.role === 'DISTRICT_ADMIN') {
      add(`a.district_id = ?`, viewer.districtId ?? -1);
      parts.push(`a.role IN ('STREET_ADMIN','CENTER_STAFF','EVALUATOR')`);
    } else {
      add(`a.street_id = ?`, viewer.streetId ?? -1);
      parts.push(`a.role = 'CENTER_STAFF'`);
    }
    add('a.id <> ?', viewer.userId);
    if (filter?.role) add('a.role = ?', filter.role);
    if (filter?.active !== null && filter?.active !== undefined) add('a.active = ?', filter.active);
    if (filter?.centerId != null) add('a.center_id = ?', parseId(filter.centerId) ?? -1);
    if (filter?.regionId != null) {
      const rid = parseId(filter.regionId) ?? -1;
      add('(a.district_id = ? OR a.street_id = ?)', rid);
    }
    const search = filter?.search?.trim();
    if (search) add('(a.username ILIKE ? OR a.display_name ILIKE ?)', likePattern(search));
    const where = parts.join(' AND ');
    const from = `(${ACCOUNT_SELECT} WHERE u.role NOT IN ('RESIDENT','INTEGRATOR')) a`;
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM ${from} WHERE ${where}`,
      params,
    );
    let rows: StaffAccount[] = [];
    if (page.limit > 0) {
      const p = [...params];
      let sql = `SELECT a.* FROM ${from} WHERE ${where}`;
      if (page.afterId !== null) {
        p.push(page.afterId);
        sql += ` AND a.id < $${p.length}`;
      }
      p.push(page.limit + 1);
      sql += ` ORDER BY a.id DESC LIMIT $${p.length}`;
      rows = ((await ctx.db.query(sql, p)) as Record<string, unknown>[]).map(toAccount);
    }
    return toConnection(rows, page, count);
  },

  async byId(ctx: Context, id: string): Promise<StaffAccount | null> {
    const viewer = requireViewer(ctx.viewer);
    const aid = parseId(id);
    const account = aid === null ? null : await loadAccount(ctx.db, aid);
    return account && canManageAccount(viewer, record(account)) ? account : null;
  },

  async create(ctx: Context, input: CreateStaffAccountInput): Promise<OneTimePasswordResult> {
    const viewer = requireViewer(ctx.viewer);
    const errors = new FieldErrors();
    const username = input.username.trim().toLowerCase();
    errors.check(
      USERNAME_PATTERN.test(username),
      'input.username',
      '用户名须为3–40位小写字母、数字或 _ . -，以字母开头 / 3–40 lower-case letters, digits, _ . -, starting with a letter',
    );
    const displayName = input.displayName.trim();
    checkDisplayName(displayName, errors);
    const phone = checkMobile(input.mobile, errors);
    const placement = await placementOf(ctx, input.role, input.regionId, input.centerId, errors);
    if (
      placement &&
      !canManageAccount(viewer, {
        role: input.role,
        districtId: placement.districtId,
        streetId: placement.streetId,
        centerId: placement.centerId,
      })
    ) {
      throw forbidden(
        '不能创建超出您管理范围的账号 / you may not create this account: role or place outside your scope',
      );
    }
    if (input.sendBySms && !(input.mobile ?? '').trim())
      errors.add('input.mobile', '短信发送需要手机号码 / SMS needs a mobile number');
    errors.throwIfAny();
    const p = placement as Placement;
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    const account = await ctx.db.transaction(async (em) => {
      const taken: unknown[] = await em.query(`SELECT 1 FROM app_user WHERE lower(username) = $1`, [
        username,
      ]);
      if (taken.length)
        throw badInput([{ field: 'input.username', message: '用户名已被使用 / the username is taken' }]);
      let rows: { id: number }[];
      try {
        rows = await em.query(
          `INSERT INTO app_user (username, display_name, role, password_hash, scope_region_id, center_id,
                                 phone_enc, phone_masked, must_change_password, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9) RETURNING id`,
          [
            username,
            displayName,
            p.role,
            hash,
            p.scopeRegionId,
            p.centerId,
            phone ? encryptPersonal(phone) : null,
            phone ? maskPhone(phone) : null,
            viewer.userId,
          ],
        );
      } catch (e) {
        if ((e as { code?: string }).code === '23505')
          throw badInput([{ field: 'input.username', message: '用户名已被使用 / the username is taken' }]);
        throw e;
      }
      const created = (await loadAccount(em, rows[0].id)) as StaffAccount;
      await recordAudit(em, ctx, {
        action: 'ACCOUNT_CREATED',
        targetType: 'USER',
        targetId: created.id,
        targetLabel: `${created.displayName} (${created.username})`,
        districtId: created.districtId,
        streetId: created.streetId,
        after: auditView(created),
        detail: { oneTimePasswordBy: input.sendBySms ? 'SMS' : 'SHOWN' },
      });
      return created;
    });
    return { account, ...(await deliver(password, phone, !!input.sendBySms)) };
  },

  async update(ctx: Context, id: string, input: UpdateStaffAccountInput): Promise<StaffAccount> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.db.transaction(async (em) => {
      const before = await managedAccount(ctx, em, id, viewer);
      const errors = new FieldErrors();
      const displayName =
        input.displayName === undefined || input.displayName === null ? null : input.displayName.trim();
      if (displayName !== null) checkDisplayName(displayName, errors);
      const phone =
        input.mobile === undefined || input.mobile === null ? undefined : checkMobile(input.mobile, errors);
      const role = (input.role ?? before.role) as StaffRole;
      const moves = input.role != null || input.regionId != null || input.centerId != null;
      let placement: Placement | null = null;
      if (moves) {
        placement = await placementOf(
          ctx,
          role,
          input.regionId ??
            (role === before.role && role !== 'CENTER_STAFF' ? String(before.scopeRegionId) : null),
          input.centerId ?? (role === before.role ? String(before.centerId) : null),
          errors,
        );
      }
      errors.throwIfAny();
      if (
        placement &&
        !canManageAccount(viewer, {
          id: before.id,
          role,
          districtId: placement.districtId,
          streetId: placement.streetId,
          centerId: placement.centerId,
        })
      ) {
        throw forbidden('不能把账号改到您管理范围之外 / the new role or place is outside your scope');
      }
      const sets: string[] = [];
      const params: unknown[] = [before.id];
      const set = (col: string, v: unknown) => {
        params.push(v);
        sets.push(`${col} = $${params.length}`);
      };
      if (displayName !== null) set('display_name', displayName);
      if (phone !== undefined) {
        set('phone_enc', phone ? encryptPersonal(phone) : null);
        set('phone_masked', phone ? maskPhone(phone) : null);
      }
      const roleChanged =
        !!placement &&
        (placement.role !== before.role ||
          placement.scopeRegionId !== before.scopeRegionId ||
          placement.centerId !== before.centerId);
      if (placement && roleChanged) {
        set('role', placement.role);
        set('scope_region_id', placement.scopeRegionId);
        set('center_id', placement.centerId);
        // a new role or place: tokens signed for the old one stop
        sets.push('token_version = token_version + 1');
      }
      if (!sets.length) return before;
      sets.push('updated_at = now()');
      await em.query(`UPDATE app_user SET ${sets.join(', ')} WHERE id = $1`, params);
      const after = (await loadAccount(em, before.id)) as StaffAccount;
      const entries: AuditEntry[] = [];
      const common = {
        targetType: 'USER',
        targetId: after.id,
        targetLabel: `${after.displayName} (${after.username})`,
        districtId: after.districtId,
        streetId: after.streetId,
      };
      if (roleChanged)
        entries.push({
          ...common,
          action: 'ROLE_CHANGED',
          before: { role: before.role, scopeRegionId: before.scopeRegionId, centerId: before.centerId },
          after: { role: after.role, scopeRegionId: after.scopeRegionId, centerId: after.centerId },
        });
      if (displayName !== null && displayName !== before.displayName)
        entries.push({
          ...common,
          action: 'ACCOUNT_UPDATED',
          before: { displayName: before.displayName },
          after: { displayName },
        });
      if (phone !== undefined && (phone ? maskPhone(phone) : null) !== before.phoneMasked)
        entries.push({
          ...common,
          action: 'ACCOUNT_UPDATED',
          before: { phone: before.phoneMasked },
          after: { phone: after.phoneMasked },
        });
      for (const e of entries) await recordAudit(em, ctx, e);
      // the old place's district sees the move too
      if (roleChanged && before.districtId !== after.districtId)
        await recordAudit(em, ctx, {
          ...entries[0],
          districtId: before.districtId,
          streetId: before.streetId,
        });
      return after;
    });
  },

  /** Disables or re-enables an account; disabling ends its sessions at once. */
  async setActive(ctx: Context, id: string, active: boolean): Promise<StaffAccount> {
    const viewer = requireViewer(ctx.viewer);
    return ctx.db.transaction(async (em) => {
      const before = await managedAccount(ctx, em, id, viewer);
      if (before.active === active) return before;
      await em.query(
        `UPDATE app_user SET active = $2, updated_at = now(), token_version = token_version + 1 WHERE id = $1`,
        [before.id, active],
      );
      const after = (await loadAccount(em, before.id)) as StaffAccount;
      await recordAudit(em, ctx, {
        action: active ? 'ACCOUNT_ENABLED' : 'ACCOUNT_DISABLED',
        targetType: 'USER',
        targetId: after.id,
        targetLabel: `${after.displayName} (${after.username})`,
        districtId: after.districtId,
        streetId: after.streetId,
        before: { active: before.active },
        after: { active },
      });
      return after;
    });
  },

  /** A new one-time password; every token of the account stops working. */
  async resetPassword(ctx: Context, id: string, sendBySms: boolean): Promise<OneTimePasswordResult> {
    const viewer = requireViewer(ctx.viewer);
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    const { account, phone } = await ctx.db.transaction(async (em) => {
      const target = await managedAccount(ctx, em, id, viewer);
      const [stored]: { phone_enc: string | null }[] = await em.query(
        `SELECT phone_enc FROM app_user WHERE id = $1`,
        [target.id],
      );
      const phone = stored.phone_enc ? decryptPersonal(stored.phone_enc) : null;
      if (sendBySms && !phone)
        throw badInput([
          { field: 'sendBySms', message: '该账号没有手机号码 / the account has no mobile number' },
        ]);
      await em.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = true, token_version = token_version + 1,
                             updated_at = now() WHERE id = $1`,
        [target.id, hash],
      );
      await recordAudit(em, ctx, {
        action: 'PASSWORD_RESET',
        targetType: 'USER',
        targetId: target.id,
        targetLabel: `${target.displayName} (${target.username})`,
        districtId: target.districtId,
        streetId: target.streetId,
        detail: { oneTimePasswordBy: sendBySms ? 'SMS' : 'SHOWN' },
      });
      return { account: (await loadAccount(em, target.id)) as StaffAccount, phone };
    });
    return { account, ...(await deliver(password, phone, sendBySms)) };
  },

  /** The signed-in user sets their own password (also the way out of a one-time password). */
  async changePassword(
    ctx: Context,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ token: string; user: User }> {
    const viewer = ctx.viewer;
    if (!viewer) throw unauthenticated();
    if (viewer.apiKey || viewer.role === 'RESIDENT' || viewer.role === 'INTEGRATOR')
      throw forbidden('该账号没有密码 / this account has no password');
    return ctx.db.transaction(async (em) => {
      const [u]: { username: string; password_hash: string | null }[] = await em.query(
        `SELECT username, password_hash FROM app_user WHERE id = $1 AND active FOR UPDATE`,
        [viewer.userId],
      );
      if (!u) throw unauthenticated();
      if (!u.password_hash || !(await verifyPassword(currentPassword, u.password_hash)))
        throw badInput([
          { field: 'currentPassword', message: '当前密码不正确 / the current password is wrong' },
        ]);
      const problems = passwordProblems(newPassword, u.username);
      if (newPassword === currentPassword)
        problems.push('新密码不能与当前密码相同 / the new password must differ from the current one');
      if (problems.length) throw badInput(problems.map((message) => ({ field: 'newPassword', message })));
      const [[row]]: [{ token_version: number; role: string }[], number] = await em.query(
        `UPDATE app_user SET password_hash = $2, must_change_password = false, password_changed_at = now(),
                             token_version = token_version + 1, updated_at = now()
         WHERE id = $1 RETURNING token_version, role`,
        [viewer.userId, await hashPassword(newPassword)],
      );
      const account = await loadAccount(em, viewer.userId);
      await recordAudit(em, ctx, {
        action: 'PASSWORD_CHANGED',
        targetType: 'USER',
        targetId: viewer.userId,
        targetLabel: `${viewer.displayName} (${u.username})`,
        districtId: account?.districtId ?? viewer.districtId,
        streetId: account?.streetId ?? viewer.streetId,
      });
      const user = await em.getRepository(User).findOneByOrFail({ id: viewer.userId });
      return { token: signToken(viewer.userId, row.role, row.token_version), user };
    });
  },

  /** Whether the viewer may manage an account (the UIs' buttons). */
  viewerCanManage(ctx: Context, account: StaffAccount): boolean {
    return canManageAccount(ctx.viewer, record(account));
  },
};
