import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  DEFAULT_CASE_CATEGORIES,
  findCaseTransition,
  levelHours,
  open311Status,
} from './cases';
import { renderNotification, smsText } from './notifications';
import {
  NATIONAL_CALENDAR,
  addWorkingHours,
  addWorkingMinutes,
  isWorkingDate,
  shanghaiDate,
  workingCalendar,
  workingMinutesBetween,
} from './working-time';

const cal = workingCalendar(NATIONAL_CALENDAR);
/** Shanghai wall time → Date */
const sh = (s: string) => new Date(`${s}+08:00`);

describe('working time (Shanghai, 09:00–17:00, national calendar)', () => {
  it.each<[string, number, string]>([
    ['2026-03-02T10:00:00', 4, '2026-03-02T14:00:00'], // Monday, same day
    ['2026-03-02T15:00:00', 4, '2026-03-03T11:00:00'], // runs into Tuesday
    ['2026-03-06T16:00:00', 4, '2026-03-09T12:00:00'], // Friday → Monday
    ['2026-03-07T10:00:00', 1, '2026-03-09T10:00:00'], // Saturday: starts Monday 09:00
    ['2026-03-02T07:30:00', 8, '2026-03-02T17:00:00'], // before opening: the whole day, ends at close
    ['2026-03-02T17:00:00', 1, '2026-03-03T10:00:00'], // at close: next morning
    // 清明 Apr 4–6 (Sat–Mon): Friday afternoon → Tuesday
    ['2026-04-03T15:00:00', 4, '2026-04-07T11:00:00'],
    // 劳动节 May 1–5, make-up working day Saturday May 9
    ['2026-04-30T16:00:00', 2, '2026-05-06T10:00:00'],
    ['2026-05-08T16:00:00', 2, '2026-05-09T10:00:00'],
    // 春节 Feb 15–23; Saturday Feb 14 is a working day
    ['2026-02-13T16:00:00', 2, '2026-02-14T10:00:00'],
    ['2026-02-14T16:00:00', 2, '2026-02-24T10:00:00'],
    // 国庆 Oct 1–7, Saturday Oct 10 works; Sunday Sep 20 works
    ['2026-09-30T16:00:00', 2, '2026-10-08T10:00:00'],
    ['2026-09-18T16:00:00', 2, '2026-09-20T10:00:00'],
    // 2027 estimated 春节 Feb 6–12
    ['2027-02-05T16:00:00', 2, '2027-02-15T10:00:00'],
  ])('%s + %d h → %s', (start, hours, due) => {
    expect(addWorkingHours(sh(start), hours, cal).toISOString()).toBe(sh(due).toISOString());
  });

  it('zero minutes is the start itself', () => {
    expect(addWorkingMinutes(sh('2026-03-07T10:00:00'), 0, cal).toISOString()).toBe(
      sh('2026-03-07T10:00:00').toISOString(),
    );
  });

  it('counts working minutes between two moments, skipping nights, weekends and holidays', () => {
    expect(workingMinutesBetween(sh('2026-03-06T16:00:00'), sh('2026-03-09T12:00:00'), cal)).toBe(240);
    expect(workingMinutesBetween(sh('2026-04-03T15:00:00'), sh('2026-04-07T11:00:00'), cal)).toBe(240);
    for (const [start, hours] of [
      ['2026-02-13T11:17:00', 13],
      ['2026-09-29T08:00:00', 30],
    ] as const) {
      const due = addWorkingHours(sh(start), hours, cal);
      expect(workingMinutesBetween(sh(start), due, cal)).toBe(hours * 60);
    }
  });

  it('knows the 2026 holidays and make-up working days', () => {
    expect(isWorkingDate('2026-01-01', cal)).toBe(false);
    expect(isWorkingDate('2026-01-04', cal)).toBe(true); // Sunday, make-up
    expect(isWorkingDate('2026-02-23', cal)).toBe(false); // Monday in 春节
    expect(isWorkingDate('2026-02-28', cal)).toBe(true); // Saturday, make-up
    expect(isWorkingDate('2026-06-19', cal)).toBe(false);
    expect(isWorkingDate('2026-10-10', cal)).toBe(true);
    expect(shanghaiDate(new Date('2026-01-01T16:30:00Z'))).toBe('2026-01-02');
    expect(NATIONAL_CALENDAR.filter((d) => d.date.startsWith('2027')).every((d) => d.estimated)).toBe(true);
  });
});

describe('CASE_TRANSITIONS', () => {
  it('has exactly one row per action and status', () => {
    const keys = CASE_TRANSITIONS.map((t) => `${t.action}:${t.from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('never leaves a final status', () => {
    expect(CASE_TRANSITIONS.filter((t) => t.from === 'CLOSED' || t.from === 'REJECTED')).toEqual([]);
  });
  it('reaches every status from REPORTED', () => {
    const seen = new Set(['REPORTED']);
    for (let i = 0; i < CASE_STATUSES.length; i++)
      for (const t of CASE_TRANSITIONS) if (seen.has(t.from)) seen.add(t.to);
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });
  it('escalates only from accepted, assigned, in-progress, escalated and reopened cases', () => {
    expect(
      CASE_TRANSITIONS.filter((t) => t.action === 'ESCALATE')
        .map((t) => t.from)
        .sort(),
    ).toEqual(['ACCEPTED', 'ASSIGNED', 'ESCALATED', 'IN_PROGRESS', 'REOPENED']);
    expect(findCaseTransition('ESCALATE', 'REPORTED')).toBeNull();
    expect(findCaseTransition('NOT_FIXED', 'RESOLVED')).toMatchObject({ to: 'REOPENED', by: 'REPORTER' });
  });
  it('maps statuses to Open311 open/closed', () => {
    expect(open311Status('IN_PROGRESS')).toBe('open');
    expect(open311Status('RESOLVED')).toBe('closed');
  });
  it('default categories have a limit at every level', () => {
    for (const c of DEFAULT_CASE_CATEGORIES)
      for (const level of ['COMMUNITY', 'JOINT_ENFORCEMENT', 'STREET_OPERATIONS_CENTER'] as const)
        expect(levelHours(c, level)).toBeGreaterThan(0);
  });
});

describe('notification texts', () => {
  it('render enum params in the reader’s language', () => {
    const p = { subject: '电梯故障', level: { label: 'caseLevel' as const, code: 'JOINT_ENFORCEMENT' } };
    expect(renderNotification('case.escalated', p, 'zh-CN').title).toBe('已提交联勤联动处理');
    expect(renderNotification('case.escalated', p, 'en').title).toBe('Passed to Joint enforcement');
    expect(smsText('case.escalated', p)).toContain('电梯故障');
    expect(renderNotification('no.such', {}).title).toBe('no.such');
  });
});
