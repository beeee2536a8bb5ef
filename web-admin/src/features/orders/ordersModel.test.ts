import { describe, expect, it } from 'vitest';
import { localizeBilingual } from './bilingual';
import {
  ORDER_STATUS_TABS,
  checkScheduleDate,
  demandChartOption,
  formatDateTime,
  isBeforeToday,
  orderActions,
  orderFilter,
  parseStatusTab,
  runSchedulePlan,
  schedulePlan,
} from './ordersModel';

describe('status tabs', () => {
  it('lists the flow in order and defaults to REQUESTED', () => {
    expect(ORDER_STATUS_TABS[0]).toBe('REQUESTED');
    expect(ORDER_STATUS_TABS).toHaveLength(7);
    expect(parseStatusTab('SCHEDULED')).toBe('SCHEDULED');
    expect(parseStatusTab('nope')).toBe('REQUESTED');
    expect(parseStatusTab(null)).toBe('REQUESTED');
  });

  it('turns a tab, a center and an item into the order filter', () => {
    expect(orderFilter({ status: 'ACCEPTED' })).toEqual({ status: 'ACCEPTED' });
    expect(orderFilter({ status: 'REQUESTED', centerId: '7', serviceId: null })).toEqual({
      status: 'REQUESTED',
      centerId: '7',
    });
    expect(orderFilter({ status: 'RATED', centerId: '', serviceId: '12' })).toEqual({
      status: 'RATED',
      serviceId: '12',
    });
  });
});

describe('order actions', () => {
  it('offers accept-and-schedule, accept only and reject on a requested order', () => {
    expect(orderActions('REQUESTED', ['ACCEPTED', 'REJECTED'])).toEqual({
      acceptAndSchedule: true,
      acceptOnly: true,
      reschedule: false,
      reject: true,
      deliver: false,
    });
  });
  it('offers scheduling (not accept only) on an accepted order', () => {
    const a = orderActions('ACCEPTED', ['SCHEDULED', 'REJECTED']);
    expect(a.acceptAndSchedule).toBe(true);
    expect(a.acceptOnly).toBe(false);
    expect(a.reject).toBe(true);
  });
  it('offers reschedule and deliver on a scheduled order', () => {
    expect(orderActions('SCHEDULED', ['SCHEDULED', 'DELIVERED'])).toMatchObject({
      reschedule: true,
      deliver: true,
      acceptAndSchedule: false,
      reject: false,
    });
  });
  it('offers nothing the server does not allow (evaluators, other centers, finished orders)', () => {
    expect(Object.values(orderActions('REQUESTED', [])).some(Boolean)).toBe(false);
    expect(Object.values(orderActions('DELIVERED', ['RATED'])).some(Boolean)).toBe(false);
  });
});

describe('schedule plan', () => {
  it('accepts then schedules a requested order; only schedules otherwise', () => {
    expect(schedulePlan('REQUESTED')).toEqual(['ACCEPTED', 'SCHEDULED']);
    expect(schedulePlan('ACCEPTED')).toEqual(['SCHEDULED']);
    expect(schedulePlan('SCHEDULED')).toEqual(['SCHEDULED']);
    expect(schedulePlan('DELIVERED')).toEqual([]);
    expect(schedulePlan('REJECTED')).toEqual([]);
  });

  it('runs the moves in order', async () => {
    const calls: string[] = [];
    const out = await runSchedulePlan('REQUESTED', async (to) => {
      calls.push(to);
      return { status: to };
    });
    expect(calls).toEqual(['ACCEPTED', 'SCHEDULED']);
    expect(out).toEqual({ status: 'SCHEDULED', done: ['ACCEPTED', 'SCHEDULED'] });
  });

  it('stops at a failed move and says how far it got', async () => {
    const out = await runSchedulePlan('REQUESTED', async (to) =>
      to === 'SCHEDULED' ? { error: 'past' } : { status: to },
    );
    expect(out).toEqual({
      status: 'ACCEPTED',
      done: ['ACCEPTED'],
      failed: { to: 'SCHEDULED', error: 'past' },
    });
    // The retry starts from ACCEPTED: one move.
    expect(schedulePlan(out.status)).toEqual(['SCHEDULED']);
  });

  it('makes no second move when the first fails', async () => {
    let n = 0;
    const out = await runSchedulePlan('REQUESTED', async () => {
      n += 1;
      return { error: 'conflict' };
    });
    expect(n).toBe(1);
    expect(out.status).toBe('REQUESTED');
    expect(out.done).toEqual([]);
  });
});

describe('schedule date', () => {
  const now = new Date(2026, 10, 23, 12, 0);
  it('requires a date that is not in the past', () => {
    expect(checkScheduleDate(null, now)).toBe('required');
    expect(checkScheduleDate(new Date('x'), now)).toBe('invalid');
    expect(checkScheduleDate(new Date(2026, 10, 23, 11, 59), now)).toBe('past');
    expect(checkScheduleDate(new Date(2026, 10, 23, 12, 0), now)).toBeNull();
    expect(checkScheduleDate(new Date(2026, 11, 5, 14, 0), now)).toBeNull();
  });
  it('disables the days before today only', () => {
    expect(isBeforeToday(new Date(2026, 10, 22, 23, 59), now)).toBe(true);
    expect(isBeforeToday(new Date(2026, 10, 23, 0, 0), now)).toBe(false);
    expect(isBeforeToday(new Date(2026, 11, 1), now)).toBe(false);
  });
  it('formats date-times in local time', () => {
    expect(formatDateTime(new Date(2026, 11, 5, 14, 0).toISOString())).toBe('2026-12-05 14:00');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('garbage')).toBe('—');
  });
});

describe('demand chart', () => {
  const row = (id: string, residents: number, orders = residents) => ({
    service: { id, name: `item ${id}` },
    residentCount: residents,
    orderCount: orders,
  });
  const labels = { residents: '点单居民', orders: '订单数' };

  it('keeps the top 10 by residents with the most wanted on top', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(String(i + 1), i + 1));
    const option = demandChartOption(rows, labels);
    expect(option.yAxis.data).toHaveLength(10);
    // ECharts draws the last category at the top.
    expect(option.yAxis.data[9]).toBe('item 12');
    expect(option.yAxis.data[0]).toBe('item 3');
    expect(option.series[0].data.map((d) => d.value)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(option.series[0].name).toBe('点单居民');
  });

  it('breaks ties by orders and highlights the picked item', () => {
    const option = demandChartOption([row('a', 2, 2), row('b', 2, 5)], labels, 'a');
    expect(option.yAxis.data).toEqual(['item a', 'item b']);
    expect(option.series[0].data[0]).toMatchObject({ serviceId: 'a', itemStyle: { color: '#fa8c16' } });
    expect(option.series[0].data[1].itemStyle.color).toBe('#1677ff');
  });

  it('is empty for no rows', () => {
    expect(demandChartOption([], labels).series[0].data).toEqual([]);
  });
});

describe('bilingual server texts', () => {
  const reason =
    '3位居民点单，平均4.5分 / rated 4.5；区级清单尚无此项 / 3 residents asked; not on the district menu';
  it('keeps the reader’s language', () => {
    expect(localizeBilingual(reason, 'zh-CN')).toBe('3位居民点单，平均4.5分；区级清单尚无此项');
    expect(localizeBilingual(reason, 'en')).toBe('rated 4.5; 3 residents asked; not on the district menu');
    expect(localizeBilingual('请填写原因 / a reason is required', 'en')).toBe('a reason is required');
    expect(localizeBilingual('plain text', 'zh-CN')).toBe('plain text');
  });
});
