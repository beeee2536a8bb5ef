import { describe, expect, it } from 'vitest';
import {
  BOARD_COLUMNS,
  checkMeetingForm,
  checkVotes,
  defaultMeetingKind,
  formatBudget,
  groupByStatus,
  isOverdue,
  meetingKindsFor,
  mergePages,
  missingMeetingOf,
  moveButtons,
  outcomesFor,
  plannableKindsFor,
  rejectedFromOf,
  statusSteps,
  toRecordMeetingInput,
  voteSegments,
} from './projectModel';

describe('board', () => {
  it('groups projects by status with every column present, keeping their order', () => {
    const groups = groupByStatus([
      { id: '1', status: 'HEARING' },
      { id: '2', status: 'PROPOSED' },
      { id: '3', status: 'HEARING' },
      { id: '4', status: 'SOMETHING_NEW' },
    ]);
    expect(Object.keys(groups)).toEqual([...BOARD_COLUMNS]);
    expect(groups.HEARING.map((p) => p.id)).toEqual(['1', '3']);
    expect(groups.PROPOSED.map((p) => p.id)).toEqual(['2']);
    expect(groups.COMPLETED).toEqual([]);
    expect(BOARD_COLUMNS[BOARD_COLUMNS.length - 1]).toBe('REJECTED');
  });

  it('merges loaded pages in order without repeats', () => {
    expect(
      mergePages([[{ id: 'a' }, { id: 'b' }], undefined, [{ id: 'b' }, { id: 'c' }]]).map((p) => p.id),
    ).toEqual(['a', 'b', 'c']);
  });

  it('flags announced meetings that are past', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    expect(isOverdue('2026-04-30T10:00:00Z', now)).toBe(true);
    expect(isOverdue('2026-05-02T10:00:00Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
    expect(isOverdue('garbage', now)).toBe(false);
  });

  it('formats budgets in 万元 for Chinese and with a yuan sign for English', () => {
    expect(formatBudget(120000, 'zh-CN')).toBe('12万元');
    expect(formatBudget(8000, 'zh-CN')).toBe('8,000元');
    expect(formatBudget(8000, 'en')).toBe('¥8,000');
    expect(formatBudget(null, 'zh-CN')).toBeNull();
  });
});

describe('status steps', () => {
  it('marks steps before the status finished and the status in process', () => {
    const { steps, current } = statusSteps('APPROVED');
    expect(current).toBe(2);
    expect(steps.map((s) => s.state)).toEqual(['finish', 'finish', 'process', 'wait', 'wait', 'wait']);
  });

  it('finishes every step of a completed project', () => {
    expect(statusSteps('COMPLETED').steps.every((s) => s.state === 'finish')).toBe(true);
  });

  it('shows a rejected project up to where it was rejected, then REJECTED in red', () => {
    const { steps, current } = statusSteps('REJECTED', 'HEARING');
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ['PROPOSED', 'finish'],
      ['HEARING', 'finish'],
      ['REJECTED', 'error'],
    ]);
    expect(current).toBe(2);
    expect(statusSteps('REJECTED').steps.map((s) => s.status)).toEqual(['PROPOSED', 'REJECTED']);
  });

  it('finds where a project was rejected from its timeline', () => {
    expect(
      rejectedFromOf([
        { kind: 'CREATED', toStatus: 'PROPOSED' },
        { kind: 'TRANSITION', fromStatus: 'PROPOSED', toStatus: 'HEARING' },
        { kind: 'MEETING' },
        { kind: 'TRANSITION', fromStatus: 'HEARING', toStatus: 'REJECTED' },
      ]),
    ).toBe('HEARING');
    expect(rejectedFromOf([])).toBeNull();
  });
});

