// The rules every response obeys, however it arrives (the resident app, the paper form, an Excel
// row): one answer per question of this survey, of the question's kind, every required question
// answered. Problems are returned, not thrown, so each caller names its own fields.
import { SCORE_MAX, type Dimension } from '@lc/domain';
import type { SurveyQuestion } from './survey.entity';

export const SURVEY_TEXT_MAX_LENGTH = 1000;

/** An answer as sent: the contract's AnswerInput (questionId may be anything a client sends). */
export interface RawAnswer {
  questionId: string | number;
  score?: number | null;
  choice?: readonly string[] | null;
  text?: string | null;
}

export interface CheckedAnswer {
  questionId: number;
  score: number | null;
  choices: string[] | null;
  text: string | null;
  dimension: Dimension | null;
}

export interface AnswerProblem {
  /** index of the answer in the list; null for the list as a whole (a missing required question) */
  index: number | null;
  /** the part of the answer at fault: questionId, score, choice or text */
  part: 'questionId' | 'score' | 'choice' | 'text' | null;
  /** the question concerned, when known */
  questionId: number | null;
  message: string;
}

const KIND_PART = {
  SCORE: 'score',
  SINGLE_CHOICE: 'choice',
  MULTIPLE_CHOICE: 'choice',
  TEXT: 'text',
} as const;
const KIND_NAME = {
  SCORE: '该题为打分题，请填分数 / this question takes a score',
  SINGLE_CHOICE: '该题为单选题，请填选项 / this question takes a choice',
  MULTIPLE_CHOICE: '该题为多选题，请填选项 / this question takes choices',
  TEXT: '该题为文字题，请填文字 / this question takes text',
};

/** Checks the answers against the survey's questions; answers left empty count as unanswered. */
export function checkAnswers(
  questions: readonly SurveyQuestion[],
  answers: readonly RawAnswer[],
): { answers: CheckedAnswer[]; problems: AnswerProblem[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: AnswerProblem[] = [];
  const out: CheckedAnswer[] = [];
  const seen = new Set<number>();
  answers.forEach((a, index) => {
    const qid = Number(String(a.questionId).trim());
    const q = Number.isSafeInteger(qid) ? byId.get(qid) : undefined;
    const problem = (part: AnswerProblem['part'], message: string) =>
      problems.push({ index, part, questionId: q?.id ?? null, message });
    if (!q) return problem('questionId', '不是本问卷的题目 / not a question of this survey');
    if (seen.has(q.id)) return problem('questionId', '同一题只能回答一次 / a question is answered once');
    seen.add(q.id);
    const own = KIND_PART[q.kind];
    const text = a.text?.trim() ? a.text.trim() : null;
    const choice = a.choice?.length ? a.choice.map((c) => c.trim()) : null;
    // values of another kind are refused, not ignored: they show a confused form
    if (own !== 'score' && a.score !== null && a.score !== undefined) problem('score', KIND_NAME[q.kind]);
    if (own !== 'choice' && choice) problem('choice', KIND_NAME[q.kind]);
    if (own !== 'text' && text) problem('text', KIND_NAME[q.kind]);
    const checked: CheckedAnswer = {
      questionId: q.id,
      score: null,
      choices: null,
      text: null,
      dimension: null,
    };
    switch (q.kind) {
      case 'SCORE': {
        if (a.score === null || a.score === undefined) break;
        if (!Number.isInteger(a.score) || a.score < 0 || a.score > SCORE_MAX) {
          problem(
            'score',
            `分数须为0到${SCORE_MAX}的整数 / the score must be a whole number from 0 to ${SCORE_MAX}`,
          );
          break;
        }
        checked.score = a.score;
        checked.dimension = q.dimension;
        break;
      }
      case 'SINGLE_CHOICE':
      case 'MULTIPLE_CHOICE': {
        if (!choice) break;
        const offered = q.options ?? [];
        const unknown = choice.filter((c) => !offered.includes(c));
        if (unknown.length) {
          problem(
            'choice',
            `“${unknown.join('、')}”不是该题的选项 / not an option of this question: ${unknown.join(', ')}`,
          );
          break;
        }
        if (q.kind === 'SINGLE_CHOICE' && choice.length !== 1) {
          problem('choice', '单选题只能选一项 / choose exactly one option');
          break;
        }
        if (new Set(choice).size !== choice.length) {
          problem('choice', '同一选项选了两次 / an option is chosen twice');
          break;
        }
        // kept in the order the question offers them
        checked.choices = offered.filter((o) => choice.includes(o));
        break;
      }
      case 'TEXT': {
        if (!text) break;
        if ([...text].length > SURVEY_TEXT_MAX_LENGTH) {
          problem(
            'text',
            `意见不能超过${SURVEY_TEXT_MAX_LENGTH}字 / text must be at most ${SURVEY_TEXT_MAX_LENGTH} characters`,
          );
          break;
        }
        checked.text = text;
        break;
      }
    }
    if (checked.score !== null || checked.choices || checked.text) out.push(checked);
  });
  const answered = new Set(out.map((a) => a.questionId));
  const faulted = new Set(problems.map((p) => p.questionId));
  for (const q of questions) {
    if (q.required && !answered.has(q.id) && !faulted.has(q.id)) {
      problems.push({
        index: null,
        part: null,
        questionId: q.id,
        message: `第${q.position}题（#${q.id}）必须回答 / question ${q.position} (#${q.id}) is required`,
      });
    }
  }
  if (!problems.length && !out.length)
    problems.push({
      index: null,
      part: null,
      questionId: null,
      message: '请至少回答一题 / answer at least one question',
    });
  return { answers: out, problems };
}

/** The field a problem names, under the path of the answer list (e.g. `input.answers`). */
export function problemField(prefix: string, p: AnswerProblem): string {
  return p.index === null ? prefix : `${prefix}.${p.index}.${p.part}`;
}

/** A response's score: the average of its score answers; null without any. */
export function responseScore(answers: readonly CheckedAnswer[]): number | null {
  const scores = answers.filter((a) => a.score !== null).map((a) => a.score as number);
  return scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null;
}
