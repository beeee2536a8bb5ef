import { CombinedError } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import {
  type AnswerDraft,
  answeredCount,
  contrastRatio,
  groupSurveys,
  missingRequired,
  orderedQuestions,
  type QuestionLike,
  SCORE_VALUES,
  scoreColor,
  surveyErrors,
  toAnswerInputs,
  toggleChoice,
} from './survey-model';

const questions: QuestionLike[] = [
  { id: 'q-text', kind: 'TEXT', text: '您还有什么建议？', required: false, position: 4 },
  { id: 'q-score', kind: 'SCORE', text: '您对服务中心的总体满意度', required: true, position: 1 },
  {
    id: 'q-single',
    kind: 'SINGLE_CHOICE',
    text: '您多久来一次？',
    required: true,
    options: ['每天', '每周', '每月'],
    position: 2,
  },
  {
    id: 'q-multi',
    kind: 'MULTIPLE_CHOICE',
    text: '您用过哪些服务？',
    required: false,
    options: ['助餐', '助浴', '健康咨询'],
    position: 3,
  },
];

const draft = (over: Partial<AnswerDraft>): AnswerDraft => ({ score: null, choices: [], text: '', ...over });

afterEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('answers → SurveyResponseInput.answers', () => {
  it('sends one answer per answered question, in asking order, in the shape of AnswerInput', () => {
    const answers = toAnswerInputs(questions, {
      'q-text': draft({ text: '  希望周末也开门  ' }),
      'q-score': draft({ score: 0 }),
      'q-single': draft({ choices: ['每周'] }),
      // chosen out of order: sent in the order offered
      'q-multi': draft({ choices: ['健康咨询', '助餐'] }),
    });
    expect(answers).toEqual([
      { questionId: 'q-score', score: 0 },
      { questionId: 'q-single', choice: ['每周'] },
      { questionId: 'q-multi', choice: ['助餐', '健康咨询'] },
      { questionId: 'q-text', text: '希望周末也开门' },
    ]);
  });

  it('leaves out unanswered optional questions (blank text, no choice)', () => {
    const answers = toAnswerInputs(questions, {
      'q-score': draft({ score: 10 }),
      'q-single': draft({ choices: ['每天'] }),
      'q-multi': draft({ choices: [] }),
      'q-text': draft({ text: '   ' }),
    });
    expect(answers).toEqual([
      { questionId: 'q-score', score: 10 },
      { questionId: 'q-single', choice: ['每天'] },
    ]);
  });

  it('orders questions by position', () => {
    expect(orderedQuestions(questions).map((q) => q.id)).toEqual([
      'q-score',
      'q-single',
      'q-multi',
      'q-text',
    ]);
  });

  it('a single choice replaces, a multiple choice toggles', () => {
    expect(toggleChoice('SINGLE_CHOICE', ['每天'], '每周')).toEqual(['每周']);
    expect(toggleChoice('MULTIPLE_CHOICE', ['助餐'], '助浴')).toEqual(['助餐', '助浴']);
    expect(toggleChoice('MULTIPLE_CHOICE', ['助餐', '助浴'], '助餐')).toEqual(['助浴']);
  });
});

describe('required questions before submitting', () => {
  it('names the required questions not answered, in asking order', () => {
    expect(missingRequired(questions, {})).toEqual(['q-score', 'q-single']);
    expect(missingRequired(questions, { 'q-single': draft({ choices: ['每月'] }) })).toEqual(['q-score']);
  });

  it('takes a score of 0 as an answer', () => {
    expect(
      missingRequired(questions, {
        'q-score': draft({ score: 0 }),
        'q-single': draft({ choices: ['每天'] }),
      }),
    ).toEqual([]);
  });

  it('takes blank text as no answer for a required text question', () => {
    const required: QuestionLike[] = [{ id: 't', kind: 'TEXT', text: '意见', required: true }];
    expect(missingRequired(required, { t: draft({ text: '  \n ' }) })).toEqual(['t']);
    expect(missingRequired(required, { t: draft({ text: '好' }) })).toEqual([]);
  });

  it('counts the questions answered', () => {
    expect(answeredCount(questions, { 'q-score': draft({ score: 5 }), 'q-text': draft({ text: ' ' }) })).toBe(
      1,
    );
  });
});

