// A district's case settings: its categories with their handling level and time limits, and its
// working calendar. Rows without a district are the defaults (seeded by the migration); a district's
// own row replaces the default of the same code or date.
import type { EntityManager } from 'typeorm';
import {
  CASE_CATEGORY_CODE,
  CALENDAR_DAY_KINDS,
  ISO_DATE,
  TITLE_MAX_LENGTH,
  addWorkingHours,
  levelHours,
  workingCalendar,
  type CalendarDayKind,
  type CaseLevel,
  type WorkingCalendar,
} from '@lc/domain';
import { canKeepCaseSettings, requireViewer } from '../../auth/policy';
import { FieldErrors, forbidden } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import type { Context } from '../../context';
import { CaseCategory } from './case.entity';
import type { CalendarDay, SaveCaseCategoryInput } from './dto/case-settings.dto';

type Executor = Pick<EntityManager, 'query' | 'getRepository'>;

const HOURS_MAX = 2000;

/** The categories in force in a district (its own rows over the defaults), in display order. */
export async function categoriesOf(db: Executor, districtId: number | null): Promise<CaseCategory[]> {
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT * FROM (
       SELECT DISTINCT ON (code) * FROM case_category
       WHERE district_id = $1 OR district_id IS NULL
       ORDER BY code, district_id NULLS LAST
     ) c ORDER BY sort_order, code`,
    [districtId ?? -1],
  );
  const repo = db.getRepository(CaseCategory);
  return rows.map((r) => hydrate(repo, r));
}

/** The categories in force in several districts at once (one statement). */
export async function categoriesOfMany(
  db: Executor,
  districtIds: readonly number[],
): Promise<CaseCategory[][]> {
  const rows: (Record<string, unknown> & { for_district: number })[] = await db.query(
    `SELECT * FROM (
       SELECT DISTINCT ON (d.id, c.code) d.id AS for_district, c.*
       FROM unnest($1::int[]) AS d(id)
       JOIN case_category c ON c.district_id = d.id OR c.district_id IS NULL
       ORDER BY d.id, c.code, c.district_id NULLS LAST
     ) x ORDER BY for_district, sort_order, code`,
    [districtIds],
  );
  const repo = db.getRepository(CaseCategory);
  return districtIds.map((id) => rows.filter((r) => r.for_district === id).map((r) => hydrate(repo, r)));
}

export async function categoryOf(
  db: Executor,
  districtId: number,
  code: string,
): Promise<CaseCategory | null> {
  return (await categoriesOf(db, districtId)).find((c) => c.code === code) ?? null;
}

/** The calendar's exceptional days in force in a district (its own rows over the national ones). */
export async function calendarDaysOf(db: Executor, districtId: number | null): Promise<CalendarDay[]> {
  const rows: {
    day: string;
    kind: CalendarDayKind;
    name: string;
    estimated: boolean;
    district_id: number | null;
  }[] = await db.query(
    `SELECT DISTINCT ON (day) to_char(day, 'YYYY-MM-DD') AS day, kind, name, estimated, district_id
       FROM calendar_day WHERE district_id = $1 OR district_id IS NULL
       ORDER BY day, district_id NULLS LAST`,
    [districtId ?? -1],
  );
  return rows.map((r) => ({
    date: r.day,
    kind: r.kind,
    name: r.name,
    estimated: r.estimated,
    districtSetting: r.district_id !== null,
  }));
}

export async function calendarOf(db: Executor, districtId: number): Promise<WorkingCalendar> {
  return workingCalendar(await calendarDaysOf(db, districtId));
}

/** A case's deadline at a level, counted in the district's working time from `from`. */
export function levelDeadline(
  category: CaseCategory,
  level: CaseLevel,
  from: Date,
  calendar: WorkingCalendar,
): Date {
  return addWorkingHours(from, levelHours(category, level), calendar);
}

/** The deadline to accept a new case. */
export function acceptDeadline(category: CaseCategory, from: Date, calendar: WorkingCalendar): Date {
  return addWorkingHours(from, category.acceptHours, calendar);
}

async function keptDistrict(ctx: Context, districtId: string): Promise<number> {
  const viewer = requireViewer(ctx.viewer);
  const id = parseId(districtId);
  const region = id === null ? null : await ctx.loaders.places.regionById.load(id);
  if (!region || region.level !== 'DISTRICT')
    new FieldErrors().add('districtId', '未知的区 / unknown district').throwIfAny();
  if (!canKeepCaseSettings(viewer, region!.id))
    throw forbidden('只有区管理员可以修改 / only the district admin changes these settings');
  return region!.id;
}

export const caseSettingsService = {
  /** The categories of a district: given, or the viewer's (a resident's home district), or the defaults. */
  async categories(ctx: Context, districtId: string | null | undefined, includeInactive: boolean) {
    let id: number | null = districtId == null ? (ctx.viewer?.districtId ?? null) : parseId(districtId);
    if (districtId == null && ctx.viewer?.role === 'RESIDENT') {
      const [row] = await ctx.db.query(
        `SELECT r.district_id FROM app_user u JOIN region r ON r.id = u.home_community_id WHERE u.id = $1`,
        [ctx.viewer.userId],
      );
      id = row?.district_id ?? null;
    }
    const all = await categoriesOf(ctx.db.manager, id);
    return includeInactive ? all : all.filter((c) => c.active);
  },

  /** Adds or changes a category of the district (its own row; the defaults stay as they are). */
  async saveCategory(ctx: Context, input: SaveCaseCategoryInput): Promise<CaseCategory> {
    const districtId = await keptDistrict(ctx, input.districtId);
    const e = new FieldErrors();
    const code = input.code.trim().toUpperCase();
    e.check(
      CASE_CATEGORY_CODE.test(code),
      'input.code',
      '编码须为大写字母、数字和下划线 / code: A–Z, 0–9 and _',
    );
    const name = input.name.trim();
    const nameEn = (input.nameEn ?? '').trim() || name;
    e.check(
      name.length > 0 && name.length <= TITLE_MAX_LENGTH,
      'input.name',
      '请填写名称 / a name is required',
    );
    e.check(nameEn.length <= TITLE_MAX_LENGTH, 'input.nameEn', '名称过长 / name too long');
    for (const f of ['acceptHours', 'communityHours', 'jointHours', 'streetHours'] as const) {
      const v = input[f];
      e.check(
        Number.isInteger(v) && v >= 1 && v <= HOURS_MAX,
        `input.${f}`,
        `时限须为1–${HOURS_MAX}个工作小时 / 1–${HOURS_MAX} working hours`,
      );
    }
    e.throwIfAny();
    const viewer = requireViewer(ctx.viewer);
    const [row] = await ctx.db.query(
      `INSERT INTO case_category (district_id, code, name_zh, name_en, start_level, accept_hours, community_hours,
                                  joint_hours, street_hours, active, sort_order, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
               coalesce($11, (SELECT sort_order FROM case_category WHERE district_id IS NULL AND code = $2),
                        (SELECT max(sort_order) + 1 FROM case_category)), $12)
       ON CONFLICT (coalesce(district_id, 0), code) DO UPDATE SET
         name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, start_level = EXCLUDED.start_level,
         accept_hours = EXCLUDED.accept_hours, community_hours = EXCLUDED.community_hours,
         joint_hours = EXCLUDED.joint_hours, street_hours = EXCLUDED.street_hours, active = EXCLUDED.active,
         sort_order = coalesce($11, case_category.sort_order), updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING *`,
      [
        districtId,
        code,
        name,
        nameEn,
        input.startLevel,
        input.acceptHours,
        input.communityHours,
        input.jointHours,
        input.streetHours,
        input.active ?? true,
        input.sortOrder ?? null,
        viewer.userId,
      ],
    );
    return hydrate(ctx.db.getRepository(CaseCategory), row);
  },

  /** The district's exceptional days of a year (not secret: anyone may read a calendar). */
  async calendar(ctx: Context, districtId: string, year: number): Promise<CalendarDay[]> {
    const id = parseId(districtId);
    const region = id === null ? null : await ctx.loaders.places.regionById.load(id);
    if (!region || region.level !== 'DISTRICT')
      new FieldErrors().add('districtId', '未知的区 / unknown district').throwIfAny();
    return (await calendarDaysOf(ctx.db.manager, region!.id)).filter((d) => d.date.startsWith(`${year}-`));
  },

  /** Sets a day of the district's calendar (a holiday or a make-up working day), or with kind null
   * goes back to the national calendar for that day. Answers the day as now in force. */
  async setDay(
    ctx: Context,
    districtId: string,
    date: string,
    kind: CalendarDayKind | null,
    name: string | null | undefined,
  ): Promise<CalendarDay[]> {
    const id = await keptDistrict(ctx, districtId);
    const e = new FieldErrors();
    e.check(
      ISO_DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)),
      'date',
      '日期格式 YYYY-MM-DD / date as YYYY-MM-DD',
    );
    e.check(kind === null || CALENDAR_DAY_KINDS.includes(kind), 'kind', '未知类型 / unknown kind');
    e.check((name ?? '').length <= TITLE_MAX_LENGTH, 'name', '名称过长 / name too long');
    e.throwIfAny();
    const viewer = requireViewer(ctx.viewer);
    if (kind === null) {
      await ctx.db.query(`DELETE FROM calendar_day WHERE district_id = $1 AND day = $2`, [id, date]);
    } else {
      await ctx.db.query(
        `INSERT INTO calendar_day (district_id, day, kind, name, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (coalesce(district_id, 0), day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
           estimated = false, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [id, date, kind, name?.trim() || (kind === 'HOLIDAY' ? '休息日' : '调休上班'), viewer.userId],
      );
    }
    return (await calendarDaysOf(ctx.db.manager, id)).filter((d) => d.date.slice(0, 4) === date.slice(0, 4));
  },
};
