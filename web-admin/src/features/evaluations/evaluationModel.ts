// Pure rules of the eight-dimension evaluation pages (八度空间): the record form's values, its
// checks (the API's rules, so most mistakes are caught before sending), the input it sends, the
// live weighted total, who may record, and the list's filters in the address. Unit-tested.
import {
  DIMENSIONS,
  EVALUATION_PHASES,
  LONG_TEXT_MAX_LENGTH,
  SCORE_MAX,
  TITLE_MAX_LENGTH,
  type Dimension,
  type EvaluationPhase,
  type EvaluatorKind,
  type TrainingTrack,
} from '@lc/domain';
import type { SearchParamsCodec } from '../../ui/useUrlListState';

/** The API keeps at most this many findings per evaluation. */
export const FINDINGS_MAX = 50;

export interface FindingValue {
  track?: TrainingTrack;
  text?: string;
}

export interface EvaluationFormValues {
  centerId?: string;
  phase?: EvaluationPhase;
  /** YYYY-MM-DD */
  evaluatedOn?: string;
  evaluatorKind?: EvaluatorKind;
  evaluatorName?: string;
  scores: Partial<Record<Dimension, number | null>>;
  findings: FindingValue[];
  suggestions?: string;
}

/** Fields of the form the API's field errors may name directly (errors about scores and findings
 * name list items and are shown above the form). */
export const EVALUATION_FORM_FIELDS = [
  'centerId',
  'phase',
  'evaluatedOn',
  'evaluatorKind',
  'evaluatorName',
  'suggestions',
] as const;

/** 'YYYY-MM-DD' of a date in the browser's calendar. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function initialEvaluationValues(role: string, today: Date, centerId?: string): EvaluationFormValues {
  return {
    centerId,
    phase: 'DURING',
    evaluatedOn: dayKey(today),
    evaluatorKind: role === 'EVALUATOR' ? 'EXPERT' : 'EXPERIENCE_OFFICER',
    evaluatorName: '',
    scores: {},
    findings: [],
    suggestions: '',
  };
}

/** A score the API accepts: 0–10 with at most one decimal. */
export function isValidScore(score: number | null | undefined): score is number {
  return (
    typeof score === 'number' &&
    Number.isFinite(score) &&
    score >= 0 &&
    score <= SCORE_MAX &&
    Math.abs(Math.round(score * 10) - score * 10) < 1e-9
  );
}

export interface EvaluationMessages {
  required: string;
  score: string;
  future: string;
  tooLong: (max: number) => string;
  tooManyFindings: (max: number) => string;
}

export type FormProblem = { name: string | (string | number)[]; errors: string[] };

/** The problems of the form, in antd `setFields` shape (empty when it may be sent). */
export function checkEvaluationForm(
  values: EvaluationFormValues,
  messages: EvaluationMessages,
  today: Date,
): FormProblem[] {
  const out: FormProblem[] = [];
  if (!values.centerId) out.push({ name: 'centerId', errors: [messages.required] });
  if (!values.phase) out.push({ name: 'phase', errors: [messages.required] });
  if (!values.evaluatorKind) out.push({ name: 'evaluatorKind', errors: [messages.required] });
  if (!values.evaluatedOn) out.push({ name: 'evaluatedOn', errors: [messages.required] });
  else if (values.evaluatedOn > dayKey(today)) out.push({ name: 'evaluatedOn', errors: [messages.future] });
  if ((values.evaluatorName ?? '').trim().length > TITLE_MAX_LENGTH)
    out.push({ name: 'evaluatorName', errors: [messages.tooLong(TITLE_MAX_LENGTH)] });
  for (const d of DIMENSIONS) {
    const s = values.scores?.[d];
    if (s === null || s === undefined) out.push({ name: ['scores', d], errors: [messages.required] });
    else if (!isValidScore(s)) out.push({ name: ['scores', d], errors: [messages.score] });
  }
  const findings = values.findings ?? [];
  if (findings.length > FINDINGS_MAX)
    out.push({ name: 'findings', errors: [messages.tooManyFindings(FINDINGS_MAX)] });
  findings.forEach((f, i) => {
    if (!f?.track) out.push({ name: ['findings', i, 'track'], errors: [messages.required] });
    const text = (f?.text ?? '').trim();
    if (!text) out.push({ name: ['findings', i, 'text'], errors: [messages.required] });
    else if (text.length > LONG_TEXT_MAX_LENGTH)
      out.push({ name: ['findings', i, 'text'], errors: [messages.tooLong(LONG_TEXT_MAX_LENGTH)] });
  });
  if ((values.suggestions ?? '').length > LONG_TEXT_MAX_LENGTH)
    out.push({ name: 'suggestions', errors: [messages.tooLong(LONG_TEXT_MAX_LENGTH)] });
  return out;
}

