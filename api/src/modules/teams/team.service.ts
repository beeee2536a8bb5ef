// 3+X 运营专班: a center's operations team (accounts or named people such as volunteers), its AB
// pairs (every duty has an A and a B; when A is marked absent B is on duty) and the weekly rota.
// The same person cannot be on the rota of two centers in one shift: persons are known by their
// account, else their phone (keyed hash), else the member row; an advisory lock per person and
// shift makes the check safe against concurrent requests and API processes.
import {
  DISPLAY_NAME_MAX_LENGTH,
  DUTY_SHIFT_LABELS,
  ISO_DATE,
  maskPhone,
  normalizePhone,
  type DutyShift,
} from '@lc/domain';
import type { EntityManager } from 'typeorm';
import { canManageTeam, requireViewer } from '../../auth/policy';
import { encryptPersonal, keyedHash } from '../../auth/phone-crypto';
import { AppError, FieldErrors, notFound, forbidden } from '../../common/app-error';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import type { Center } from '../places/center.entity';
import { ENTRY_SELECT, toEntry, toMember, toPair } from './team.loaders';
import type { DutyPair, RotaEntry, RotaEntryInput, TeamMember, TeamMemberInput } from './team.types';

const DUTY_MAX_LENGTH = 30;

async function managedCenter(ctx: Context, centerId: string | number): Promise<Center> {
  const viewer = requireViewer(ctx.viewer);
  const cid = parseId(String(centerId));
  const center = cid === null ? null : await ctx.loaders.places.centerById.load(cid);
  if (!center) throw notFound('center');
  if (!canManageTeam(viewer, center))
    throw forbidden('运营专班由中心、街镇和区管理 / the team is kept by the center, its street and district');
  return center;
}

async function memberOf(
  em: EntityManager,
  id: string | number,
  centerId: number,
  field: string,
  errors: FieldErrors,
) {
  const mid = parseId(String(id));
  const rows: Record<string, unknown>[] =
    mid === null ? [] : await em.query(`SELECT * FROM team_member WHERE id = $1`, [mid]);
  const m = rows[0] ? toMember(rows[0]) : null;
  if (!m || m.centerId !== centerId || !m.active) {
    errors.add(field, '不是本中心运营专班的在岗成员 / not an active member of this center’s team');
    return null;
  }
  return m;
}

/** How a person is known across centers (the rota's conflict check). */
async function personKey(em: EntityManager, memberId: number): Promise<string> {
  const [m]: { user_id: number | null; phone_hash: string | null }[] = await em.query(
    `SELECT user_id, phone_hash FROM team_member WHERE id = $1`,
    [memberId],
  );
  if (m.user_id !== null) return `u:${m.user_id}`;
  if (m.phone_hash) return `p:${m.phone_hash}`;
  return `m:${memberId}`;
}

const audit = (
  ctx: Context,
  em: EntityManager,
  center: Center,
  action: 'TEAM_CHANGED' | 'ROTA_CHANGED',
  detail: Record<string, unknown>,
) =>
  recordAudit(em, ctx, {
    action,
    targetType: 'CENTER',
    targetId: center.id,
    targetLabel: center.name,
    districtId: center.districtId,
    streetId: center.streetId,
    detail,
  });

/** Monday of the week of a YYYY-MM-DD day, and the week's seven days. */
export function weekOf(day: string): string[] {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400000);
  return Array.from({ length: 7 }, (_, i) =>
    new Date(monday.getTime() + i * 86400000).toISOString().slice(0, 10),
  );
}

function checkDay(day: string, field: string, errors: FieldErrors): void {
  errors.check(
    ISO_DATE.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)),
    field,
    '日期格式为 YYYY-MM-DD / the day is YYYY-MM-DD',
  );
}

