import { describe, expect, it } from 'vitest';
import { coverageChange, toUpdateCenterInput } from './centerEdit';
import { formatDays, formatRule, weekdayRuns, type ScheduleLabels } from './schedule';

const zh: ScheduleLabels = {
  day: (c) =>
    ({ MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' })[c] ?? c,
  range: (a, b) => `${a}至${b}`,
  separator: '、',
};

describe('schedule text', () => {
  it('groups weekdays into runs', () => {
    expect(weekdayRuns(['FR', 'MO', 'TU', 'WE', 'XX', 'MO'])).toEqual([
      ['MO', 'WE'],
      ['FR', 'FR'],
    ]);
  });
  it('writes runs of three or more as a range', () => {
    expect(formatDays(['MO', 'TU', 'WE', 'TH', 'FR'], zh)).toBe('周一至周五');
    expect(formatDays(['SA', 'SU'], zh)).toBe('周六、周日');
    expect(formatRule({ byDay: ['MO', 'WE', 'FR'], opens: '09:00', closes: '11:30' }, zh)).toBe(
      '周一、周三、周五 09:00–11:30',
    );
  });
});

describe('center edit', () => {
  it('finds added and removed covered communities', () => {
    expect(coverageChange(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual({ added: ['d'], removed: ['a'] });
    expect(coverageChange(['a'], ['a'])).toEqual({ added: [], removed: [] });
  });
  it('builds the mutation input', () => {
    expect(
      toUpdateCenterInput({
        address: '  真南路 1 号 ',
        openingHours: ' ',
        facilities: ['FITNESS', 'CANTEEN'],
        zones: ['OFFICE', 'RECEPTION'],
        coveredCommunityIds: ['1', '2', '1'],
      }),
    ).toEqual({
      address: '真南路 1 号',
      openingHours: null,
      facilities: ['CANTEEN', 'FITNESS'],
      zones: ['RECEPTION', 'OFFICE'],
      coveredCommunityIds: ['1', '2'],
    });
  });
});
