// Pure rules of the orders page: status tabs and their filter, which actions an order offers
// (from the server's viewerTransitions), the accept-and-schedule step plan, the date check and
// the demand chart. No React here, so all of it is unit-tested.
import { DELIVERY_STATUSES, type DeliveryStatus } from '@lc/domain';

/** The tabs, in the order of the flow; REQUESTED (待接单) is the default. */
export const ORDER_STATUS_TABS: readonly DeliveryStatus[] = DELIVERY_STATUSES;
export const DEFAULT_STATUS_TAB: DeliveryStatus = 'REQUESTED';

export function parseStatusTab(raw: string | null | undefined): DeliveryStatus {
  return (ORDER_STATUS_TABS as readonly string[]).includes(raw ?? '')
    ? (raw as DeliveryStatus)
    : DEFAULT_STATUS_TAB;
}

export interface OrderFilterInput {
  status: DeliveryStatus;
  centerId?: string | null;
  serviceId?: string | null;
}

/** The `DeliveryOrderFilter` of a tab, a center (none = every center in scope) and an item. */
export function orderFilter({ status, centerId, serviceId }: OrderFilterInput): {
  status: DeliveryStatus;
  centerId?: string;
  serviceId?: string;
} {
  return {
    status,
    ...(centerId ? { centerId } : {}),
    ...(serviceId ? { serviceId } : {}),
  };
}

/** The buttons an order shows, driven by what the server says the viewer may do now. */
export interface OrderActions {
  /** 接单并排期 (REQUESTED) or 排期 (ACCEPTED): a date, then one or two moves */
  acceptAndSchedule: boolean;
  /** 只接单: REQUESTED → ACCEPTED */
  acceptOnly: boolean;
  /** 改期: SCHEDULED → SCHEDULED */
  reschedule: boolean;
  /** 拒绝 with a reason */
  reject: boolean;
  /** 标记已配送 */
  deliver: boolean;
}

export function orderActions(status: DeliveryStatus, transitions: readonly DeliveryStatus[]): OrderActions {
  const can = (to: DeliveryStatus) => transitions.includes(to);
  return {
    acceptAndSchedule:
      (status === 'REQUESTED' && can('ACCEPTED')) || (status === 'ACCEPTED' && can('SCHEDULED')),
    acceptOnly: status === 'REQUESTED' && can('ACCEPTED'),
    reschedule: status === 'SCHEDULED' && can('SCHEDULED'),
    reject: can('REJECTED'),
    deliver: status === 'SCHEDULED' && can('DELIVERED'),
  };
}

export function hasAnyAction(actions: OrderActions): boolean {
  return Object.values(actions).some(Boolean);
}

/**
 * The moves that bring an order to SCHEDULED from its current status: REQUESTED needs ACCEPTED
 * then SCHEDULED; ACCEPTED (e.g. after 只接单, or a first attempt whose scheduling failed) and
 * SCHEDULED (改期) just SCHEDULED. Other statuses cannot be scheduled.
 */
export function schedulePlan(status: DeliveryStatus): DeliveryStatus[] {
  switch (status) {
    case 'REQUESTED':
      return ['ACCEPTED', 'SCHEDULED'];
    case 'ACCEPTED':
    case 'SCHEDULED':
      return ['SCHEDULED'];
    default:
      return [];
  }
}

export interface PlanOutcome<E> {
  /** the order's status after the moves that went through */
  status: DeliveryStatus;
  /** the moves that went through, in order */
  done: DeliveryStatus[];
  /** the move that failed and its error; absent when all went through */
  failed?: { to: DeliveryStatus; error: E };
}

/**
 * Runs the plan one move at a time and stops at the first failure, reporting how far it got
 * (so a failed scheduling after a successful accept leaves the order ACCEPTED and the retry
 * only schedules).
 */
export async function runSchedulePlan<E>(
  status: DeliveryStatus,
  move: (to: DeliveryStatus) => Promise<{ status: DeliveryStatus } | { error: E }>,
): Promise<PlanOutcome<E>> {
  let current = status;
  const done: DeliveryStatus[] = [];
  for (const to of schedulePlan(status)) {
    const result = await move(to);
    if ('error' in result) return { status: current, done, failed: { to, error: result.error } };
    current = result.status;
    done.push(to);
  }
  return { status: current, done };
}

/** Why a delivery date can't be used, or null when it can. */
export type ScheduleDateProblem = 'required' | 'past' | 'invalid';

/** A delivery date must be given, valid and not before now. */
export function checkScheduleDate(date: Date | null | undefined, now: Date): ScheduleDateProblem | null {
  if (!date) return 'required';
  if (Number.isNaN(date.getTime())) return 'invalid';
  if (date.getTime() < now.getTime()) return 'past';
  return null;
}

/** Days before today (local time) can't be picked at all. */
export function isBeforeToday(day: Date, now: Date): boolean {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return day.getTime() < startOfToday;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in local time; '—' when absent or unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The format the schedule picker shows and accepts when typed. */
export const SCHEDULE_FORMAT = 'YYYY-MM-DD HH:mm';

export interface DemandRow {
  service: { id: string; name: string };
  residentCount: number;
  orderCount: number;
}

export const DEMAND_CHART_TOP = 10;

/**
 * ECharts option: a horizontal bar of residents per item, the top `top` items with the most
 * residents on top; `selectedId` is highlighted.
 */
export function demandChartOption(
  rows: readonly DemandRow[],
  labels: { residents: string; orders: string },
  selectedId?: string | null,
  top: number = DEMAND_CHART_TOP,
) {
  const picked = [...rows]
    .sort((a, b) => b.residentCount - a.residentCount || b.orderCount - a.orderCount)
    .slice(0, top)
    // ECharts draws the first category at the bottom: reverse so the most wanted is on top.
    .reverse();
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: picked.map((r) => r.service.name),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: labels.residents,
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
        data: picked.map((r) => ({
          value: r.residentCount,
          serviceId: r.service.id,
          itemStyle: {
            color: selectedId && r.service.id === selectedId ? '#fa8c16' : '#1677ff',
          },
        })),
      },
    ],
  };
}

/** Tag colours of the statuses (antd preset colours). */
export const STATUS_COLORS: Record<DeliveryStatus, string> = {
  REQUESTED: 'gold',
  ACCEPTED: 'blue',
  SCHEDULED: 'cyan',
  DELIVERED: 'green',
  RATED: 'purple',
  REJECTED: 'red',
  CANCELLED: 'default',
};
