import { describe, expect, it } from 'vitest';
import { formatScheduleRule, type ScheduleWords, weekdayRuns } from './schedule';
import { groupByCategory } from './group';

const zh: ScheduleWords = {
  day: (c) =>
    ({ MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' })[c] ?? c,
  everyDay: '每天',
  range: (from, to) => `${from}至${to}`,
  separator: '、',
  time: (o, c) => `${o}–${c}`,
};

describe('weekdayRuns', () => {
  it('joins consecutive days in week order', () => {
    expect(weekdayRuns(['FR', 'MO', 'TU', 'WE'])).toEqual([
      ['MO', 'WE'],
      ['FR', 'FR'],
    ]);
  });
  it('ignores unknown codes and duplicates', () => {
    expect(weekdayRuns(['XX', 'SA', 'SA', 'SU'])).toEqual([['SA', 'SU']]);
  });
});

describe('formatScheduleRule', () => {
  it('writes weekdays as a range', () => {
    expect(
      formatScheduleRule({ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }, zh),
    ).toBe('周一至周五 09:00–17:00');
  });
  it('writes the whole week as every day', () => {
    expect(
      formatScheduleRule(
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '08:00', closes: '20:00' },
        zh,
      ),
    ).toBe('每天 08:00–20:00');
  });
  it('lists short runs', () => {
    expect(formatScheduleRule({ byDay: ['TU', 'TH', 'SA', 'SU'], opens: '14:00', closes: '16:00' }, zh)).toBe(
      '周二、周四、周六、周日 14:00–16:00',
    );
  });
  it('shows only the time when no day is given', () => {
    expect(formatScheduleRule({ byDay: [], opens: '09:00', closes: '11:00' }, zh)).toBe('09:00–11:00');
  });
});

describe('groupByCategory', () => {
  it('orders groups as the service menu does', () => {
    const items = [
      { id: 1, c: 'HEALTH' },
      { id: 2, c: 'PARTY_MASS' },
      { id: 3, c: 'HEALTH' },
      { id: 4, c: 'DAILY_LIFE' },
    ];
    expect(groupByCategory(items, (i) => i.c).map(([c, list]) => [c, list.map((i) => i.id)])).toEqual([
      ['PARTY_MASS', [2]],
      ['DAILY_LIFE', [4]],
      ['HEALTH', [1, 3]],
    ]);
  });
});
