import { describe, expect, it } from 'vitest';
import { canReadChangeLog, formatChangeValue, isFieldChange, type ChangeLabels } from './changeFormat';

const labels: ChangeLabels = {
  day: (c) =>
    ({ MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' })[c] ?? c,
  range: (a, b) => `${a}至${b}`,
  separator: '、',
  validity: { between: (a, b) => `${a} 至 ${b}`, from: (a) => `${a} 起`, until: (b) => `至 ${b}` },
  bracket: (t) => `（${t}）`,
  field: (f) =>
    ({ name: '名称', menu: '所属清单', schedule: '服务时间', capacity: '每场名额', fee: '收费' })[f] ?? f,
  audience: (c) => ({ ELDERLY_80_PLUS: '80岁以上老人', CHILDREN: '少年儿童' })[c] ?? c,
  category: (c) => ({ LEGAL: '法律' })[c] ?? c,
  menu: (c) => ({ DISTRICT: '区级服务清单', MOBILE: '流动配送清单' })[c] ?? c,
  dateTime: (iso) => `T(${iso.slice(0, 10)})`,
  empty: '（空）',
  allAudiences: '全体居民',
  onRequest: '按需预约',
  yes: '是',
  no: '否',
  pairSeparator: '；',
  pair: (f, v) => `${f}：${v}`,
};

describe('change values in words', () => {
  it('labels codes by field', () => {
    expect(formatChangeValue('audience', ['ELDERLY_80_PLUS', 'CHILDREN'], labels)).toBe(
      '80岁以上老人、少年儿童',
    );
    expect(formatChangeValue('audience', [], labels)).toBe('全体居民');
    expect(formatChangeValue('category', 'LEGAL', labels)).toBe('法律');
    expect(formatChangeValue('menu', 'MOBILE', labels)).toBe('流动配送清单');
    expect(formatChangeValue('promotedFrom', 'MOBILE', labels)).toBe('流动配送清单');
  });
  it('writes schedules as weekly rules', () => {
    expect(
      formatChangeValue(
        'schedule',
        [
          { byDay: ['MO', 'WE'], opens: '09:00', closes: '11:00', validFrom: null, validUntil: null },
          {
            byDay: ['SA', 'SU'],
            opens: '14:00',
            closes: '16:00',
            validFrom: '2026-03-01',
            validUntil: '2026-06-30',
          },
        ],
        labels,
      ),
    ).toBe('周一、周三 09:00–11:00；周六、周日 14:00–16:00（2026-03-01 至 2026-06-30）');
    expect(formatChangeValue('schedule', [], labels)).toBe('按需预约');
  });
  it('writes empty values, dates, numbers and booleans', () => {
    expect(formatChangeValue('fee', null, labels)).toBe('（空）');
    expect(formatChangeValue('fee', '', labels)).toBe('（空）');
    expect(formatChangeValue('retiredAt', '2026-03-01T08:00:00.000Z', labels)).toBe('T(2026-03-01)');
    expect(formatChangeValue('capacity', 30, labels)).toBe('30');
    expect(formatChangeValue('x', true, labels)).toBe('是');
    expect(formatChangeValue('name', '法律咨询', labels)).toBe('法律咨询');
  });
  it('writes a whole record as field: value pairs', () => {
    expect(formatChangeValue(null, { name: '法律咨询', menu: 'DISTRICT' }, labels)).toBe(
      '名称：法律咨询；所属清单：区级服务清单',
    );
    expect(
      formatChangeValue(
        null,
        { schedule: [{ byDay: ['FR'], opens: '09:00', closes: '10:00' }], capacity: null, fee: '免费' },
        labels,
      ),
    ).toBe('服务时间：周五 09:00–10:00；收费：免费');
    expect(formatChangeValue(null, {}, labels)).toBe('（空）');
  });
  it('tells field changes from whole-record actions and who may read the log', () => {
    expect(isFieldChange({ field: 'name', action: 'UPDATE' })).toBe(true);
    expect(isFieldChange({ field: null, action: 'DELETE' })).toBe(false);
    expect(isFieldChange({ field: 'retiredAt', action: 'RETIRE' })).toBe(true);
    expect(canReadChangeLog('CENTER_STAFF')).toBe(true);
    expect(canReadChangeLog('RESIDENT')).toBe(false);
    expect(canReadChangeLog('INTEGRATOR')).toBe(false);
  });
});
