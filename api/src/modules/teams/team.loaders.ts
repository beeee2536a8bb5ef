import DataLoader from 'dataloader';
import { onDuty, shiftAt, type DutyShift, type TeamRole } from '@lc/domain';
import type { DataSource } from 'typeorm';
import { manyLoader, oneLoader } from '../../common/loader';
import type { DutyPair, DutyPerson, RotaEntry, TeamMember } from './team.types';

export function toMember(r: Record<string, unknown>): TeamMember {
  return {
    id: r.id as number,
    centerId: r.center_id as number,
    userId: (r.user_id as number | null) ?? null,
    name: r.name as string,
    teamRole: r.team_role as TeamRole,
    phoneMasked: (r.phone_masked as string | null) ?? null,
    active: r.active as boolean,
    hasAccount: r.user_id !== null && r.user_id !== undefined,
  };
}

export function toPair(r: Record<string, unknown>): DutyPair {
  return {
    id: r.id as number,
    centerId: r.center_id as number,
    duty: r.duty as string,
    aMemberId: r.a_member_id as number,
    bMemberId: r.b_member_id as number,
  };
}

export function toEntry(r: Record<string, unknown>): RotaEntry {
  return {
    id: r.id as number,
    centerId: r.center_id as number,
    day: r.day_text as string,
    shift: r.shift as DutyShift,
    pairId: r.pair_id as number,
    duty: r.duty as string,
    aMemberId: r.a_member_id as number,
    bMemberId: r.b_member_id as number,
    aAbsent: r.a_absent as boolean,
  };
}

export const ENTRY_SELECT = `SELECT e.*, to_char(e.day, 'YYYY-MM-DD') AS day_text, p.duty
  FROM rota_entry e JOIN duty_pair p ON p.id = e.pair_id`;

/** Today in Shanghai (YYYY-MM-DD) and the shift of this hour. */
export function shanghaiNow(now = new Date()): { day: string; shift: DutyShift } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(
      now,
    ),
  );
  return { day, shift: shiftAt(hour) };
}

export function createTeamsLoaders(db: DataSource) {
  return {
    membersByCenter: manyLoader<number, TeamMember>(
      async (ids) =>
        (
          (await db.query(`SELECT * FROM team_member WHERE center_id = ANY($1::int[]) ORDER BY id`, [
            ids,
          ])) as Record<string, unknown>[]
        ).map(toMember),
      (m) => m.centerId,
    ),
    memberById: oneLoader<number, TeamMember>(
      async (ids) =>
        (
          (await db.query(`SELECT * FROM team_member WHERE id = ANY($1::int[])`, [ids])) as Record<
            string,
            unknown
          >[]
        ).map(toMember),
      (m) => m.id,
    ),
    pairsByCenter: manyLoader<number, DutyPair>(
      async (ids) =>
        (
          (await db.query(`SELECT * FROM duty_pair WHERE center_id = ANY($1::int[]) ORDER BY id`, [
            ids,
          ])) as Record<string, unknown>[]
        ).map(toPair),
      (p) => p.centerId,
    ),
    /** who is on duty at each center today, every shift, in shift order (A, or B when A is absent) */
    dutyToday: new DataLoader<number, DutyPerson[]>(async (ids) => {
      const { day } = shanghaiNow();
      const rows: Record<string, unknown>[] = await db.query(
        `SELECT e.center_id, e.shift, e.a_absent, p.duty,
                a.name AS a_name, a.team_role AS a_role, b.name AS b_name, b.team_role AS b_role
         FROM rota_entry e JOIN duty_pair p ON p.id = e.pair_id
         JOIN team_member a ON a.id = e.a_member_id JOIN team_member b ON b.id = e.b_member_id
         WHERE e.center_id = ANY($1::int[]) AND e.day = $2::date
         ORDER BY array_position(ARRAY['MORNING','AFTERNOON','EVENING'], e.shift), p.duty`,
        [ids, day],
      );
      const by = new Map<number, DutyPerson[]>();
      for (const r of rows) {
        const who = onDuty({
          a: { name: r.a_name as string, role: r.a_role as TeamRole },
          b: { name: r.b_name as string, role: r.b_role as TeamRole },
          aAbsent: r.a_absent as boolean,
        });
        if (!who) continue;
        const list = by.get(r.center_id as number) ?? [];
        list.push({
          name: who.person.name,
          teamRole: who.person.role,
          duty: r.duty as string,
          shift: r.shift as DutyShift,
          isBackup: who.isBackup,
        });
        by.set(r.center_id as number, list);
      }
      return ids.map((id) => by.get(id) ?? []);
    }),
  };
}

export type TeamsLoaders = ReturnType<typeof createTeamsLoaders>;
