import { describe, expect, it } from 'vitest';
import {
  choiceNumbers,
  newIdempotencyKey,
  paperErrorsByQuestion,
  paperKeyAction,
  paperPreview,
  parsePaperAnswer,
  readPaperForm,
  sanitizePaperInput,
  type PaperQuestion,
} from './paperEntry';

const score: PaperQuestion = { id: '11', position: 1, kind: 'SCORE', text: '总体满意度', required: true };
const single: PaperQuestion = {
  id: '12',
  position: 2,
  kind: 'SINGLE_CHOICE',
  text: '多久来一次',
  required: true,
  options: ['每天', '每周', '每月'],
};
const multi: PaperQuestion = {
  id: '13',
  position: 3,
  kind: 'MULTIPLE_CHOICE',
  text: '常用服务',
  required: false,
  options: ['助餐', '理发', '阅览', '健身'],
};
const text: PaperQuestion = { id: '14', position: 4, kind: 'TEXT', text: '意见建议', required: false };

describe('typing', () => {
  it('keeps digits for scores and single choices, digits and separators for multiple choices', () => {
    expect(sanitizePaperInput('SCORE', '1a0')).toBe('10');
    expect(sanitizePaperInput('SCORE', '100')).toBe('10');
    expect(sanitizePaperInput('SINGLE_CHOICE', ' 2.')).toBe('2');
    expect(sanitizePaperInput('MULTIPLE_CHOICE', '1，3、4x')).toBe('1,3,4');
    expect(sanitizePaperInput('TEXT', '门口台阶太高')).toBe('门口台阶太高');
  });

  it('reads option numbers with or without separators', () => {
    expect(choiceNumbers('1,3', 4)).toEqual([1, 3]);
    expect(choiceNumbers('1 3', 4)).toEqual([1, 3]);
    expect(choiceNumbers('13', 4)).toEqual([1, 3]);
    expect(choiceNumbers('13', 12)).toEqual([13]);
    expect(choiceNumbers('', 4)).toEqual([]);
  });
});

describe('answers', () => {
  it('reads scores 0–10', () => {
    expect(parsePaperAnswer(score, '9')).toEqual({ ok: true, answer: { questionId: '11', score: 9 } });
    expect(parsePaperAnswer(score, '0')).toEqual({ ok: true, answer: { questionId: '11', score: 0 } });
    expect(parsePaperAnswer(score, '10')).toEqual({ ok: true, answer: { questionId: '11', score: 10 } });
    expect(parsePaperAnswer(score, '11')).toEqual({ ok: false, problem: 'score' });
    expect(parsePaperAnswer(score, '')).toEqual({ ok: false, problem: 'required' });
    expect(parsePaperAnswer({ ...score, required: false }, ' ')).toEqual({ ok: true, answer: null });
  });

  it('turns option numbers into the options’ texts', () => {
    expect(parsePaperAnswer(single, '2')).toEqual({
      ok: true,
      answer: { questionId: '12', choice: ['每周'] },
    });
    expect(parsePaperAnswer(single, '4')).toEqual({ ok: false, problem: 'choice' });
    expect(parsePaperAnswer(single, '0')).toEqual({ ok: false, problem: 'choice' });
    expect(parsePaperAnswer(multi, '3,1')).toEqual({
      ok: true,
      answer: { questionId: '13', choice: ['助餐', '阅览'] },
    });
    expect(parsePaperAnswer(multi, '1,1')).toEqual({ ok: false, problem: 'duplicate' });
    expect(parsePaperAnswer(multi, '5')).toEqual({ ok: false, problem: 'choice' });
    expect(parsePaperAnswer(multi, '')).toEqual({ ok: true, answer: null });
  });

  it('keeps text trimmed and within the limit', () => {
    expect(parsePaperAnswer(text, ' 希望延长开放时间 ')).toEqual({
      ok: true,
      answer: { questionId: '14', text: '希望延长开放时间' },
    });
    expect(parsePaperAnswer(text, 'x'.repeat(1001))).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('previews what a box reads as', () => {
    expect(paperPreview(single, '3')).toBe('每月');
    expect(paperPreview(multi, '24')).toBe('理发、健身');
    expect(paperPreview(score, '8')).toBe('8 / 10');
    expect(paperPreview(score, '12')).toBeNull();
    expect(paperPreview(text, '好')).toBeNull();
  });

  it('reads a whole paper in question order, leaving empty optional boxes out', () => {
    const questions = [text, multi, single, score];
    expect(readPaperForm(questions, { '11': '8', '12': '1', '14': '很好' })).toEqual({
      answers: [
        { questionId: '11', score: 8 },
        { questionId: '12', choice: ['每天'] },
        { questionId: '14', text: '很好' },
      ],
      problems: new Map(),
    });
    const bad = readPaperForm(questions, { '11': '', '12': '9' });
    expect([...bad.problems]).toEqual([
      ['11', 'required'],
      ['12', 'choice'],
    ]);
  });
});

describe('keys', () => {
  it('moves on with Enter, back with Shift+Enter, and saves in the last box', () => {
    expect(paperKeyAction({ key: 'Enter' }, false)).toBe('next');
    expect(paperKeyAction({ key: 'Enter' }, true)).toBe('save');
    expect(paperKeyAction({ key: 'Enter', shiftKey: true }, true)).toBe('previous');
    expect(paperKeyAction({ key: 'Enter', isComposing: true }, true)).toBe('none');
    expect(paperKeyAction({ key: 'Tab' }, false)).toBe('none');
    expect(paperKeyAction({ key: '8' }, true)).toBe('none');
  });
});

describe('idempotency keys', () => {
  it('uses randomUUID where offered', () => {
    expect(newIdempotencyKey({ randomUUID: () => 'abc', getRandomValues: (a) => a })).toBe('abc');
  });

  it('makes a version-4 UUID from random bytes otherwise', () => {
    const key = newIdempotencyKey({
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        (a as unknown as Uint8Array).fill(0xff);
        return a;
      },
    });
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives each paper a different key', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});

describe('server errors', () => {
  it('puts field errors under the questions they name', () => {
    const sent = [
      { questionId: '11', score: 8 },
      { questionId: '12', choice: ['每天'] },
    ];
    const placed = paperErrorsByQuestion(
      [
        { field: 'responses.0.answers.1.choice', message: 'not an option' },
        { field: 'responses.0.answers', message: '第1题（#11）必须回答 / question 1 (#11) is required' },
        { field: 'surveyId', message: 'closed' },
      ],
      sent,
      [score, single],
    );
    expect([...placed.byQuestion]).toEqual([
      ['12', ['not an option']],
      ['11', ['第1题（#11）必须回答 / question 1 (#11) is required']],
    ]);
    expect(placed.general).toEqual(['closed']);
  });
});
