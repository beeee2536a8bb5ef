// Working time for case deadlines: weekdays 09:00–17:00 Shanghai time (UTC+8, no daylight
// saving), minus the holidays and plus the make-up working days (调休) of the calendar a district
// keeps. Pure functions: the API and the SPAs compute the same deadlines.

export const WORKDAY_START_MINUTE = 9 * 60;
export const WORKDAY_END_MINUTE = 17 * 60;
export const WORKDAY_MINUTES = WORKDAY_END_MINUTE - WORKDAY_START_MINUTE;
/** Shanghai's offset from UTC, minutes. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A calendar that never yields a working day stops the search after this many days. */
const SEARCH_DAYS_MAX = 3 * 366;

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  /** YYYY-MM-DD (Shanghai date) */
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** the day is a best estimate, not yet in a State Council notice */
  estimated?: boolean;
}

/** The days that differ from the weekday rule. */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function workingCalendar(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date)),
  };
}

/** The Shanghai date of a day number (days since 1970-01-01 in Shanghai time). */
function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function shanghaiDate(at: Date): string {
  return dateOfDay(Math.floor((at.getTime() + SHANGHAI_OFFSET_MINUTES * MINUTE) / DAY));
}

/** A moment as Shanghai wall time, `YYYY-MM-DD HH:MM`. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MINUTES * MINUTE)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

export function isWorkingDate(date: string, cal: WorkingCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The moment `minutes` working minutes after `start`. Time outside working hours does not count:
 * a case reported on Friday evening with 4 hours to go is due on Monday at 13:00 (or later, when
 * Monday is a holiday). A deadline that falls at the end of a working day stays there. */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkingCalendar): Date {
  const offset = SHANGHAI_OFFSET_MINUTES * MINUTE;
  let t = start.getTime() + offset; // Shanghai wall time as if it were UTC
  let remaining = Math.max(0, Math.round(minutes)) * MINUTE;
  if (remaining === 0) return new Date(start.getTime());
  for (let i = 0; i < SEARCH_DAYS_MAX; i++) {
    const day = Math.floor(t / DAY);
    const open = day * DAY + WORKDAY_START_MINUTE * MINUTE;
    const close = day * DAY + WORKDAY_END_MINUTE * MINUTE;
    if (isWorkingDate(dateOfDay(day), cal) && t < close) {
      const from = Math.max(t, open);
      const available = close - from;
      if (remaining <= available) return new Date(from + remaining - offset);
      remaining -= available;
    }
    t = (day + 1) * DAY;
  }
  throw new Error('the working calendar has no working days');
}

export function addWorkingHours(start: Date, hours: number, cal: WorkingCalendar): Date {
  return addWorkingMinutes(start, hours * 60, cal);
}

/** Working minutes between two moments (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  const offset = SHANGHAI_OFFSET_MINUTES * MINUTE;
  let t = from.getTime() + offset;
  const end = to.getTime() + offset;
  let total = 0;
  while (t < end) {
    const day = Math.floor(t / DAY);
    if (isWorkingDate(dateOfDay(day), cal)) {
      const open = day * DAY + WORKDAY_START_MINUTE * MINUTE;
      const close = day * DAY + WORKDAY_END_MINUTE * MINUTE;
      const a = Math.max(t, open);
      const b = Math.min(end, close);
      if (b > a) total += b - a;
    }
    t = (day + 1) * DAY;
  }
  return Math.round(total / MINUTE);
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
}

const holidays = (from: string, to: string, name: string, estimated = false): CalendarDay[] =>
  range(from, to).map((date) => ({ date, kind: 'HOLIDAY', name, ...(estimated ? { estimated } : {}) }));
const workday = (date: string, name: string): CalendarDay => ({ date, kind: 'WORKDAY', name });

/** The national calendar the districts start from. 2026: as the State Council announced it
 * (holidays and make-up working days). 2027: only the statutory days around the festivals' dates,
 * marked estimated — the notice for 2027 was not known when this was written; district admins
 * correct the calendar (节假日设置) when it is published. */
export const NATIONAL_CALENDAR: readonly CalendarDay[] = [
  ...holidays('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦调休上班'),
  workday('2026-02-14', '春节调休上班'),
  ...holidays('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节调休上班'),
  ...holidays('2026-04-04', '2026-04-06', '清明节'),
  ...holidays('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节调休上班'),
  ...holidays('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节调休上班'),
  ...holidays('2026-09-25', '2026-09-27', '中秋节'),
  ...holidays('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节调休上班'),
  ...holidays('2027-01-01', '2027-01-01', '元旦', true),
  ...holidays('2027-02-06', '2027-02-12', '春节', true),
  ...holidays('2027-04-05', '2027-04-05', '清明节', true),
  ...holidays('2027-05-01', '2027-05-05', '劳动节', true),
  ...holidays('2027-06-09', '2027-06-09', '端午节', true),
  ...holidays('2027-09-15', '2027-09-15', '中秋节', true),
  ...holidays('2027-10-01', '2027-10-07', '国庆节', true),
];
