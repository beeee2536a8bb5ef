import { describe, expect, it } from 'vitest';
import {
  SURVEYS_STATE_IN_URL,
  canBuildSurveys,
  checkSurveyForm,
  demandTitleOf,
  detailTabOf,
  fieldPath,
  initialSurveyValues,
  newQuestion,
  nextStatusAction,
  surveyToFormValues,
  toSurveyInput,
  type SurveyFormValues,
} from './surveyModel';

const messages = {
  required: 'required',
  tooLong: (max: number) => `max ${max}`,
  noQuestions: 'no questions',
  tooManyQuestions: (max: number) => `questions ${max}`,
  duplicateText: (n: number) => `same as ${n}`,
  optionsTooFew: 'two options',
  optionsDuplicate: 'distinct options',
  optionsTooMany: (max: number) => `options ${max}`,
  optionSeparator: 'separator',
  closesBeforeOpens: 'closes before opens',
};

function form(over: Partial<SurveyFormValues> = {}): SurveyFormValues {
  return {
    ...initialSurveyValues('7'),
    title: '2026年桃浦东片区满意度调查',
    questions: [{ ...newQuestion('SCORE'), text: '总体满意度', dimension: 'RESIDENT_PERCEPTION' }],
    ...over,
  };
}

describe('survey form', () => {
  it('starts about a center with one score question', () => {
    const v = initialSurveyValues('7');
    expect(v).toMatchObject({ scopeKind: 'CENTER', centerId: '7', anonymous: false });
    expect(v.questions).toEqual([{ kind: 'SCORE', text: '', required: true, options: [], dimension: null }]);
  });

  it('accepts a complete survey', () => {
    expect(checkSurveyForm(form(), messages)).toEqual([]);
  });

  it('names the title, the subject, the dates and every bad question', () => {
    const problems = checkSurveyForm(
      form({
        title: ' ',
        scopeKind: 'PROJECT',
        opensAt: '2026-06-01T00:00:00.000Z',
        closesAt: '2026-05-01T00:00:00.000Z',
        questions: [
          { ...newQuestion('SCORE'), text: '总体满意度' },
          { ...newQuestion('TEXT'), text: ' 总体满意度 ' },
          { ...newQuestion('SINGLE_CHOICE'), text: '频次', options: ['每天', ''] },
          { ...newQuestion('MULTIPLE_CHOICE'), text: '服务', options: ['助餐、理发', '阅览'] },
          { ...newQuestion('SINGLE_CHOICE'), text: '来源', options: ['a', 'a'] },
          { ...newQuestion('TEXT'), text: '' },
        ],
      }),
      messages,
    );
    expect(problems).toEqual([
      { name: ['title'], errors: ['required'] },
      { name: ['projectId'], errors: ['required'] },
      { name: ['closesAt'], errors: ['closes before opens'] },
      { name: ['questions', 1, 'text'], errors: ['same as 1'] },
      { name: ['questions', 2, 'options'], errors: ['two options'] },
      { name: ['questions', 3, 'options'], errors: ['separator'] },
      { name: ['questions', 4, 'options'], errors: ['distinct options'] },
      { name: ['questions', 5, 'text'], errors: ['required'] },
    ]);
    expect(checkSurveyForm(form({ questions: [] }), messages)).toEqual([
      { name: ['questions'], errors: ['no questions'] },
    ]);
  });

  it('sends only the scope’s subject, options for choices and dimensions for scores', () => {
    const input = toSurveyInput(
      form({
        scopeKind: 'SERVICE',
        serviceId: '55',
        centerId: '7',
        regionId: '3',
        description: '  ',
        questions: [
          {
            kind: 'SCORE',
            text: ' 满意度 ',
            required: true,
            options: ['x'],
            dimension: 'SERVICE_PROFESSIONALISM',
          },
          {
            kind: 'SINGLE_CHOICE',
            text: '频次',
            required: false,
            options: [' 每天 ', '', '每周'],
            dimension: 'PARTY_LEADERSHIP',
          },
        ],
      }),
    );
    expect(input).toMatchObject({
      scopeKind: 'SERVICE',
      serviceId: '55',
      centerId: '7',
      regionId: null,
      projectId: null,
      description: null,
    });
    expect(input.questions).toEqual([
      { kind: 'SCORE', text: '满意度', required: true, options: null, dimension: 'SERVICE_PROFESSIONALISM' },
      { kind: 'SINGLE_CHOICE', text: '频次', required: false, options: ['每天', '每周'], dimension: null },
    ]);
    expect(toSurveyInput(form({ scopeKind: 'REGION', regionId: '3' })).centerId).toBeNull();
  });

  it('reads a survey back into the form', () => {
    const v = surveyToFormValues({
      title: 'T',
      description: null,
      scopeKind: 'REGION',
      anonymous: true,
      opensAt: null,
      closesAt: '2026-06-30T16:00:00.000Z',
      center: null,
      region: { id: '3' },
      questions: [
        { kind: 'MULTIPLE_CHOICE', text: 'Q', required: false, options: ['a', 'b'], dimension: null },
      ],
    });
    expect(v).toMatchObject({ scopeKind: 'REGION', regionId: '3', anonymous: true, description: '' });
    expect(v.questions[0]).toEqual({
      kind: 'MULTIPLE_CHOICE',
      text: 'Q',
      required: false,
      options: ['a', 'b'],
      dimension: null,
    });
  });
});

