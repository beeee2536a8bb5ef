import { describe, expect, it } from 'vitest';
import {
  actionNeedsForm,
  deadlineTone,
  higherLevels,
  needsOf,
  notificationLink,
  orderedActions,
  timeLeft,
} from './casesModel';

const now = new Date('2026-03-02T02:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();

describe('deadline colours', () => {
  it.each([
    [at(-1), false, 'overdue'],
    [at(2), true, 'overdue'],
    [at(3), false, 'soon'],
    [at(20), false, 'today'],
    [at(30), false, 'ok'],
    [null, false, 'none'],
  ] as const)('%s (overdue %s) → %s', (deadline, overdue, tone) => {
    expect(deadlineTone(deadline, overdue, now)).toBe(tone);
  });

  it('says how long is left or past', () => {
    expect(timeLeft(at(3), now)).toEqual({ past: false, unit: 'hours', count: 3 });
    expect(timeLeft(at(-0.5), now)).toEqual({ past: true, unit: 'minutes', count: 30 });
    expect(timeLeft(at(72), now)).toEqual({ past: false, unit: 'days', count: 3 });
  });
});

describe('actions', () => {
  it('reads what an action needs from the transition table', () => {
    expect(needsOf('ESCALATE')).toEqual(['level', 'reason']);
    expect(actionNeedsForm('ACCEPT')).toBe(false);
    expect(actionNeedsForm('ASSIGN')).toBe(true);
    expect(higherLevels('COMMUNITY')).toEqual(['JOINT_ENFORCEMENT', 'STREET_OPERATIONS_CENTER']);
    expect(higherLevels('STREET_OPERATIONS_CENTER')).toEqual([]);
    expect(orderedActions(['REJECT', 'MERGE', 'ACCEPT'])).toEqual(['ACCEPT', 'MERGE', 'REJECT']);
  });

  it('links notifications to their pages', () => {
    expect(notificationLink('CASE', '7')).toBe('/cases/7');
    expect(notificationLink('PROJECT', '3')).toBe('/projects/3');
    expect(notificationLink(null, '3')).toBeNull();
  });
});
