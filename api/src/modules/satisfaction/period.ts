// Periods of the figures: whole Shanghai calendar days, `from` inclusive and `to` exclusive. A
// period splits into the whole months it covers (read from the month rollups) and the days at its
// edges (read from satisfaction_day).
import { FieldErrors } from '../../common/app-error';

/** Shanghai calendar days 'YYYY-MM-DD'; `to` is excluded. */
export interface Period {
  from: string;
  to: string;
}

/** Figures start here when no `from` is given; `to` defaults to the end of this range. */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2100-01-01';

const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Shanghai calendar day an instant falls on, 'YYYY-MM-DD'. */
export function shanghaiDate(at: Date): string {
  return shanghaiDay.format(at);
}

const utc = (day: string): Date => new Date(`${day}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

export function addMonths(day: string, n: number): string {
  const d = utc(day);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}

/** The first day of the day's month. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** The instant a Shanghai day starts (UTC+8, no daylight saving). */
export function startOfShanghaiDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

const clamp = (day: string) => (day < EARLIEST_DAY ? EARLIEST_DAY : day > LATEST_DAY ? LATEST_DAY : day);

/** The period of `from`/`to` arguments (either may be absent: from the earliest figures, up to the
 * latest). BAD_USER_INPUT names `to` when it is not after `from`. */
export function periodOf(
  from: Date | null | undefined,
  to: Date | null | undefined,
  fields: { from: string; to: string } = { from: 'from', to: 'to' },
): Period {
  const e = new FieldErrors();
  e.check(!from || Number.isFinite(from.getTime()), fields.from, '开始时间无效 / invalid from');
  e.check(!to || Number.isFinite(to.getTime()), fields.to, '结束时间无效 / invalid to');
  e.throwIfAny();
  const p = {
    from: clamp(from ? shanghaiDate(from) : EARLIEST_DAY),
    to: clamp(to ? shanghaiDate(to) : LATEST_DAY),
  };
  e.check(
    p.from < p.to,
    fields.to,
    '结束日期须晚于开始日期（按上海日历日，不含结束日）/ to must fall on a later Shanghai day than from (to is excluded)',
  );
  e.throwIfAny();
  return p;
}

/** The period of the same length just before. */
export function previousPeriod(p: Period): Period {
  const len = daysBetween(p.from, p.to);
  return { from: addDays(p.from, -len), to: p.from };
}

/** A period as whole months [months.from, months.to) and edge days (each range `to`-exclusive;
 * empty ranges left out). */
export interface SplitPeriod {
  months: Period | null;
  days: Period[];
}

export function splitPeriod(p: Period): SplitPeriod {
  const firstWhole = p.from === monthOf(p.from) ? p.from : addMonths(p.from, 1);
  const endWhole = monthOf(p.to);
  if (firstWhole >= endWhole) return { months: null, days: [p] };
  const days = [
    { from: p.from, to: firstWhole },
    { from: endWhole, to: p.to },
  ].filter((r) => r.from < r.to);
  return { months: { from: firstWhole, to: endWhole }, days };
}

/** The first days of the months a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let m = monthOf(p.from); m < p.to; m = addMonths(m, 1)) out.push(m);
  return out;
}