describe('move buttons', () => {
  const base = { publiclyFunded: true, viewerCanChange: true };

  it('offers 批准立项 on a publicly funded PROPOSED project even before the hearing, naming the hearing', () => {
    const buttons = moveButtons({ ...base, status: 'PROPOSED', viewerTransitions: ['HEARING', 'REJECTED'] });
    expect(buttons.map((b) => b.to)).toEqual(['HEARING', 'APPROVED', 'REJECTED']);
    const approve = buttons.find((b) => b.to === 'APPROVED')!;
    expect(approve).toMatchObject({ allowed: false, needsMeeting: 'HEARING', primary: true, danger: false });
    expect(buttons.find((b) => b.to === 'REJECTED')!.danger).toBe(true);
    expect(buttons.find((b) => b.to === 'HEARING')!.allowed).toBe(true);
  });

  it('does not ask for a hearing when the project is not publicly funded', () => {
    const buttons = moveButtons({
      ...base,
      publiclyFunded: false,
      status: 'PROPOSED',
      viewerTransitions: ['APPROVED', 'REJECTED'],
    });
    expect(buttons.map((b) => b.to)).toEqual(['APPROVED', 'REJECTED']);
    expect(buttons[0]).toMatchObject({ allowed: true, needsMeeting: null, primary: true });
  });

  it('names the review meeting before completion, and nothing once it was held', () => {
    expect(moveButtons({ ...base, status: 'REVIEW', viewerTransitions: [] })).toEqual([
      { to: 'COMPLETED', allowed: false, needsMeeting: 'REVIEW', primary: true, danger: false },
    ]);
    expect(
      moveButtons({ ...base, status: 'REVIEW', viewerTransitions: ['COMPLETED'] })[0].needsMeeting,
    ).toBeNull();
  });

  it('follows the road step by step and ends with no moves', () => {
    expect(
      moveButtons({ ...base, status: 'APPROVED', viewerTransitions: ['IN_PROGRESS'] }).map((b) => b.to),
    ).toEqual(['IN_PROGRESS']);
    expect(
      moveButtons({ ...base, status: 'IN_PROGRESS', viewerTransitions: ['REVIEW'] }).map((b) => b.to),
    ).toEqual(['REVIEW']);
    expect(moveButtons({ ...base, status: 'COMPLETED', viewerTransitions: [] })).toEqual([]);
    expect(moveButtons({ ...base, status: 'REJECTED', viewerTransitions: [] })).toEqual([]);
  });

  it('shows nothing to viewers who may not change the project', () => {
    expect(
      moveButtons({ ...base, viewerCanChange: false, status: 'PROPOSED', viewerTransitions: [] }),
    ).toEqual([]);
  });

  it('reads the missing meeting of a refusal', () => {
    expect(
      missingMeetingOf({
        graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT', missingMeeting: 'HEARING' } }],
      }),
    ).toBe('HEARING');
    expect(missingMeetingOf({ graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT' } }] })).toBeNull();
    expect(missingMeetingOf({ graphQLErrors: [{ extensions: { missingMeeting: 'PARTY' } }] })).toBeNull();
  });
});

describe('meeting kinds', () => {
  it('allows the kinds of the status window', () => {
    expect(meetingKindsFor('PROPOSED')).toEqual(['HEARING']);
    expect(meetingKindsFor('IN_PROGRESS')).toEqual(['COORDINATION', 'REVIEW']);
    expect(meetingKindsFor('COMPLETED')).toEqual([]);
    expect(plannableKindsFor('APPROVED')).toEqual(['COORDINATION', 'REVIEW']);
  });

  it('preselects the asked-for kind, else the one due, else the first allowed', () => {
    expect(defaultMeetingKind('HEARING', 'HEARING')).toBe('HEARING');
    expect(defaultMeetingKind('PROPOSED', 'REVIEW')).toBe('HEARING');
    expect(defaultMeetingKind('IN_PROGRESS')).toBe('REVIEW');
    expect(defaultMeetingKind('APPROVED')).toBe('COORDINATION');
    expect(defaultMeetingKind('REJECTED')).toBeUndefined();
  });

  it('lets a hearing only approve or reject', () => {
    expect(outcomesFor('HEARING')).toEqual(['APPROVED', 'REJECTED']);
    expect(outcomesFor('COORDINATION')).toContain('NOTED');
  });
});

describe('meeting form', () => {
  const valid = {
    kind: 'HEARING' as const,
    heldAt: new Date('2026-05-20T06:00:00Z'),
    place: ' 议事厅 ',
    attendees: 30,
    representatives: [' 王阿姨 ', '李叔', '王阿姨', ''],
    minutes: ' 讨论了方案 ',
    outcome: 'APPROVED' as const,
    resolution: ' 同意实施 ',
    votesFor: 25,
    votesAgainst: 3,
    votesAbstain: undefined,
  };

  it('maps the form to the recordMeeting input', () => {
    expect(toRecordMeetingInput('p1', valid)).toEqual({
      projectId: 'p1',
      kind: 'HEARING',
      heldAt: '2026-05-20T06:00:00.000Z',
      place: '议事厅',
      attendees: 30,
      representatives: ['王阿姨', '李叔'],
      minutes: '讨论了方案',
      outcome: 'APPROVED',
      resolution: '同意实施',
      votesFor: 25,
      votesAgainst: 3,
      votesAbstain: null,
    });
    expect(
      toRecordMeetingInput('p1', { ...valid, heldAt: { toDate: () => new Date('2026-01-02T03:04:00Z') } })
        .heldAt,
    ).toBe('2026-01-02T03:04:00.000Z');
  });

  it('accepts a valid form and names every missing field', () => {
    expect(checkMeetingForm({ ...valid, representatives: ['王阿姨'] })).toEqual([]);
    expect(
      checkMeetingForm({})
        .map((p) => p.name)
        .sort(),
    ).toEqual(['attendees', 'heldAt', 'kind', 'minutes', 'outcome', 'resolution']);
    expect(checkMeetingForm({ ...valid, representatives: ['x'.repeat(41)] })).toEqual([
      { name: 'representatives', problem: 'badName' },
    ]);
  });

  it('checks the vote as the API does', () => {
    expect(checkVotes({ attendees: 10, votesFor: 8, votesAgainst: 2, votesAbstain: 1 })).toEqual([
      { name: 'votesFor', problem: 'tooManyVotes' },
    ]);
    expect(checkVotes({ attendees: 10, votesFor: -1 })).toEqual([{ name: 'votesFor', problem: 'notCount' }]);
    expect(checkVotes({ attendees: 10, votesAbstain: 1.5 })).toEqual([
      { name: 'votesAbstain', problem: 'notCount' },
    ]);
    expect(
      checkVotes({ kind: 'HEARING', attendees: 10, outcome: 'APPROVED', votesFor: 4, votesAgainst: 4 }),
    ).toEqual([{ name: 'outcome', problem: 'voteNotCarried' }]);
    expect(
      checkVotes({ kind: 'HEARING', attendees: 10, outcome: 'REJECTED', votesFor: 6, votesAgainst: 4 }),
    ).toEqual([{ name: 'outcome', problem: 'voteCarried' }]);
    // a review meeting's outcome is a judgement, not bound to the vote; a hearing without both counts neither
    expect(
      checkVotes({ kind: 'REVIEW', attendees: 10, outcome: 'APPROVED', votesFor: 1, votesAgainst: 5 }),
    ).toEqual([]);
    expect(checkVotes({ kind: 'HEARING', attendees: 10, outcome: 'APPROVED', votesFor: 1 })).toEqual([]);
  });

  it('draws the vote bar as shares of all votes', () => {
    expect(voteSegments({ votesFor: 6, votesAgainst: 2, votesAbstain: 0 })).toEqual([
      { key: 'for', count: 6, width: 75 },
      { key: 'against', count: 2, width: 25 },
    ]);
    expect(voteSegments({ votesFor: null, votesAgainst: null })).toEqual([]);
  });
});
