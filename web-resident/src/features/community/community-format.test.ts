import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import i18n, { NAMESPACES } from '../../i18n';
import {
  checkDemandForm,
  demandFieldErrors,
  demandTone,
  formatBudget,
  isFinished,
  nextMeetingText,
  outcomeTone,
  projectStepIndex,
  projectSteps,
  projectTone,
  rejectedFrom,
} from './community-format';

const NOW = new Date('2026-11-23T05:00:00Z');
const zh = i18n.getFixedT('zh-CN', NAMESPACES);
const en = i18n.getFixedT('en', NAMESPACES);

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

function badInput(fields: { field: string; message: string }[]) {
  return new CombinedError({
    graphQLErrors: [
      new GraphQLError('输入有误 / invalid input', { extensions: { code: 'BAD_USER_INPUT', fields } }),
    ],
  });
}

describe('nextMeetingText', () => {
  const announced = {
    status: 'PROPOSED',
    nextMeeting: 'HEARING' as const,
    nextMeetingAt: '2026-12-05T06:00:00.000Z',
    nextMeetingPlace: '桃浦东片区议事厅',
  };

  it('names an announced meeting with its Shanghai date, weekday, time and place', () => {
    expect(nextMeetingText(announced, zh, 'zh-CN', NOW)).toBe(
      '下一场：听证会 · 12月5日 周六 14:00 · 桃浦东片区议事厅',
    );
    expect(nextMeetingText(announced, en, 'en', NOW)).toBe(
      'Next: Hearing · Sat 5 Dec 14:00 · 桃浦东片区议事厅',
    );
  });

  it('leaves out a missing place and shows the year of another year', () => {
    expect(
      nextMeetingText(
        { ...announced, nextMeetingPlace: '  ', nextMeetingAt: '2027-01-09T01:30:00.000Z' },
        zh,
        'zh-CN',
        NOW,
      ),
    ).toBe('下一场：听证会 · 2027年1月9日 周六 09:30');
  });

  it('says the meeting is due but not set when there is no date', () => {
    expect(
      nextMeetingText(
        { status: 'IN_PROGRESS', nextMeeting: 'REVIEW', nextMeetingAt: null, nextMeetingPlace: null },
        zh,
        'zh-CN',
        NOW,
      ),
    ).toBe('下一步：评议会（待定）');
    expect(nextMeetingText({ status: 'APPROVED', nextMeeting: 'COORDINATION' }, en, 'en', NOW)).toBe(
      'Next step: Coordination meeting (date to be set)',
    );
  });

  it('is null when no meeting is due or the project is over', () => {
    expect(nextMeetingText({ status: 'PROPOSED', nextMeeting: null }, zh, 'zh-CN', NOW)).toBeNull();
    expect(nextMeetingText({ ...announced, status: 'COMPLETED' }, zh, 'zh-CN', NOW)).toBeNull();
    expect(nextMeetingText({ ...announced, status: 'REJECTED' }, zh, 'zh-CN', NOW)).toBeNull();
  });
});