describe('errors of a refused response', () => {
  const sent = [
    { questionId: 'q-score', score: 11 },
    { questionId: 'q-single', choice: ['每年'] },
  ];
  const badInput = (fields: { field: string; message: string }[]) =>
    new CombinedError({
      graphQLErrors: [
        { message: '输入有误 / invalid input', extensions: { code: 'BAD_USER_INPUT', fields } },
      ],
    });

  it('puts field errors under the question of the answer they index', () => {
    const error = badInput([
      { field: 'input.answers.0.score', message: '分数应在0到10之间 / score must be 0 to 10' },
      { field: 'input.answers.1.choice', message: '不是可选的选项 / not one of the options' },
    ]);
    expect(surveyErrors(error, sent, questions, i18n.t, 'zh-CN')).toEqual({
      byQuestion: { 'q-score': '分数应在0到10之间', 'q-single': '不是可选的选项' },
    });
    expect(surveyErrors(error, sent, questions, i18n.t, 'en').byQuestion['q-score']).toBe(
      'score must be 0 to 10',
    );
  });

  it('puts a missing required question under it when its message names it, else on the form', () => {
    const named = badInput([
      { field: 'input.answers', message: '请回答：您多久来一次？ / please answer: 您多久来一次？' },
    ]);
    expect(surveyErrors(named, sent, questions, i18n.t, 'zh-CN')).toEqual({
      byQuestion: { 'q-single': '请回答：您多久来一次？' },
    });
    const byId = badInput([
      { field: 'input.answers', message: '第1题（#q-score）必须回答 / question 1 (#q-score) is required' },
    ]);
    expect(surveyErrors(byId, sent, questions, i18n.t, 'en')).toEqual({
      byQuestion: { 'q-score': 'question 1 (#q-score) is required' },
    });
    const unnamed = badInput([
      { field: 'input.answers', message: '缺少必答题 / a required question is missing' },
    ]);
    expect(surveyErrors(unnamed, sent, questions, i18n.t, 'zh-CN')).toEqual({
      byQuestion: {},
      form: '缺少必答题',
    });
  });

  it('reads CONFLICT as already answered', () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: 'already', extensions: { code: 'CONFLICT' } }],
    });
    expect(surveyErrors(error, sent, questions, i18n.t, 'zh-CN')).toEqual({
      byQuestion: {},
      form: '您已参与过本次调查',
      alreadyAnswered: true,
    });
  });

  it('marks a network failure as safe to send again', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    const found = surveyErrors(error, sent, questions, i18n.t, 'zh-CN');
    expect(found.network).toBe(true);
    expect(found.form).toBe('网络连接失败，请检查网络后重试');
  });
});

describe('the survey list', () => {
  const s = (id: string, center: string | null, answered = false, closesAt: string | null = null) => ({
    id,
    title: `调查${id}`,
    closesAt,
    viewerHasAnswered: answered,
    center: center ? { id: center } : null,
  });

  it('puts my center first, unanswered and soonest closing first, each survey once', () => {
    const mine = [s('1', 'c1', true), s('2', 'c1', false, '2026-12-31T00:00:00Z')];
    const all = [
      s('3', 'c2', false, '2026-12-20T00:00:00Z'),
      s('1', 'c1', true),
      s('2', 'c1', false, '2026-12-31T00:00:00Z'),
      s('4', null, false, '2026-12-01T00:00:00Z'),
      s('5', 'c3', true, '2026-11-30T00:00:00Z'),
    ];
    const grouped = groupSurveys([mine, all], { id: 'c1' });
    expect(grouped.mine.map((x) => x.id)).toEqual(['2', '1']);
    expect(grouped.others.map((x) => x.id)).toEqual(['4', '3', '5']);
  });

  it('puts the other centers of my street before the rest', () => {
    const inStreet = (id: string, center: string, answered = false) => ({
      ...s(id, center, answered),
      center: { id: center, street: { id: 'st1' } },
    });
    const grouped = groupSurveys(
      [[s('1', 'c9'), inStreet('2', 'c2', true), s('3', null), inStreet('4', 'c3'), inStreet('5', 'c1')]],
      { id: 'c1', street: { id: 'st1' } },
    );
    expect(grouped.mine.map((x) => x.id)).toEqual(['5']);
    expect(grouped.others.map((x) => x.id)).toEqual(['4', '2', '1', '3']);
  });

  it('without a home center everything is "others"', () => {
    const grouped = groupSurveys([undefined, [s('1', 'c1'), s('2', null)]], null);
    expect(grouped.mine).toEqual([]);
    expect(grouped.others).toHaveLength(2);
  });
});

describe('score colours', () => {
  it('go from red at 0 through yellow to green at 10', () => {
    expect(SCORE_VALUES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scoreColor(0).hue).toBe(0);
    expect(scoreColor(5).hue).toBe(60);
    expect(scoreColor(10).hue).toBe(120);
    const hues = SCORE_VALUES.map((v) => scoreColor(v).hue);
    expect([...hues].sort((a, b) => a - b)).toEqual(hues);
    expect(scoreColor(0).strong).toMatch(/^#[0-9a-f]{6}$/);
    // red channel dominates at 0, green at 10
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [r0, g0] = rgb(scoreColor(0).strong);
    const [r10, g10] = rgb(scoreColor(10).strong);
    expect(r0).toBeGreaterThan(g0);
    expect(g10).toBeGreaterThan(r10);
  });

  it('keep a 7:1 contrast: dark text on the soft shade, white text on the strong one', () => {
    for (const v of SCORE_VALUES) {
      const { soft, strong } = scoreColor(v);
      expect(contrastRatio('#111111', soft), `soft ${v}`).toBeGreaterThanOrEqual(7);
      expect(contrastRatio('#ffffff', strong), `strong ${v}`).toBeGreaterThanOrEqual(7);
    }
  });

  it('clamps out-of-range values', () => {
    expect(scoreColor(-3).hue).toBe(0);
    expect(scoreColor(12).hue).toBe(120);
  });
});
