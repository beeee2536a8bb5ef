import { describe, expect, it } from 'vitest';
import type { ScheduleLabels } from '../centers/schedule';
import {
  changedFieldPaths,
  clientOfferingErrors,
  offeringToValues,
  scheduleErrorPath,
  toOfferingFieldErrors,
  toSetOfferingInput,
  type OfferingValues,
} from './offeringForm';
import { describeRule, validityText, type ValidityLabels } from './scheduleText';

const zh: ScheduleLabels = {
  day: (c) =>
    ({ MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' })[c] ?? c,
  range: (a, b) => `${a}至${b}`,
  separator: '、',
};
const validity: ValidityLabels = {
  between: (a, b) => `${a} 至 ${b}`,
  from: (a) => `${a} 起`,
  until: (b) => `至 ${b}`,
};

describe('schedule in words', () => {
  it('writes validity dates', () => {
    expect(validityText('2026-03-01', '2026-06-30', validity)).toBe('2026-03-01 至 2026-06-30');
    expect(validityText('2026-03-01', null, validity)).toBe('2026-03-01 起');
    expect(validityText(null, '2026-06-30', validity)).toBe('至 2026-06-30');
    expect(validityText(null, undefined, validity)).toBe('');
  });
  it('writes a rule with its validity in brackets', () => {
    const labels = { ...zh, validity, bracket: (t: string) => `（${t}）` };
    expect(describeRule({ byDay: ['WE', 'MO'], opens: '09:00', closes: '11:00' }, labels)).toBe(
      '周一、周三 09:00–11:00',
    );
    expect(
      describeRule(
        {
          byDay: ['MO', 'TU', 'WE'],
          opens: '14:00',
          closes: '16:30',
          validFrom: '2026-03-01',
          validUntil: null,
        },
        labels,
      ),
    ).toBe('周一至周三 14:00–16:30（2026-03-01 起）');
  });
});

const values: OfferingValues = {
  schedule: [
    { byDay: ['WE', 'MO'], opens: '09:00', closes: '11:00', valid: null },
    { byDay: ['SA'], opens: '14:00', closes: '16:00', valid: ['2026-03-01', null] },
  ],
  capacity: 20,
  fee: '  ',
};

describe('offering form', () => {
  it('turns an offering into form values and back into setOffering input', () => {
    const v = offeringToValues({
      service: { id: '7' },
      schedule: [
        { byDay: ['MO'], opens: '09:00', closes: '10:00', validFrom: null, validUntil: '2026-12-31' },
      ],
      capacity: null,
      fee: '5元',
    });
    expect(v).toEqual({
      serviceId: '7',
      schedule: [{ byDay: ['MO'], opens: '09:00', closes: '10:00', valid: [null, '2026-12-31'] }],
      capacity: null,
      fee: '5元',
    });
    expect(toSetOfferingInput('c1', 's1', values)).toEqual({
      centerId: 'c1',
      serviceId: 's1',
      schedule: [
        { byDay: ['MO', 'WE'], opens: '09:00', closes: '11:00', validFrom: null, validUntil: null },
        { byDay: ['SA'], opens: '14:00', closes: '16:00', validFrom: '2026-03-01', validUntil: null },
      ],
      capacity: 20,
      fee: null,
    });
  });

  it('maps server field paths onto nested form fields', () => {
    expect(scheduleErrorPath('input.schedule.0.closes')).toEqual(['schedule', 0, 'closes']);
    expect(scheduleErrorPath('schedule[2].byDay')).toEqual(['schedule', 2, 'byDay']);
    expect(scheduleErrorPath('input.schedule.1.validUntil')).toEqual(['schedule', 1, 'valid']);
    expect(scheduleErrorPath('input.schedule.1.validFrom')).toEqual(['schedule', 1, 'valid']);
    expect(scheduleErrorPath('input.schedule')).toBeNull();
    expect(scheduleErrorPath('input.capacity')).toBeNull();
    expect(
      toOfferingFieldErrors([
        { field: 'input.schedule.0.closes', message: 'a' },
        { field: 'input.schedule.0.closes', message: 'a' },
        { field: 'input.schedule.0.closes', message: 'b' },
        { field: 'input.schedule.1.validFrom', message: 'c' },
        { field: 'input.serviceId', message: 'd' },
        { field: 'input.schedule', message: 'e' },
        { field: 'input.somethingElse', message: 'f' },
      ]),
    ).toEqual({
      fields: [
        { name: ['schedule', 0, 'closes'], errors: ['a', 'b'] },
        { name: ['schedule', 1, 'valid'], errors: ['c'] },
        { name: ['serviceId'], errors: ['d'] },
      ],
      unmatched: ['e', 'f'],
    });
  });

  it('checks the schedule with the shared rules and the capacity range', () => {
    expect(clientOfferingErrors(values)).toEqual([]);
    const bad: OfferingValues = {
      schedule: [
        { byDay: [], opens: '11:00', closes: '09:00', valid: ['2026-05-01', '2026-04-01'] },
        { byDay: ['MO'], opens: '', closes: '10:00', valid: null },
      ],
      capacity: 0,
      fee: '',
    };
    const fields = toOfferingFieldErrors(clientOfferingErrors(bad)).fields.map((f) => f.name.join('.'));
    expect(fields).toEqual([
      'schedule.0.byDay',
      'schedule.0.closes',
      'schedule.0.valid',
      'schedule.1.opens',
      'capacity',
    ]);
  });

  it('finds the fields a change touched', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(changedFieldPaths({ schedule: [, { opens: '09:00' }] })).toEqual([['schedule', 1, 'opens']]);
    expect(changedFieldPaths({ schedule: [{ byDay: ['MO', 'TU'] }] })).toEqual([['schedule', 0, 'byDay']]);
    expect(changedFieldPaths({ schedule: [{ valid: ['2026-01-01', null] }] })).toEqual([
      ['schedule', 0, 'valid'],
    ]);
    expect(changedFieldPaths({ capacity: 3 })).toEqual([['capacity']]);
    expect(changedFieldPaths({ schedule: [] })).toEqual([['schedule']]);
  });
});
