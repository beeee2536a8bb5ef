// Pure rules of the survey pages: the question builder's values and checks (the API's rules, so
// most mistakes are caught before sending), the input it sends, a survey read back into the form,
// the API's field paths as form paths, who may build surveys, and the list filters. Unit-tested.
import {
  LONG_TEXT_MAX_LENGTH,
  QUESTION_KINDS,
  SURVEY_STATUSES,
  TITLE_MAX_LENGTH,
  type Dimension,
  type QuestionKind,
  type SurveyScope,
  type SurveyStatus,
} from '@lc/domain';

/** The API's limits (api/src/modules/surveys/survey.service.ts). */
export const SURVEY_MAX_QUESTIONS = 50;
export const QUESTION_TEXT_MAX_LENGTH = 200;
export const OPTION_MAX_LENGTH = 100;
export const OPTIONS_MAX = 30;
/** Multiple-choice options are joined with this in Excel, so they may not contain it. */
export const CHOICE_SEPARATOR = '、';

export interface QuestionValue {
  kind: QuestionKind;
  text: string;
  required: boolean;
  options: string[];
  dimension?: Dimension | null;
}

export interface SurveyFormValues {
  title: string;
  description?: string;
  scopeKind: SurveyScope;
  centerId?: string;
  serviceId?: string;
  projectId?: string;
  regionId?: string;
  anonymous: boolean;
  /** ISO instants, or null for "once opened" / "until closed" */
  opensAt?: string | null;
  closesAt?: string | null;
  questions: QuestionValue[];
}

export const isChoice = (kind: QuestionKind | string): boolean =>
  kind === 'SINGLE_CHOICE' || kind === 'MULTIPLE_CHOICE';

export function newQuestion(kind: QuestionKind = 'SCORE'): QuestionValue {
  return { kind, text: '', required: true, options: [], dimension: null };
}

/** A new survey: about a center, satisfaction overall (score) and a free-text comment. */
export function initialSurveyValues(centerId?: string): SurveyFormValues {
  return {
    title: '',
    description: '',
    scopeKind: 'CENTER',
    centerId,
    anonymous: false,
    opensAt: null,
    closesAt: null,
    questions: [newQuestion('SCORE')],
  };
}

/** The field of the scope's subject. */
export function scopeField(kind: SurveyScope): 'centerId' | 'serviceId' | 'projectId' | 'regionId' {
  return ({ CENTER: 'centerId', SERVICE: 'serviceId', PROJECT: 'projectId', REGION: 'regionId' } as const)[
    kind
  ];
}

export interface SurveyMessages {
  required: string;
  tooLong: (max: number) => string;
  noQuestions: string;
  tooManyQuestions: (max: number) => string;
  duplicateText: (n: number) => string;
  optionsTooFew: string;
  optionsDuplicate: string;
  optionsTooMany: (max: number) => string;
  optionSeparator: string;
  closesBeforeOpens: string;
}

export type FormPath = (string | number)[];
export interface FormProblem {
  name: FormPath;
  errors: string[];
}

