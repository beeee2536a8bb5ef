// The keyboard-first paper form (纸质录入): what may be typed in each question's box, how a typed
// box reads as an answer (digits 0–10 for a score; option numbers 1, 2, 3 … for a choice; any text
// for a comment), which key moves on or saves, the idempotency key of each paper, and the API's
// field errors put back under their questions. Unit-tested.
import { SCORE_MAX, type QuestionKind } from '@lc/domain';
import { fieldPath } from './surveyModel';

/** The API keeps free-text answers to this many characters. */
export const PAPER_TEXT_MAX_LENGTH = 1000;

export interface PaperQuestion {
  id: string;
  position: number;
  kind: QuestionKind | string;
  text: string;
  required: boolean;
  options?: readonly string[] | null;
}

export interface PaperAnswerInput {
  questionId: string;
  score?: number;
  choice?: string[];
  text?: string;
}

export type PaperProblem = 'required' | 'score' | 'choice' | 'single' | 'duplicate' | 'tooLong';

export type ParsedPaperAnswer =
  { ok: true; answer: PaperAnswerInput | null } | { ok: false; problem: PaperProblem };

/** What a box keeps of what was typed: digits for a score or a single choice; digits and
 * separators for a multiple choice; anything for text. */
export function sanitizePaperInput(kind: QuestionKind | string, raw: string): string {
  switch (kind) {
    case 'SCORE':
      return raw.replace(/\D/g, '').slice(0, 2);
    case 'SINGLE_CHOICE':
      return raw.replace(/\D/g, '').slice(0, 2);
    case 'MULTIPLE_CHOICE':
      return raw.replace(/[^\d,，、\s]/g, '').replace(/[，、]/g, ',');
    default:
      return raw;
  }
}

/** The option numbers typed for a multiple choice: "1,3", "1 3" or, when every option number is a
 * single digit, "13". */
export function choiceNumbers(raw: string, optionCount: number): number[] {
  const trimmed = raw.trim();
  if (!trimmed) return [];
  if (/[,\s]/.test(trimmed))
    return trimmed
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
  if (optionCount <= 9) return [...trimmed].map(Number);
  return [Number(trimmed)];
}

/** A typed box as an answer; `answer` is null when the box is empty and the question optional. */
export function parsePaperAnswer(q: PaperQuestion, raw: string): ParsedPaperAnswer {
  const value = raw.trim();
  if (!value) return q.required ? { ok: false, problem: 'required' } : { ok: true, answer: null };
  const options = q.options ?? [];
  switch (q.kind) {
    case 'SCORE': {
      if (!/^\d{1,2}$/.test(value)) return { ok: false, problem: 'score' };
      const score = Number(value);
      if (score < 0 || score > SCORE_MAX) return { ok: false, problem: 'score' };
      return { ok: true, answer: { questionId: q.id, score } };
    }
    case 'SINGLE_CHOICE': {
      if (!/^\d+$/.test(value)) return { ok: false, problem: 'choice' };
      const n = Number(value);
      if (n < 1 || n > options.length) return { ok: false, problem: 'choice' };
      return { ok: true, answer: { questionId: q.id, choice: [options[n - 1]] } };
    }
    case 'MULTIPLE_CHOICE': {
      const numbers = choiceNumbers(value, options.length);
      if (numbers.length === 0)
        return q.required ? { ok: false, problem: 'required' } : { ok: true, answer: null };
      if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > options.length))
        return { ok: false, problem: 'choice' };
      if (new Set(numbers).size !== numbers.length) return { ok: false, problem: 'duplicate' };
      // in the order the question offers them
      const chosen = [...numbers].sort((a, b) => a - b).map((n) => options[n - 1]);
      return { ok: true, answer: { questionId: q.id, choice: chosen } };
    }
    default: {
      if ([...value].length > PAPER_TEXT_MAX_LENGTH) return { ok: false, problem: 'tooLong' };
      return { ok: true, answer: { questionId: q.id, text: value } };
    }
  }
}

/** A short reading of a typed box, shown beside it: the chosen options' texts, or the score. */
export function paperPreview(q: PaperQuestion, raw: string): string | null {
  const parsed = parsePaperAnswer({ ...q, required: false }, raw);
  if (!parsed.ok || !parsed.answer) return null;
  const a = parsed.answer;
  if (a.choice) return a.choice.join('、');
  if (a.score !== undefined) return `${a.score} / ${SCORE_MAX}`;
  return null;
}

export interface PaperForm {
  /** the answers to send, in question order (empty boxes left out) */
  answers: PaperAnswerInput[];
  /** question id → problem; empty when the paper may be sent */
  problems: Map<string, PaperProblem>;
}

/** Every box of the paper read at once. */
export function readPaperForm(
  questions: readonly PaperQuestion[],
  raws: Readonly<Record<string, string>>,
): PaperForm {
  const answers: PaperAnswerInput[] = [];
  const problems = new Map<string, PaperProblem>();
  for (const q of [...questions].sort((a, b) => a.position - b.position)) {
    const parsed = parsePaperAnswer(q, raws[q.id] ?? '');
    if (!parsed.ok) problems.set(q.id, parsed.problem);
    else if (parsed.answer) answers.push(parsed.answer);
  }
  return { answers, problems };
}

export type PaperKeyAction = 'next' | 'previous' | 'save' | 'none';

/** What a key does in a box: Enter moves on, or saves the paper in the last box; Shift+Enter
 * goes back. Tab keeps the browser's own behaviour. */
export function paperKeyAction(
  e: { key: string; shiftKey?: boolean; isComposing?: boolean },
  isLast: boolean,
): PaperKeyAction {
  // Enter that confirms an input method's candidate (Chinese text) is not ours.
  if (e.key !== 'Enter' || e.isComposing) return 'none';
  if (e.shiftKey) return 'previous';
  return isLast ? 'save' : 'next';
}

/** A fresh idempotency key for a paper: crypto.randomUUID where the browser offers it (secure
 * contexts), else a version-4 UUID from crypto.getRandomValues. */
export function newIdempotencyKey(
  c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The API's field errors of one sent paper, by question: `responses.0.answers.<i>.<part>` names the
 * i-th answer sent; a required question left out names `responses.0.answers` with "#<id>" in the
 * message. What cannot be placed is returned apart.
 */
export function paperErrorsByQuestion(
  errors: readonly { field: string; message: string }[],
  sent: readonly PaperAnswerInput[],
  questions: readonly PaperQuestion[],
): { byQuestion: Map<string, string[]>; general: string[] } {
  const byQuestion = new Map<string, string[]>();
  const general: string[] = [];
  const put = (qid: string, message: string) =>
    byQuestion.set(qid, [...(byQuestion.get(qid) ?? []), message]);
  for (const { field, message } of errors) {
    const path = fieldPath(field);
    const at = path.indexOf('answers');
    const index = at >= 0 ? path[at + 1] : undefined;
    if (typeof index === 'number' && sent[index]) {
      put(sent[index].questionId, message);
      continue;
    }
    const hash = /#(\d+)/.exec(message);
    const q = hash ? questions.find((x) => x.id === hash[1]) : undefined;
    if (at >= 0 && q) put(q.id, message);
    else general.push(message);
  }
  return { byQuestion, general };
}