export const teamService = {
  /** The team, for whoever manages the center; null for others (the public sees dutyToday only). */
  async members(ctx: Context, center: Center): Promise<TeamMember[] | null> {
    if (!canManageTeam(ctx.viewer, center)) return null;
    return ctx.loaders.teams.membersByCenter.load(center.id);
  },

  async pairs(ctx: Context, center: Center): Promise<DutyPair[] | null> {
    if (!canManageTeam(ctx.viewer, center)) return null;
    return ctx.loaders.teams.pairsByCenter.load(center.id);
  },

  async rota(ctx: Context, center: Center, weekStart: string): Promise<RotaEntry[] | null> {
    if (!canManageTeam(ctx.viewer, center)) return null;
    const errors = new FieldErrors();
    checkDay(weekStart, 'weekStart', errors);
    errors.throwIfAny();
    const days = weekOf(weekStart);
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `${ENTRY_SELECT} WHERE e.center_id = $1 AND e.day BETWEEN $2::date AND $3::date
       ORDER BY e.day, array_position(ARRAY['MORNING','AFTERNOON','EVENING'], e.shift), p.duty`,
      [center.id, days[0], days[6]],
    );
    return rows.map(toEntry);
  },

  async addMember(ctx: Context, centerId: string, input: TeamMemberInput): Promise<TeamMember> {
    const center = await managedCenter(ctx, centerId);
    const errors = new FieldErrors();
    let name = input.name?.trim() ?? '';
    let userId: number | null = null;
    if (input.userId != null) {
      const uid = parseId(input.userId);
      const rows: { id: number; display_name: string; district_id: number | null }[] =
        uid === null
          ? []
          : await ctx.db.query(
              `SELECT u.id, u.display_name, coalesce(c.district_id, CASE WHEN r.level = 'DISTRICT' THEN r.id ELSE r.district_id END) AS district_id
               FROM app_user u LEFT JOIN region r ON r.id = u.scope_region_id LEFT JOIN center c ON c.id = u.center_id
               WHERE u.id = $1 AND u.active AND u.role IN ('STREET_ADMIN','CENTER_STAFF','EVALUATOR','DISTRICT_ADMIN')`,
              [uid],
            );
      if (!rows[0] || rows[0].district_id !== center.districtId)
        errors.add('input.userId', '未知的本区账号 / unknown account of the district');
      else {
        userId = rows[0].id;
        name ||= rows[0].display_name;
      }
    }
    errors.check(
      name.length > 0 && name.length <= DISPLAY_NAME_MAX_LENGTH,
      'input.name',
      '请填写姓名 / the name is required',
    );
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.phone && !phone)
      errors.add('input.phone', '请输入11位手机号码 / enter an 11-digit mobile number');
    errors.throwIfAny();
    return ctx.db.transaction(async (em) => {
      let rows: Record<string, unknown>[];
      try {
        rows = await em.query(
          `INSERT INTO team_member (center_id, user_id, name, team_role, phone_enc, phone_hash, phone_masked)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
          [
            center.id,
            userId,
            name,
            input.teamRole ?? 'FULL_TIME',
            phone ? encryptPersonal(phone) : null,
            phone ? keyedHash('team-phone', [phone]) : null,
            phone ? maskPhone(phone) : null,
          ],
        );
      } catch (e) {
        if ((e as { code?: string }).code === '23505')
          throw new AppError('CONFLICT', '该账号已在本中心运营专班中 / the account is already in the team');
        throw e;
      }
      const member = toMember(rows[0]);
      await audit(ctx, em, center, 'TEAM_CHANGED', {
        added: { id: member.id, name: member.name, teamRole: member.teamRole },
      });
      return member;
    });
  },

  async updateMember(ctx: Context, id: string, input: TeamMemberInput): Promise<TeamMember> {
    const mid = parseId(id);
    const found = mid === null ? null : await ctx.loaders.teams.memberById.load(mid);
    if (!found) throw notFound('team member');
    const center = await managedCenter(ctx, found.centerId);
    const errors = new FieldErrors();
    const name = input.name == null ? null : input.name.trim();
    if (name !== null)
      errors.check(
        name.length > 0 && name.length <= DISPLAY_NAME_MAX_LENGTH,
        'input.name',
        '请填写姓名 / the name is required',
      );
    const phone =
      input.phone == null ? undefined : input.phone.trim() === '' ? null : normalizePhone(input.phone);
    if (input.phone && input.phone.trim() !== '' && !phone)
      errors.add('input.phone', '请输入11位手机号码 / enter an 11-digit mobile number');
    errors.throwIfAny();
    return ctx.db.transaction(async (em) => {
      const sets = ['updated_at = now()'];
      const params: unknown[] = [found.id];
      const set = (col: string, v: unknown) => {
        params.push(v);
        sets.push(`${col} = $${params.length}`);
      };
      if (name !== null) set('name', name);
      if (input.teamRole) set('team_role', input.teamRole);
      if (input.active != null) set('active', input.active);
      if (phone !== undefined) {
        set('phone_enc', phone ? encryptPersonal(phone) : null);
        set('phone_hash', phone ? keyedHash('team-phone', [phone]) : null);
        set('phone_masked', phone ? maskPhone(phone) : null);
      }
      const [[row]]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE team_member SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
        params,
      );
      const after = toMember(row);
      await audit(ctx, em, center, 'TEAM_CHANGED', {
        member: after.id,
        before: {
          name: found.name,
          teamRole: found.teamRole,
          active: found.active,
          phone: found.phoneMasked,
        },
        after: { name: after.name, teamRole: after.teamRole, active: after.active, phone: after.phoneMasked },
      });
      return after;
    });
  },

  /** Sets the A and B of a duty (creating the duty when new). */
  async setPair(
    ctx: Context,
    centerId: string,
    duty: string,
    aMemberId: string,
    bMemberId: string,
  ): Promise<DutyPair> {
    const center = await managedCenter(ctx, centerId);
    const name = duty.trim();
    return ctx.db.transaction(async (em) => {
      const errors = new FieldErrors();
      errors.check(
        name.length > 0 && name.length <= DUTY_MAX_LENGTH,
        'duty',
        `请填写岗位名称（${DUTY_MAX_LENGTH}字以内） / name the duty`,
      );
      const a = await memberOf(em, aMemberId, center.id, 'aMemberId', errors);
      const b = await memberOf(em, bMemberId, center.id, 'bMemberId', errors);
      if (a && b && a.id === b.id)
        errors.add('bMemberId', 'A角和B角不能是同一人 / A and B must be two people');
      errors.throwIfAny();
      const [row]: Record<string, unknown>[] = await em.query(
        `INSERT INTO duty_pair (center_id, duty, a_member_id, b_member_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (center_id, duty) DO UPDATE SET a_member_id = EXCLUDED.a_member_id, b_member_id = EXCLUDED.b_member_id
         RETURNING *`,
        [center.id, name, a!.id, b!.id],
      );
      await audit(ctx, em, center, 'TEAM_CHANGED', { duty: name, a: a!.name, b: b!.name });
      return toPair(row);
    });
  },

  /** Puts an AB pair on the rota for a day and shift (A and B as the pair has them now). Refused with
   * CONFLICT when A or B is on another center's rota in that shift. */
  async setEntry(ctx: Context, input: RotaEntryInput): Promise<RotaEntry> {
    const center = await managedCenter(ctx, input.centerId);
    const errors = new FieldErrors();
    checkDay(input.day, 'input.day', errors);
    const pid = parseId(input.pairId);
    errors.throwIfAny();
    return ctx.db.transaction(async (em) => {
      const pairs: Record<string, unknown>[] =
        pid === null ? [] : await em.query(`SELECT * FROM duty_pair WHERE id = $1`, [pid]);
      const pair = pairs[0] ? toPair(pairs[0]) : null;
      if (!pair || pair.centerId !== center.id)
        new FieldErrors().add('input.pairId', '不是本中心的AB岗 / not a duty of this center').throwIfAny();
      const p = pair as DutyPair;
      const keys = [...new Set([await personKey(em, p.aMemberId), await personKey(em, p.bMemberId)])].sort();
      // one person, one center per shift: lock each person's shift, then look
      for (const k of keys)
        await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
          `rota:${k}:${input.day}:${input.shift}`,
        ]);
      const clash: { name: string; center: string }[] = await em.query(
        `SELECT DISTINCT m.name, c.name AS center
         FROM rota_person_shift s JOIN center c ON c.id = s.center_id
         JOIN rota_entry e ON e.id = s.rota_entry_id
         JOIN team_member m ON m.id IN (e.a_member_id, e.b_member_id)
         WHERE s.person_key = ANY($1) AND s.day = $2::date AND s.shift = $3 AND s.center_id <> $4`,
        [keys, input.day, input.shift, center.id],
      );
      if (clash.length) {
        const where = [...new Set(clash.map((c) => c.center))].join('、');
        throw new AppError(
          'CONFLICT',
          `排班冲突：该时段已在${where}值班 / rota conflict: already on duty at ${where} in the ${DUTY_SHIFT_LABELS[input.shift].en.toLowerCase()} of ${input.day}`,
          undefined,
          { conflictCenters: [...new Set(clash.map((c) => c.center))] },
        );
      }
      const [row]: { id: number }[] = await em.query(
        `INSERT INTO rota_entry (center_id, day, shift, pair_id, a_member_id, b_member_id) VALUES ($1, $2::date, $3, $4, $5, $6)
         ON CONFLICT (center_id, day, shift, pair_id)
         DO UPDATE SET a_member_id = EXCLUDED.a_member_id, b_member_id = EXCLUDED.b_member_id, a_absent = false
         RETURNING id`,
        [center.id, input.day, input.shift, p.id, p.aMemberId, p.bMemberId],
      );
      await em.query(`DELETE FROM rota_person_shift WHERE rota_entry_id = $1`, [row.id]);
      await em.query(
        `INSERT INTO rota_person_shift (person_key, day, shift, center_id, rota_entry_id)
         SELECT k, $2::date, $3, $4, $5 FROM unnest($1::text[]) AS k`,
        [keys, input.day, input.shift, center.id, row.id],
      );
      await audit(ctx, em, center, 'ROTA_CHANGED', {
        day: input.day,
        shift: input.shift,
        duty: p.duty,
        set: true,
      });
      const [entry]: Record<string, unknown>[] = await em.query(`${ENTRY_SELECT} WHERE e.id = $1`, [row.id]);
      return toEntry(entry);
    });
  },

  async removeEntry(ctx: Context, id: string): Promise<boolean> {
    const eid = parseId(id);
    const rows: { center_id: number; day: string; shift: DutyShift }[] =
      eid === null
        ? []
        : await ctx.db.query(
            `SELECT center_id, to_char(day, 'YYYY-MM-DD') AS day, shift FROM rota_entry WHERE id = $1`,
            [eid],
          );
    if (!rows[0]) throw notFound('rota entry');
    const center = await managedCenter(ctx, rows[0].center_id);
    await ctx.db.transaction(async (em) => {
      await em.query(`DELETE FROM rota_entry WHERE id = $1`, [eid]);
      await audit(ctx, em, center, 'ROTA_CHANGED', { day: rows[0].day, shift: rows[0].shift, removed: true });
    });
    return true;
  },

  /** Marks the A of an entry absent (B is on duty) or back. */
  async setAbsent(ctx: Context, id: string, absent: boolean): Promise<RotaEntry> {
    const eid = parseId(id);
    const rows: Record<string, unknown>[] =
      eid === null ? [] : await ctx.db.query(`${ENTRY_SELECT} WHERE e.id = $1`, [eid]);
    if (!rows[0]) throw notFound('rota entry');
    const entry = toEntry(rows[0]);
    const center = await managedCenter(ctx, entry.centerId);
    return ctx.db.transaction(async (em) => {
      await em.query(`UPDATE rota_entry SET a_absent = $2 WHERE id = $1`, [entry.id, absent]);
      await audit(ctx, em, center, 'ROTA_CHANGED', {
        day: entry.day,
        shift: entry.shift,
        duty: entry.duty,
        aAbsent: absent,
      });
      const [row]: Record<string, unknown>[] = await em.query(`${ENTRY_SELECT} WHERE e.id = $1`, [entry.id]);
      return toEntry(row);
    });
  },
};