/** The problems of the form, as antd `setFields` entries (empty when it may be sent). */
export function checkSurveyForm(values: SurveyFormValues, m: SurveyMessages): FormProblem[] {
  const out: FormProblem[] = [];
  const add = (name: FormPath, message: string) => {
    const key = JSON.stringify(name);
    const found = out.find((p) => JSON.stringify(p.name) === key);
    if (found) {
      if (!found.errors.includes(message)) found.errors.push(message);
    } else out.push({ name, errors: [message] });
  };
  const title = (values.title ?? '').trim();
  if (!title) add(['title'], m.required);
  else if (title.length > TITLE_MAX_LENGTH) add(['title'], m.tooLong(TITLE_MAX_LENGTH));
  if ((values.description ?? '').trim().length > LONG_TEXT_MAX_LENGTH)
    add(['description'], m.tooLong(LONG_TEXT_MAX_LENGTH));
  const subject = scopeField(values.scopeKind);
  if (!values[subject]) add([subject], m.required);
  if (values.opensAt && values.closesAt && Date.parse(values.closesAt) <= Date.parse(values.opensAt))
    add(['closesAt'], m.closesBeforeOpens);
  const questions = values.questions ?? [];
  if (questions.length === 0) add(['questions'], m.noQuestions);
  if (questions.length > SURVEY_MAX_QUESTIONS) add(['questions'], m.tooManyQuestions(SURVEY_MAX_QUESTIONS));
  const seen = new Map<string, number>();
  questions.forEach((q, i) => {
    const text = (q?.text ?? '').trim();
    if (!text) add(['questions', i, 'text'], m.required);
    else if (text.length > QUESTION_TEXT_MAX_LENGTH)
      add(['questions', i, 'text'], m.tooLong(QUESTION_TEXT_MAX_LENGTH));
    else if (seen.has(text)) add(['questions', i, 'text'], m.duplicateText((seen.get(text) as number) + 1));
    else seen.set(text, i);
    if (q && isChoice(q.kind)) {
      const options = (q.options ?? []).map((o) => o.trim()).filter(Boolean);
      if (new Set(options).size !== options.length) add(['questions', i, 'options'], m.optionsDuplicate);
      else if (options.length < 2) add(['questions', i, 'options'], m.optionsTooFew);
      else if (options.length > OPTIONS_MAX) add(['questions', i, 'options'], m.optionsTooMany(OPTIONS_MAX));
      else if (options.some((o) => o.length > OPTION_MAX_LENGTH))
        add(['questions', i, 'options'], m.tooLong(OPTION_MAX_LENGTH));
      else if (q.kind === 'MULTIPLE_CHOICE' && options.some((o) => o.includes(CHOICE_SEPARATOR)))
        add(['questions', i, 'options'], m.optionSeparator);
    }
  });
  return out;
}

export interface SurveyInputShape {
  title: string;
  description: string | null;
  scopeKind: SurveyScope;
  centerId: string | null;
  serviceId: string | null;
  projectId: string | null;
  regionId: string | null;
  anonymous: boolean;
  opensAt: string | null;
  closesAt: string | null;
  questions: {
    kind: QuestionKind;
    text: string;
    required: boolean;
    options: string[] | null;
    dimension: Dimension | null;
  }[];
}

/** The API input: only the scope's own subject (and a service's optional center), options only
 * for choice questions, a dimension only for score questions, trimmed texts. */
export function toSurveyInput(values: SurveyFormValues): SurveyInputShape {
  const subject = scopeField(values.scopeKind);
  const pick = (f: 'centerId' | 'serviceId' | 'projectId' | 'regionId') =>
    f === subject || (f === 'centerId' && values.scopeKind === 'SERVICE') ? values[f] || null : null;
  return {
    title: values.title.trim(),
    description: values.description?.trim() || null,
    scopeKind: values.scopeKind,
    centerId: pick('centerId'),
    serviceId: pick('serviceId'),
    projectId: pick('projectId'),
    regionId: pick('regionId'),
    anonymous: Boolean(values.anonymous),
    opensAt: values.opensAt || null,
    closesAt: values.closesAt || null,
    questions: (values.questions ?? []).map((q) => ({
      kind: q.kind,
      text: q.text.trim(),
      required: q.required !== false,
      options: isChoice(q.kind) ? (q.options ?? []).map((o) => o.trim()).filter(Boolean) : null,
      dimension: q.kind === 'SCORE' ? (q.dimension ?? null) : null,
    })),
  };
}

export interface SurveyLike {
  title: string;
  description?: string | null;
  scopeKind: SurveyScope | string;
  anonymous: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  center?: { id: string } | null;
  service?: { id: string } | null;
  project?: { id: string } | null;
  region?: { id: string } | null;
  questions: readonly {
    kind: QuestionKind | string;
    text: string;
    required: boolean;
    options?: readonly string[] | null;
    dimension?: Dimension | string | null;
  }[];
}

