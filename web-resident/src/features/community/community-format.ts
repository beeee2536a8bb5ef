// Pure display rules of "our community": the project's steps (立项 → 听证 → 批准 → 实施 → 评议 →
// 完成, or 未通过), its next meeting in one line, status colours, and the field errors of a new demand.
import type { DemandStatus, MeetingKind, MeetingOutcome, ProjectStatus } from '@lc/domain';
import type { TFunction } from 'i18next';
import type { CombinedError } from 'urql';
import { errorMessageKey } from '../../ui/errors';
import { localizedPart } from '../orders/mutation-errors';
import { formatOrderTime, type StatusTone } from '../orders/order-format';

/** The way a project goes when all is well; REJECTED leaves it at the step where it stopped. */
export const PROJECT_FLOW = [
  'PROPOSED',
  'HEARING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
] as const;

export function isFinished(status: string): boolean {
  return status === 'COMPLETED' || status === 'REJECTED';
}

/**
 * The index in PROJECT_FLOW of the step a project is at. A rejected project stays at the step it
 * was rejected from (`rejectedFrom`, read from its timeline; a hearing when unknown, the usual place).
 */
export function projectStepIndex(status: string, rejectedFrom?: string | null): number {
  const at = status === 'REJECTED' ? (rejectedFrom ?? 'HEARING') : status;
  const index = PROJECT_FLOW.indexOf(at as (typeof PROJECT_FLOW)[number]);
  return index < 0 ? 0 : index;
}

export type StepState = 'done' | 'current' | 'todo' | 'skipped' | 'rejected';

export interface ProjectStep {
  status: (typeof PROJECT_FLOW)[number];
  state: StepState;
}

/** The statuses a timeline moved a project out of into REJECTED (the last such move). */
export function rejectedFrom(
  timeline: readonly { fromStatus?: string | null; toStatus?: string | null }[],
): string | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e.toStatus === 'REJECTED' && e.fromStatus) return e.fromStatus;
  }
  return null;
}

/**
 * Every step with its state. A project not paid from public money may skip the hearing: once it is
 * past the hearing without having been in it, that step shows as skipped.
 */
export function projectSteps(project: {
  status: string;
  publiclyFunded: boolean;
  timeline: readonly { fromStatus?: string | null; toStatus?: string | null }[];
}): ProjectStep[] {
  const rejected = project.status === 'REJECTED';
  const at = projectStepIndex(project.status, rejectedFrom(project.timeline));
  const hadHearing =
    project.status === 'HEARING' ||
    project.timeline.some((e) => e.toStatus === 'HEARING' || e.fromStatus === 'HEARING');
  return PROJECT_FLOW.map((status, index) => {
    let state: StepState;
    if (index < at) state = 'done';
    else if (index === at) state = rejected ? 'rejected' : status === 'COMPLETED' ? 'done' : 'current';
    else state = 'todo';
    if (status === 'HEARING' && state === 'done' && !project.publiclyFunded && !hadHearing) state = 'skipped';
    return { status, state };
  });
}

export interface NextMeetingFields {
  status: string;
  nextMeeting?: MeetingKind | null;
  nextMeetingAt?: string | null;
  nextMeetingPlace?: string | null;
}

/**
 * The next meeting in one line: "下一场：听证会 · 12月5日 周六 14:00 · 桃浦东片区议事厅" when it is
 * announced, "下一步：听证会（待定）" when it is only due; null when none is (or the project is over).
 */
export function nextMeetingText(
  project: NextMeetingFields,
  t: TFunction<any, any>,
  locale: string,
  now: Date = new Date(),
): string | null {
  if (isFinished(project.status) || !project.nextMeeting) return null;
  const kind = t(`enum:meetingKind.${project.nextMeeting}`) as string;
  const time = formatOrderTime(project.nextMeetingAt, locale, now);
  if (!time) return t('projectNextTbd', { kind }) as string;
  const place = project.nextMeetingPlace?.trim();
  const detail = [kind, time, place].filter(Boolean).join(' · ');
  return t('projectNextAt', { detail }) as string;
}

/** The colour of a status tag (the orders' tones: waiting, in hand, done, stopped). */
const PROJECT_TONES: Record<ProjectStatus, StatusTone> = {
  PROPOSED: 'waiting',
  HEARING: 'waiting',
  APPROVED: 'accepted',
  IN_PROGRESS: 'scheduled',
  REVIEW: 'scheduled',
  COMPLETED: 'delivered',
  REJECTED: 'rejected',
};
const DEMAND_TONES: Record<DemandStatus, StatusTone> = {
  OPEN: 'waiting',
  MATCHED: 'accepted',
  IN_PROJECT: 'scheduled',
  CLOSED: 'delivered',
};
const OUTCOME_TONES: Record<MeetingOutcome, StatusTone> = {
  APPROVED: 'delivered',
  REJECTED: 'rejected',
  NOTED: 'accepted',
};

export function projectTone(status: string): StatusTone {
  return PROJECT_TONES[status as ProjectStatus] ?? 'cancelled';
}
export function demandTone(status: string): StatusTone {
  return DEMAND_TONES[status as DemandStatus] ?? 'cancelled';
}
export function outcomeTone(outcome: string): StatusTone {
  return OUTCOME_TONES[outcome as MeetingOutcome] ?? 'cancelled';
}

/** The fields of the new-demand form that can carry an error; `form` is everything else. */
export type DemandField = 'title' | 'description' | 'category' | 'form';
export type DemandErrors = Partial<Record<DemandField, string>>;

const INPUT_FIELDS: Record<string, DemandField> = {
  'input.title': 'title',
  'input.description': 'description',
  'input.category': 'category',
};

/**
 * The errors of a refused createDemand, by form field: BAD_USER_INPUT names the input fields
 * (`input.title`, …) with "中文 / English" messages, shown under their field in the page's
 * language; other fields (the community) and other codes go to the form.
 */
export function demandFieldErrors(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>,
  t: TFunction<any, any>,
  language: string,
): DemandErrors {
  const out: DemandErrors = {};
  for (const e of error.graphQLErrors) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = e.extensions.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as { field?: unknown; message?: unknown }[]) {
      const key = (typeof f.field === 'string' && INPUT_FIELDS[f.field]) || 'form';
      const text =
        (typeof f.message === 'string' && localizedPart(f.message, language)) ||
        (t('enum:error.BAD_USER_INPUT') as string);
      out[key] ??= text;
    }
  }
  if (Object.keys(out).length === 0) out.form = t(errorMessageKey(error)) as string;
  return out;
}

/** What the form checks before sending: a title, and a category. */
export function checkDemandForm(
  values: { title: string; category: string | null },
  t: TFunction<any, any>,
): DemandErrors {
  const out: DemandErrors = {};
  if (!values.title.trim()) out.title = t('demandTitleRequired') as string;
  if (!values.category) out.category = t('demandCategoryRequired') as string;
  return out;
}

/** A budget for people: "125,000" (the unit comes from the label). */
export function formatBudget(yuan: number, locale: string): string {
  return new Intl.NumberFormat(locale.startsWith('zh') ? 'zh-CN' : 'en-US', {
    maximumFractionDigits: 2,
  }).format(yuan);
}