export interface RecordEvaluationInputShape {
  centerId: string;
  phase: EvaluationPhase;
  evaluatedOn: string;
  evaluatorKind: EvaluatorKind;
  evaluatorName: string | null;
  scores: { dimension: Dimension; score: number }[];
  findings: { track: TrainingTrack; text: string }[];
  suggestions: string | null;
}

/** The API input of a checked form: all eight scores in order, trimmed texts, blanks as null. */
export function toRecordEvaluationInput(values: EvaluationFormValues): RecordEvaluationInputShape {
  return {
    centerId: values.centerId ?? '',
    phase: values.phase ?? 'DURING',
    evaluatedOn: values.evaluatedOn ?? '',
    evaluatorKind: values.evaluatorKind ?? 'EXPERT',
    evaluatorName: values.evaluatorName?.trim() || null,
    scores: DIMENSIONS.map((d) => ({ dimension: d, score: Math.round((values.scores[d] ?? 0) * 10) / 10 })),
    findings: (values.findings ?? [])
      .filter((f) => f?.track && (f.text ?? '').trim())
      .map((f) => ({ track: f.track as TrainingTrack, text: (f.text ?? '').trim() })),
    suggestions: values.suggestions?.trim() || null,
  };
}

/**
 * The evaluation's total as the API computes it: Σ weightᵢ × scoreᵢ / Σ weightᵢ × 10, 0–100, with
 * the district's weights (1 each when not given); null until every dimension has a valid score.
 */
export function weightedTotal(
  scores: Partial<Record<Dimension, number | null>>,
  weights: readonly { dimension: string; weight: number }[] = [],
): number | null {
  const w = new Map(weights.map((x) => [x.dimension, x.weight]));
  let sum = 0;
  let wsum = 0;
  for (const d of DIMENSIONS) {
    const s = scores[d];
    if (!isValidScore(s)) return null;
    const weight = w.get(d) ?? 1;
    sum += weight * s;
    wsum += weight;
  }
  return wsum > 0 ? Math.round((sum / wsum) * 1000) / 100 : 0;
}

/** Recording an evaluation: the district's evaluators and its admin (the API checks too). */
export function canRecordEvaluation(role: string): boolean {
  return role === 'EVALUATOR' || role === 'DISTRICT_ADMIN';
}

/** The training-needs panel is the district's (its admin and evaluators). */
export function canSeeTrainingNeeds(role: string): boolean {
  return role === 'EVALUATOR' || role === 'DISTRICT_ADMIN';
}

/** Accepted photo types and the size limit of the API. */
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;

export function isAcceptedPhoto(file: { name: string; size: number }): 'ok' | 'type' | 'size' {
  if (!/\.(jpe?g|png|webp)$/i.test(file.name.trim())) return 'type';
  if (file.size > PHOTO_MAX_BYTES) return 'size';
  return 'ok';
}

// ---------------------------------------------------------------------------------------------
// The list's filters in the address.

export interface EvaluationListState {
  center?: string;
  phase?: EvaluationPhase;
}

export const EVALUATION_STATE_IN_URL: SearchParamsCodec<EvaluationListState> = {
  read: (p) => {
    const phase = p.get('phase');
    return {
      center: p.get('center') || undefined,
      phase: (EVALUATION_PHASES as readonly string[]).includes(phase ?? '')
        ? (phase as EvaluationPhase)
        : undefined,
    };
  },
  write: (s, out) => {
    if (s.center) out.set('center', s.center);
    if (s.phase) out.set('phase', s.phase);
  },
};

// ---------------------------------------------------------------------------------------------
// Periods of the training-needs panel: calendar quarters (the training is quarterly).

export interface QuarterPeriod {
  /** 'YYYY-Qn', or 'all' */
  key: string;
  year: number | null;
  quarter: number | null;
  /** API arguments: instants Shanghai's first day of the quarter and of the next begin */
  from: string | null;
  to: string | null;
}

function shanghaiStart(year: number, month0: number): string {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return new Date(`${y}-${String(m + 1).padStart(2, '0')}-01T00:00:00+08:00`).toISOString();
}

/** The last `count` quarters together (this one included), then this quarter and each before it,
 * newest first, then "all". */
export function recentQuarters(now: Date, count = 4): QuarterPeriod[] {
  const out: QuarterPeriod[] = [];
  const thisQuarter = Math.floor(now.getMonth() / 3);
  out.push({
    key: 'recent',
    year: null,
    quarter: null,
    from: shanghaiStart(now.getFullYear(), (thisQuarter - (count - 1)) * 3),
    to: shanghaiStart(now.getFullYear(), (thisQuarter + 1) * 3),
  });
  let year = now.getFullYear();
  let q = Math.floor(now.getMonth() / 3) + 1;
  for (let i = 0; i < count; i++) {
    out.push({
      key: `${year}-Q${q}`,
      year,
      quarter: q,
      from: shanghaiStart(year, (q - 1) * 3),
      to: shanghaiStart(year, q * 3),
    });
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  out.push({ key: 'all', year: null, quarter: null, from: null, to: null });
  return out;
}