/** A survey read back into the form (to edit a draft). */
export function surveyToFormValues(s: SurveyLike): SurveyFormValues {
  return {
    title: s.title,
    description: s.description ?? '',
    scopeKind: s.scopeKind as SurveyScope,
    centerId: s.center?.id,
    serviceId: s.service?.id,
    projectId: s.project?.id,
    regionId: s.region?.id,
    anonymous: s.anonymous,
    opensAt: s.opensAt ?? null,
    closesAt: s.closesAt ?? null,
    questions: s.questions.map((q) => ({
      kind: q.kind as QuestionKind,
      text: q.text,
      required: q.required,
      options: [...(q.options ?? [])],
      dimension: (q.dimension as Dimension | null | undefined) ?? null,
    })),
  };
}

/**
 * A field path of the API as a form path: `input.questions.3.options` and `input.questions[3].options`
 * → ['questions', 3, 'options']; `responses.0.answers.2.score` → ['responses', 0, 'answers', 2, 'score'].
 */
export function fieldPath(path: string): FormPath {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts.length > 1 && parts[0] === 'input') parts.shift();
  return parts;
}

/** Staff who build surveys (the API decides per survey through viewerCanManage). */
export function canBuildSurveys(role: string): boolean {
  return role === 'DISTRICT_ADMIN' || role === 'STREET_ADMIN' || role === 'CENTER_STAFF';
}

/** The next state a manager may move a survey to, if any. */
export function nextStatusAction(status: SurveyStatus | string): 'open' | 'close' | null {
  return status === 'DRAFT' ? 'open' : status === 'OPEN' ? 'close' : null;
}

// ---------------------------------------------------------------------------------------------
// Address state of the surveys page.

export type SurveysTab = 'surveys' | 'comments';

export interface SurveysListState {
  tab: SurveysTab;
  status?: SurveyStatus;
  center?: string;
}

export const SURVEYS_STATE_IN_URL = {
  read: (p: URLSearchParams): SurveysListState => {
    const status = p.get('status');
    return {
      tab: p.get('tab') === 'comments' ? 'comments' : 'surveys',
      status: (SURVEY_STATUSES as readonly string[]).includes(status ?? '')
        ? (status as SurveyStatus)
        : undefined,
      center: p.get('center') || undefined,
    };
  },
  write: (s: SurveysListState, out: URLSearchParams) => {
    if (s.tab !== 'surveys') out.set('tab', s.tab);
    if (s.status) out.set('status', s.status);
    if (s.center) out.set('center', s.center);
  },
};

export const QUESTION_KIND_OPTIONS = QUESTION_KINDS;

/** The title a demand made from a comment starts with: the comment's first line, at most 30
 * characters (with … when cut). */
export function demandTitleOf(text: string, max = 30): string {
  const line = text.trim().split(/\r?\n/)[0]?.trim() ?? '';
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

export type SurveyDetailTab = 'paper' | 'import' | 'comments' | 'questions';

/** The detail page's tab: the one in the address when the viewer may see it; else paper entry
 * for a manager of a survey taking answers, else the comments (or the questions of a draft). */
export function detailTabOf(
  raw: string | null,
  survey: { status: string; viewerCanManage: boolean; acceptingResponses: boolean } | null,
): SurveyDetailTab {
  const manages = Boolean(survey?.viewerCanManage);
  const allowed: SurveyDetailTab[] = manages
    ? ['paper', 'import', 'comments', 'questions']
    : ['comments', 'questions'];
  if (raw && (allowed as string[]).includes(raw)) return raw as SurveyDetailTab;
  if (!survey) return 'questions';
  if (manages && survey.acceptingResponses) return 'paper';
  return survey.status === 'DRAFT' ? 'questions' : 'comments';
}
