// Pure rules of answering a survey: what a resident has answered, what is sent (one AnswerInput
// per answered question), which required questions are still open, where the server's field
// errors belong, the order of the survey list, and the colour of each score from 0 to 10.
import { type QuestionKind, SCORE_MAX } from '@lc/domain';
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { errorMessageKey } from '../../ui/errors';
import { localizedPart } from '../orders/mutation-errors';

/** Longest free-text answer (the API refuses longer ones). */
export const ANSWER_TEXT_MAX_LENGTH = 1000;

/** The scores a SCORE question offers: 0 … 10. */
export const SCORE_VALUES: readonly number[] = Array.from({ length: SCORE_MAX + 1 }, (_, i) => i);

/** What the form needs of a question. */
export interface QuestionLike {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options?: readonly string[] | null;
  position?: number | null;
}

/** A resident's answer to one question while the form is open. */
export interface AnswerDraft {
  score: number | null;
  choices: readonly string[];
  text: string;
}

export type AnswerDrafts = Readonly<Record<string, AnswerDraft | undefined>>;

export const EMPTY_ANSWER: AnswerDraft = { score: null, choices: [], text: '' };

/** Structurally the API's AnswerInput. */
export interface AnswerInputLike {
  questionId: string;
  score?: number | null;
  choice?: string[] | null;
  text?: string | null;
}

/** Questions in the order they are asked: by position, then as given. */
export function orderedQuestions<Q extends QuestionLike>(questions: readonly Q[]): Q[] {
  return questions
    .map((q, index) => ({ q, index }))
    .sort((a, b) => (a.q.position ?? a.index) - (b.q.position ?? b.index) || a.index - b.index)
    .map(({ q }) => q);
}

export function isAnswered(question: QuestionLike, draft: AnswerDraft | undefined): boolean {
  if (!draft) return false;
  switch (question.kind) {
    case 'SCORE':
      return draft.score !== null;
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return draft.choices.length > 0;
    case 'TEXT':
      return draft.text.trim().length > 0;
    default:
      return false;
  }
}

/** The required questions not answered yet, in asking order. */
export function missingRequired(questions: readonly QuestionLike[], drafts: AnswerDrafts): string[] {
  return orderedQuestions(questions)
    .filter((q) => q.required && !isAnswered(q, drafts[q.id]))
    .map((q) => q.id);
}

export function answeredCount(questions: readonly QuestionLike[], drafts: AnswerDrafts): number {
  return questions.filter((q) => isAnswered(q, drafts[q.id])).length;
}

/**
 * The answers to send: one per answered question, in asking order; unanswered optional questions
 * are left out. Choices keep the order the options are offered in; text is trimmed.
 */
export function toAnswerInputs(questions: readonly QuestionLike[], drafts: AnswerDrafts): AnswerInputLike[] {
  const out: AnswerInputLike[] = [];
  for (const q of orderedQuestions(questions)) {
    const draft = drafts[q.id];
    if (!draft || !isAnswered(q, draft)) continue;
    switch (q.kind) {
      case 'SCORE':
        out.push({ questionId: q.id, score: draft.score });
        break;
      case 'SINGLE_CHOICE':
        out.push({ questionId: q.id, choice: [draft.choices[0]] });
        break;
      case 'MULTIPLE_CHOICE': {
        const offered = q.options ?? [];
        const chosen = [...draft.choices].sort((a, b) => offered.indexOf(a) - offered.indexOf(b));
        out.push({ questionId: q.id, choice: chosen });
        break;
      }
      case 'TEXT':
        out.push({ questionId: q.id, text: draft.text.trim() });
        break;
    }
  }
  return out;
}

/** A single choice replaces the answer; a multiple choice toggles the option. */
export function toggleChoice(
  kind: QuestionKind,
  choices: readonly string[],
  option: string,
): readonly string[] {
  if (kind === 'SINGLE_CHOICE') return [option];
  return choices.includes(option) ? choices.filter((c) => c !== option) : [...choices, option];
}

// ---------- the server's answer to a refused response ----------

export interface SurveyErrors {
  /** under a question, by question id */
  byQuestion: Record<string, string>;
  /** above the submit button */
  form?: string;
  /** the resident had already answered (with another key): the form is over */
  alreadyAnswered?: boolean;
  /** nothing reached the server, or its answer got lost: the same key may be sent again */
  network?: boolean;
}

const ANSWER_FIELD = /^input\.answers\.(\d+)(?:\.|$)/;

/** The question a message about the whole answer list names: by its id ("第2题（#41）必须回答")
 * or, failing that, by its text. */