describe('field paths', () => {
  it('turns API paths into form paths', () => {
    expect(fieldPath('input.questions.3.options')).toEqual(['questions', 3, 'options']);
    expect(fieldPath('input.questions[3].text')).toEqual(['questions', 3, 'text']);
    expect(fieldPath('input.title')).toEqual(['title']);
    expect(fieldPath('responses.0.answers.2.score')).toEqual(['responses', 0, 'answers', 2, 'score']);
  });
});

describe('rules of the pages', () => {
  it('lets staff build surveys, not evaluators', () => {
    expect(canBuildSurveys('STREET_ADMIN')).toBe(true);
    expect(canBuildSurveys('CENTER_STAFF')).toBe(true);
    expect(canBuildSurveys('EVALUATOR')).toBe(false);
  });

  it('opens drafts and closes open surveys', () => {
    expect(nextStatusAction('DRAFT')).toBe('open');
    expect(nextStatusAction('OPEN')).toBe('close');
    expect(nextStatusAction('CLOSED')).toBeNull();
  });

  it('picks the detail tab', () => {
    const open = { status: 'OPEN', viewerCanManage: true, acceptingResponses: true };
    expect(detailTabOf(null, open)).toBe('paper');
    expect(detailTabOf('import', open)).toBe('import');
    expect(detailTabOf('paper', { ...open, viewerCanManage: false })).toBe('comments');
    expect(detailTabOf(null, { status: 'DRAFT', viewerCanManage: true, acceptingResponses: false })).toBe(
      'questions',
    );
    expect(detailTabOf(null, { status: 'CLOSED', viewerCanManage: true, acceptingResponses: false })).toBe(
      'comments',
    );
  });

  it('keeps tab, status and center in the address', () => {
    const out = new URLSearchParams();
    SURVEYS_STATE_IN_URL.write({ tab: 'comments', status: 'OPEN', center: '7' }, out);
    expect(out.toString()).toBe('tab=comments&status=OPEN&center=7');
    expect(SURVEYS_STATE_IN_URL.read(out)).toEqual({ tab: 'comments', status: 'OPEN', center: '7' });
    expect(SURVEYS_STATE_IN_URL.read(new URLSearchParams('status=LATE'))).toEqual({
      tab: 'surveys',
      status: undefined,
      center: undefined,
    });
  });

  it('starts a demand’s title with the comment', () => {
    expect(demandTitleOf('  门口台阶太高\n老人进出不便')).toBe('门口台阶太高');
    expect(demandTitleOf('一'.repeat(40))).toBe(`${'一'.repeat(29)}…`);
  });
});
