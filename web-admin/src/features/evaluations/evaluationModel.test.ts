import { DIMENSIONS, type Dimension } from '@lc/domain';
import { describe, expect, it } from 'vitest';
import {
  EVALUATION_STATE_IN_URL,
  canRecordEvaluation,
  canSeeTrainingNeeds,
  checkEvaluationForm,
  initialEvaluationValues,
  isAcceptedPhoto,
  isValidScore,
  recentQuarters,
  toRecordEvaluationInput,
  weightedTotal,
  type EvaluationFormValues,
} from './evaluationModel';

const TODAY = new Date(2026, 4, 17);
const messages = {
  required: 'required',
  score: 'score',
  future: 'future',
  tooLong: (max: number) => `max ${max}`,
  tooManyFindings: (max: number) => `findings ${max}`,
};
const allScores = (s: number) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, s])) as Record<Dimension, number>;

function values(over: Partial<EvaluationFormValues> = {}): EvaluationFormValues {
  return {
    ...initialEvaluationValues('EVALUATOR', TODAY, '12'),
    scores: allScores(8),
    ...over,
  };
}

describe('evaluation form', () => {
  it('starts today, during the year, as an expert for evaluators', () => {
    expect(initialEvaluationValues('EVALUATOR', TODAY)).toMatchObject({
      evaluatedOn: '2026-05-17',
      phase: 'DURING',
      evaluatorKind: 'EXPERT',
    });
    expect(initialEvaluationValues('DISTRICT_ADMIN', TODAY).evaluatorKind).toBe('EXPERIENCE_OFFICER');
  });

  it('accepts scores 0–10 with one decimal', () => {
    expect(isValidScore(0)).toBe(true);
    expect(isValidScore(10)).toBe(true);
    expect(isValidScore(7.5)).toBe(true);
    expect(isValidScore(8.3)).toBe(true);
    expect(isValidScore(8.25)).toBe(false);
    expect(isValidScore(11)).toBe(false);
    expect(isValidScore(-1)).toBe(false);
    expect(isValidScore(null)).toBe(false);
  });

  it('names every missing or bad field', () => {
    expect(checkEvaluationForm(values(), messages, TODAY)).toEqual([]);
    const problems = checkEvaluationForm(
      values({
        centerId: undefined,
        evaluatedOn: '2026-05-18',
        scores: { ...allScores(8), SITE_RECOGNITION: 11, SOCIAL_VISIBILITY: null },
        findings: [{ track: 'BRAND_PROMOTION', text: '  ' }, { text: '标识不清' }],
      }),
      messages,
      TODAY,
    );
    expect(problems).toEqual([
      { name: 'centerId', errors: ['required'] },
      { name: 'evaluatedOn', errors: ['future'] },
      { name: ['scores', 'SITE_RECOGNITION'], errors: ['score'] },
      { name: ['scores', 'SOCIAL_VISIBILITY'], errors: ['required'] },
      { name: ['findings', 0, 'text'], errors: ['required'] },
      { name: ['findings', 1, 'track'], errors: ['required'] },
    ]);
  });

  it('sends all eight scores in order, trimmed texts and nulls for blanks', () => {
    const input = toRecordEvaluationInput(
      values({
        scores: { ...allScores(8), PARTY_LEADERSHIP: 9.5 },
        findings: [{ track: 'STANDARD_OPERATION', text: ' 台账不全 ' }],
        suggestions: '  ',
        evaluatorName: ' 王专家 ',
      }),
    );
    expect(input.scores.map((s) => s.dimension)).toEqual([...DIMENSIONS]);
    expect(input.scores[0]).toEqual({ dimension: 'PARTY_LEADERSHIP', score: 9.5 });
    expect(input.findings).toEqual([{ track: 'STANDARD_OPERATION', text: '台账不全' }]);
    expect(input.suggestions).toBeNull();
    expect(input.evaluatorName).toBe('王专家');
    expect(input).toMatchObject({ centerId: '12', phase: 'DURING', evaluatedOn: '2026-05-17' });
  });

  it('computes the weighted total like the API', () => {
    expect(weightedTotal(allScores(8))).toBe(80);
    expect(weightedTotal({ ...allScores(8), PARTY_LEADERSHIP: null })).toBeNull();
    const weights = DIMENSIONS.map((d) => ({ dimension: d, weight: d === 'PARTY_LEADERSHIP' ? 3 : 1 }));
    // (3 × 10 + 7 × 6) / 10 × 10 = 72
    expect(weightedTotal({ ...allScores(6), PARTY_LEADERSHIP: 10 }, weights)).toBe(72);
  });

  it('checks photos by type and size', () => {
    expect(isAcceptedPhoto({ name: 'a.JPG', size: 100 })).toBe('ok');
    expect(isAcceptedPhoto({ name: 'a.webp', size: 100 })).toBe('ok');
    expect(isAcceptedPhoto({ name: 'a.gif', size: 100 })).toBe('type');
    expect(isAcceptedPhoto({ name: 'a.png', size: 11 * 1024 * 1024 })).toBe('size');
  });
});

describe('who may do what', () => {
  it('lets the district’s evaluators and admin record and see training needs', () => {
    expect(canRecordEvaluation('EVALUATOR')).toBe(true);
    expect(canRecordEvaluation('DISTRICT_ADMIN')).toBe(true);
    expect(canRecordEvaluation('STREET_ADMIN')).toBe(false);
    expect(canSeeTrainingNeeds('CENTER_STAFF')).toBe(false);
  });
});

describe('list filters and quarters', () => {
  it('reads and writes center and phase', () => {
    const out = new URLSearchParams();
    EVALUATION_STATE_IN_URL.write({ center: '5', phase: 'AFTER' }, out);
    expect(out.toString()).toBe('center=5&phase=AFTER');
    expect(EVALUATION_STATE_IN_URL.read(out)).toEqual({ center: '5', phase: 'AFTER' });
    expect(EVALUATION_STATE_IN_URL.read(new URLSearchParams('phase=SOON'))).toEqual({
      center: undefined,
      phase: undefined,
    });
  });

  it('offers the last four quarters together, each of them, then all', () => {
    const q = recentQuarters(new Date(2026, 1, 10));
    expect(q.map((x) => x.key)).toEqual(['recent', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', 'all']);
    // the last four quarters together: 2025-Q2 to 2026-Q1
    expect(q[0]).toMatchObject({ from: '2025-03-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(q[1]).toMatchObject({ from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z' });
    expect(q[2]).toMatchObject({ from: '2025-09-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
    expect(q[5]).toMatchObject({ from: null, to: null });
  });
});
