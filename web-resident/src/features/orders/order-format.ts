// Pure display rules of orders: times in Shanghai time with the weekday, and a colour per status.
import { type DeliveryStatus, labelOf, WEEKDAY_LABELS, WEEKDAYS } from '@lc/domain';

/** Orders are delivered at Shanghai centers: their times read in Shanghai time on every device. */
export const ORDER_TIME_ZONE = 'Asia/Shanghai';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ORDER_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function zonedParts(date: Date): ZonedParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: (parts.hour ?? '00').padStart(2, '0'),
    minute: (parts.minute ?? '00').padStart(2, '0'),
  };
}

/** RFC 5545 weekday code (MO…SU) of a calendar date. */
function weekdayOf(year: number, month: number, day: number): (typeof WEEKDAYS)[number] {
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}

/**
 * A date-time of an order for people: "11月28日 周六 14:00" (zh-CN) or "Sat 28 Nov 14:00" (en),
 * with the year only when it is not the current one. Empty for a missing or unreadable value.
 */
export function formatOrderTime(
  iso: string | null | undefined,
  locale: string,
  now: Date = new Date(),
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = zonedParts(date);
  const showYear = p.year !== zonedParts(now).year;
  const weekday = weekdayOf(p.year, p.month, p.day);
  const time = `${p.hour}:${p.minute}`;
  if (locale.startsWith('zh')) {
    const day = `${showYear ? `${p.year}年` : ''}${p.month}月${p.day}日`;
    return `${day} ${labelOf(WEEKDAY_LABELS, weekday, 'zh-CN')} ${time}`;
  }
  const day = `${p.day} ${MONTHS_EN[p.month - 1]}${showYear ? ` ${p.year}` : ''}`;
  return `${labelOf(WEEKDAY_LABELS, weekday, 'en')} ${day} ${time}`;
}

/** The colour family of a status tag: waiting on the center, in hand, done, or stopped. */
export type StatusTone =
  'waiting' | 'accepted' | 'scheduled' | 'delivered' | 'rated' | 'rejected' | 'cancelled';

const TONES: Record<DeliveryStatus, StatusTone> = {
  REQUESTED: 'waiting',
  ACCEPTED: 'accepted',
  SCHEDULED: 'scheduled',
  DELIVERED: 'delivered',
  RATED: 'rated',
  REJECTED: 'rejected',
  CANCELLED: 'cancelled',
};

export function statusTone(status: string): StatusTone {
  return TONES[status as DeliveryStatus] ?? 'cancelled';
}

/** Statuses whose `reason` the resident should read, with the label it goes under. */
export function reasonLabelKey(status: string): 'orderRejectReason' | 'orderCancelReason' | null {
  if (status === 'REJECTED') return 'orderRejectReason';
  if (status === 'CANCELLED') return 'orderCancelReason';
  return null;
}

/** True when the API answered an order with one placed earlier (a repeat while it is still open). */
export function isEarlierOrder(requestedAt: string, submittedAtMs: number): boolean {
  const t = new Date(requestedAt).getTime();
  // a minute's grace for clocks that disagree
  return Number.isFinite(t) && submittedAtMs - t > 60_000;
}
