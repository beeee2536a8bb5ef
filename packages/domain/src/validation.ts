// Validation rules shared by the API (authoritative) and the SPAs (early feedback).
import {
  AUDIENCES,
  FACILITIES,
  SERVICE_CATEGORIES,
  WEEKDAYS,
  ZONES,
  type Facility,
  type Zone,
} from './enums';

export const ADDRESS_MAX_LENGTH = 200;
export const OPENING_HOURS_MAX_LENGTH = 200;

export function unknownFacilities(codes: readonly string[]): string[] {
  return codes.filter((c) => !(FACILITIES as readonly string[]).includes(c));
}
export function unknownZones(codes: readonly string[]): string[] {
  return codes.filter((c) => !(ZONES as readonly string[]).includes(c));
}
export function isFacility(code: string): code is Facility {
  return (FACILITIES as readonly string[]).includes(code);
}
export function isZone(code: string): code is Zone {
  return (ZONES as readonly string[]).includes(code);
}

export const SERVICE_NAME_MAX_LENGTH = 60;
export const SERVICE_TEXT_MAX_LENGTH = 500;
export const SERVICE_SHORT_TEXT_MAX_LENGTH = 100;
export const ORDER_NOTE_MAX_LENGTH = 300;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** HH:MM, 00:00–24:00 */
export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
/** YYYY-MM-DD */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const OFFERING_CAPACITY_MAX = 100000;

export function unknownAudiences(codes: readonly string[]): string[] {
  return codes.filter((c) => !(AUDIENCES as readonly string[]).includes(c));
}

/** The fields of a service item as entered by an official (form or Excel row). */
export interface ServiceItemFields {
  name?: string | null;
  description?: string | null;
  category?: string | null;
  audience?: readonly string[] | null;
  fee?: string | null;
  provider?: string | null;
  department?: string | null;
}

/** Problems with a service item's fields, zh-CN / English, by field name. `partial` skips missing
 * fields (an edit); otherwise name and category are required (a new item). */
export function checkServiceItemFields(
  input: ServiceItemFields,
  partial = false,
): { field: keyof ServiceItemFields; message: string }[] {
  const out: { field: keyof ServiceItemFields; message: string }[] = [];
  const name = input.name?.trim();
  if (input.name !== undefined || !partial) {
    if (!name) out.push({ field: 'name', message: '名称不能为空 / name is required' });
    else if (name.length > SERVICE_NAME_MAX_LENGTH)
      out.push({
        field: 'name',
        message: `名称不能超过${SERVICE_NAME_MAX_LENGTH}个字 / name must be at most ${SERVICE_NAME_MAX_LENGTH} characters`,
      });
  }
  if (input.category !== undefined || !partial) {
    if (!input.category) out.push({ field: 'category', message: '类别不能为空 / category is required' });
    else if (!(SERVICE_CATEGORIES as readonly string[]).includes(input.category))
      out.push({ field: 'category', message: `未知类别“${input.category}” / unknown category` });
  }
  const unknown = unknownAudiences(input.audience ?? []);
  if (unknown.length)
    out.push({ field: 'audience', message: `未知服务对象：${unknown.join('、')} / unknown audience` });
  if ((input.description ?? '').length > SERVICE_TEXT_MAX_LENGTH)
    out.push({
      field: 'description',
      message: `简介不能超过${SERVICE_TEXT_MAX_LENGTH}个字 / description must be at most ${SERVICE_TEXT_MAX_LENGTH} characters`,
    });
  for (const f of ['fee', 'provider', 'department'] as const) {
    if ((input[f] ?? '').length > SERVICE_SHORT_TEXT_MAX_LENGTH)
      out.push({
        field: f,
        message: `不能超过${SERVICE_SHORT_TEXT_MAX_LENGTH}个字 / at most ${SERVICE_SHORT_TEXT_MAX_LENGTH} characters`,
      });
  }
  return out;
}

/** One weekly schedule rule as entered. */
export interface ScheduleRuleFields {
  byDay: readonly string[];
  opens: string;
  closes: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** Problems with an offering's schedule, by path (`schedule.0.opens`). */
export function checkSchedule(rules: readonly ScheduleRuleFields[]): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  rules.forEach((r, i) => {
    const at = `schedule.${i}`;
    if (!r.byDay.length)
      out.push({ field: `${at}.byDay`, message: '请选择星期 / pick at least one weekday' });
    const bad = r.byDay.filter((d) => !(WEEKDAYS as readonly string[]).includes(d));
    if (bad.length)
      out.push({ field: `${at}.byDay`, message: `未知星期：${bad.join(',')} / unknown weekday` });
    if (new Set(r.byDay).size !== r.byDay.length)
      out.push({ field: `${at}.byDay`, message: '星期重复 / repeated weekday' });
    const opensOk = TIME_OF_DAY.test(r.opens);
    const closesOk = TIME_OF_DAY.test(r.closes);
    if (!opensOk) out.push({ field: `${at}.opens`, message: '时间格式应为 HH:MM / time must be HH:MM' });
    if (!closesOk) out.push({ field: `${at}.closes`, message: '时间格式应为 HH:MM / time must be HH:MM' });
    if (opensOk && closesOk && r.opens >= r.closes)
      out.push({ field: `${at}.closes`, message: '结束时间须晚于开始时间 / closes must be after opens' });
    for (const f of ['validFrom', 'validUntil'] as const) {
      const v = r[f];
      if (v && (!ISO_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))))
        out.push({ field: `${at}.${f}`, message: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
    }
    if (r.validFrom && r.validUntil && r.validFrom > r.validUntil)
      out.push({
        field: `${at}.validUntil`,
        message: '截止日期须不早于起始日期 / validUntil before validFrom',
      });
  });
  return out;
}

export const TITLE_MAX_LENGTH = 80;
export const LONG_TEXT_MAX_LENGTH = 5000;
export const BUDGET_MAX_YUAN = 100_000_000;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