describe('project steps', () => {
  it('places each status on the six steps', () => {
    expect(projectStepIndex('PROPOSED')).toBe(0);
    expect(projectStepIndex('HEARING')).toBe(1);
    expect(projectStepIndex('APPROVED')).toBe(2);
    expect(projectStepIndex('IN_PROGRESS')).toBe(3);
    expect(projectStepIndex('REVIEW')).toBe(4);
    expect(projectStepIndex('COMPLETED')).toBe(5);
    expect(projectStepIndex('SOMETHING_NEW')).toBe(0);
  });

  it('leaves a rejected project where it was rejected (a hearing when unknown)', () => {
    expect(projectStepIndex('REJECTED', 'PROPOSED')).toBe(0);
    expect(projectStepIndex('REJECTED', 'HEARING')).toBe(1);
    expect(projectStepIndex('REJECTED')).toBe(1);
    expect(
      rejectedFrom([
        { fromStatus: null, toStatus: 'PROPOSED' },
        { fromStatus: 'PROPOSED', toStatus: 'HEARING' },
        { fromStatus: 'HEARING', toStatus: 'REJECTED' },
      ]),
    ).toBe('HEARING');
    expect(rejectedFrom([{ fromStatus: null, toStatus: 'PROPOSED' }])).toBeNull();
  });

  it('marks done, current and to-do steps', () => {
    const steps = projectSteps({
      status: 'IN_PROGRESS',
      publiclyFunded: true,
      timeline: [
        { fromStatus: 'PROPOSED', toStatus: 'HEARING' },
        { fromStatus: 'HEARING', toStatus: 'APPROVED' },
        { fromStatus: 'APPROVED', toStatus: 'IN_PROGRESS' },
      ],
    });
    expect(steps.map((s) => `${s.status}:${s.state}`)).toEqual([
      'PROPOSED:done',
      'HEARING:done',
      'APPROVED:done',
      'IN_PROGRESS:current',
      'REVIEW:todo',
      'COMPLETED:todo',
    ]);
  });

  it('shows a completed project all done, and a rejected one stopped at its hearing', () => {
    expect(
      projectSteps({ status: 'COMPLETED', publiclyFunded: true, timeline: [] }).every(
        (s) => s.state === 'done',
      ),
    ).toBe(true);
    const rejected = projectSteps({
      status: 'REJECTED',
      publiclyFunded: true,
      timeline: [
        { fromStatus: 'PROPOSED', toStatus: 'HEARING' },
        { fromStatus: 'HEARING', toStatus: 'REJECTED' },
      ],
    });
    expect(rejected.map((s) => s.state)).toEqual(['done', 'rejected', 'todo', 'todo', 'todo', 'todo']);
  });

  it('shows the hearing skipped by a project not paid from public money', () => {
    const steps = projectSteps({
      status: 'APPROVED',
      publiclyFunded: false,
      timeline: [{ fromStatus: 'PROPOSED', toStatus: 'APPROVED' }],
    });
    expect(steps.map((s) => s.state)).toEqual(['done', 'skipped', 'current', 'todo', 'todo', 'todo']);
    // a public project never skips it
    expect(projectSteps({ status: 'APPROVED', publiclyFunded: true, timeline: [] })[1].state).toBe('done');
  });

  it('tells finished projects apart', () => {
    expect(['COMPLETED', 'REJECTED'].every(isFinished)).toBe(true);
    expect(['PROPOSED', 'HEARING', 'APPROVED', 'IN_PROGRESS', 'REVIEW'].some(isFinished)).toBe(false);
  });
});

describe('status colours', () => {
  it('gives each status a tone', () => {
    expect(projectTone('HEARING')).toBe('waiting');
    expect(projectTone('COMPLETED')).toBe('delivered');
    expect(projectTone('REJECTED')).toBe('rejected');
    expect(demandTone('OPEN')).toBe('waiting');
    expect(demandTone('IN_PROJECT')).toBe('scheduled');
    expect(outcomeTone('APPROVED')).toBe('delivered');
    expect(outcomeTone('REJECTED')).toBe('rejected');
    expect(outcomeTone('NOTED')).toBe('accepted');
    expect(projectTone('UNKNOWN')).toBe('cancelled');
  });
});

describe('demand form errors', () => {
  it('puts the API field messages under their fields, in the page language', () => {
    const error = badInput([
      { field: 'input.title', message: '标题不能超过80个字 / title must be at most 80 characters' },
      {
        field: 'input.description',
        message: '描述不能超过5000个字 / description must be at most 5000 characters',
      },
      {
        field: 'input.communityId',
        message: '只能为自己所在的社区提出需求 / you can raise demands only for your own community',
      },
    ]);
    expect(demandFieldErrors(error, zh, 'zh-CN')).toEqual({
      title: '标题不能超过80个字',
      description: '描述不能超过5000个字',
      form: '只能为自己所在的社区提出需求',
    });
    expect(demandFieldErrors(error, en, 'en').title).toBe('title must be at most 80 characters');
  });

  it('keeps the first message of a field and falls back to the code label', () => {
    const error = badInput([
      { field: 'input.title', message: '请填写标题 / title is required' },
      { field: 'input.title', message: '标题不能超过80个字 / title must be at most 80 characters' },
      { field: 'input.category', message: 'Expected a category' },
    ]);
    const out = demandFieldErrors(error, zh, 'zh-CN');
    expect(out.title).toBe('请填写标题');
    expect(out.category).toBe(zh('enum:error.BAD_USER_INPUT'));
  });

  it('sends other failures to the form', () => {
    const network = new CombinedError({ networkError: new Error('offline') });
    expect(demandFieldErrors(network, zh, 'zh-CN')).toEqual({ form: zh('networkError') });
    const forbidden = new CombinedError({
      graphQLErrors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })],
    });
    expect(demandFieldErrors(forbidden, zh, 'zh-CN')).toEqual({ form: zh('enum:error.FORBIDDEN') });
  });

  it('asks for a title and a category before sending', () => {
    expect(checkDemandForm({ title: '  ', category: null }, zh)).toEqual({
      title: '请填写需求标题',
      category: '请选择一个类别',
    });
    expect(checkDemandForm({ title: '加装座椅', category: 'DAILY_LIFE' }, zh)).toEqual({});
  });
});

describe('formatBudget', () => {
  it('groups thousands', () => {
    expect(formatBudget(125000, 'zh-CN')).toBe('125,000');
    expect(formatBudget(3500.5, 'en')).toBe('3,500.5');
  });
});