function namedQuestion(message: string, questions: readonly QuestionLike[]): string | undefined {
  for (const m of message.matchAll(/#([\w-]+)/g)) {
    const byId = questions.find((q) => q.id === m[1]);
    if (byId) return byId.id;
  }
  return questions.find((q) => q.text && message.includes(q.text))?.id;
}

/**
 * Where the errors of a refused submitSurveyResponse belong. BAD_USER_INPUT names fields by the
 * index of the answer sent (`input.answers.2.score`): that answer's question gets the message in
 * the page's language. `input.answers` itself (a required question left out) names the question
 * in its message ("#41", or its text): it goes under that question when found, else to the form.
 * CONFLICT means "already answered"; the other codes get their fixed labels.
 */
export function surveyErrors(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>,
  sent: readonly AnswerInputLike[],
  questions: readonly QuestionLike[],
  t: TFunction<any, any>,
  language: string,
): SurveyErrors {
  const out: SurveyErrors = { byQuestion: {} };
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT')) {
    return { byQuestion: {}, form: t('surveyAlreadyAnswered') as string, alreadyAnswered: true };
  }
  for (const e of error.graphQLErrors) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as { field?: unknown; message?: unknown }[]) {
      const text =
        (typeof f.message === 'string' && localizedPart(f.message, language)) ||
        (t('enum:error.BAD_USER_INPUT') as string);
      const field = typeof f.field === 'string' ? f.field : '';
      const match = ANSWER_FIELD.exec(field);
      const questionId = match ? sent[Number(match[1])]?.questionId : undefined;
      const named =
        questionId ??
        (field === 'input.answers' && typeof f.message === 'string'
          ? namedQuestion(f.message, questions)
          : undefined);
      if (named) out.byQuestion[named] ??= text;
      else out.form ??= text;
    }
  }
  if (!out.form && Object.keys(out.byQuestion).length === 0) {
    out.form = t(errorMessageKey(error)) as string;
    if (error.networkError && error.graphQLErrors.length === 0) out.network = true;
  }
  return out;
}

// ---------- the list ----------

export interface SurveyListItem {
  id: string;
  title: string;
  closesAt?: string | null;
  viewerHasAnswered: boolean;
  center?: { id: string; street?: { id: string } | null } | null;
}

function byUrgency(a: SurveyListItem, b: SurveyListItem): number {
  if (a.viewerHasAnswered !== b.viewerHasAnswered) return a.viewerHasAnswered ? 1 : -1;
  const ca = a.closesAt ? Date.parse(a.closesAt) : Number.POSITIVE_INFINITY;
  const cb = b.closesAt ? Date.parse(b.closesAt) : Number.POSITIVE_INFINITY;
  if (ca !== cb) return ca - cb;
  return a.title.localeCompare(b.title, 'zh-CN');
}

/**
 * The surveys of my home center first, then the others (those of centers in my street before the
 * rest); each group with the ones still to answer first, the soonest closing first. A survey
 * listed twice (both queries) shows once.
 */
export function groupSurveys<S extends SurveyListItem>(
  lists: readonly (readonly S[] | null | undefined)[],
  home: { id: string; street?: { id: string } | null } | null | undefined,
): { mine: S[]; others: S[] } {
  const seen = new Map<string, S>();
  for (const list of lists) for (const s of list ?? []) if (!seen.has(s.id)) seen.set(s.id, s);
  const all = [...seen.values()];
  const isMine = (s: S) => !!home && s.center?.id === home.id;
  const streetId = home?.street?.id;
  const near = (s: S) => (streetId && s.center?.street?.id === streetId ? 0 : 1);
  return {
    mine: all.filter(isMine).sort(byUrgency),
    others: all.filter((s) => !isMine(s)).sort((a, b) => near(a) - near(b) || byUrgency(a, b)),
  };
}

// ---------- score colours ----------

function hslToHex(h: number, s: number, l: number): string {
  const sat = s / 100;
  const light = l / 100;
  const a = sat * Math.min(light, 1 - light);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = light - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export interface ScoreColor {
  /** 0 (red) … 120 (green) */
  hue: number;
  /** background of the button not chosen (dark text on it) */
  soft: string;
  /** border, and the background of the chosen button (white text on it) */
  strong: string;
}

/** From red (0, very dissatisfied) through yellow to green (10, very satisfied); both shades keep
 * a 7:1 contrast with their text. */
export function scoreColor(value: number): ScoreColor {
  const v = Math.max(0, Math.min(SCORE_MAX, Math.round(value)));
  const hue = Math.round((v / SCORE_MAX) * 120);
  return { hue, soft: hslToHex(hue, 85, 86), strong: hslToHex(hue, 80, 19) };
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
