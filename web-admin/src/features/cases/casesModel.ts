// Pure helpers of the case screens (诉求工单): deadline colours, what an action asks for, links.
import {
  CASE_LEVELS,
  CASE_TRANSITIONS,
  caseLevelRank,
  type CaseAction,
  type CaseLevel,
  type CaseRequirement,
  type CaseStatus,
} from '@lc/domain';

/** How close a case is to its deadline: past it, within 4 hours, within a day, later, or no clock. */
export type DeadlineTone = 'overdue' | 'soon' | 'today' | 'ok' | 'none';

export const TONE_COLORS: Record<DeadlineTone, string> = {
  overdue: '#cf1322',
  soon: '#d4380d',
  today: '#d48806',
  ok: '#389e0d',
  none: '#8c8c8c',
};

const HOUR = 3600_000;

export function deadlineTone(
  deadlineAt: string | null | undefined,
  overdue: boolean,
  now: Date,
): DeadlineTone {
  if (overdue) return 'overdue';
  if (!deadlineAt) return 'none';
  const left = Date.parse(deadlineAt) - now.getTime();
  if (left <= 0) return 'overdue';
  if (left <= 4 * HOUR) return 'soon';
  if (left <= 24 * HOUR) return 'today';
  return 'ok';
}

/** Time left (or past) as whole hours or days: { past, hours } or { past, days }. */
export function timeLeft(
  deadlineAt: string,
  now: Date,
): { past: boolean; unit: 'minutes' | 'hours' | 'days'; count: number } {
  const ms = Date.parse(deadlineAt) - now.getTime();
  const abs = Math.abs(ms);
  const past = ms < 0;
  if (abs < HOUR) return { past, unit: 'minutes', count: Math.max(1, Math.round(abs / 60_000)) };
  if (abs < 48 * HOUR) return { past, unit: 'hours', count: Math.round(abs / HOUR) };
  return { past, unit: 'days', count: Math.round(abs / (24 * HOUR)) };
}

export const STATUS_COLORS: Record<CaseStatus, string> = {
  REPORTED: 'blue',
  ACCEPTED: 'cyan',
  ASSIGNED: 'geekblue',
  IN_PROGRESS: 'processing',
  ESCALATED: 'purple',
  RESOLVED: 'gold',
  REOPENED: 'magenta',
  CLOSED: 'success',
  REJECTED: 'default',
};

export const LEVEL_COLORS: Record<CaseLevel, string> = {
  COMMUNITY: 'green',
  JOINT_ENFORCEMENT: 'orange',
  STREET_OPERATIONS_CENTER: 'red',
};

/** The statuses shown as the board's columns, in the order of the flow. */
export const BOARD_STATUSES: readonly CaseStatus[] = [
  'REPORTED',
  'ACCEPTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'ESCALATED',
  'REOPENED',
  'RESOLVED',
];

/** What the user must fill in to take an action (from the one transition table). */
export function needsOf(action: CaseAction): readonly CaseRequirement[] {
  return CASE_TRANSITIONS.find((t) => t.action === action)?.needs ?? [];
}

/** Whether the action needs a form (else a confirmation is enough). */
export function actionNeedsForm(action: CaseAction): boolean {
  return needsOf(action).some((n) => ['reason', 'assignee', 'level', 'note', 'target', 'rating'].includes(n));
}

/** The levels a case may be escalated to from its level. */
export function higherLevels(level: CaseLevel): CaseLevel[] {
  return CASE_LEVELS.filter((l) => caseLevelRank(l) > caseLevelRank(level));
}

/** Staff actions in the order the buttons show (the main path first, refusals last). */
export const ACTION_ORDER: readonly CaseAction[] = [
  'ACCEPT',
  'ASSIGN',
  'START',
  'RESOLVE',
  'ESCALATE',
  'HAND_OVER',
  'CLOSE',
  'MERGE',
  'REJECT',
];

export function orderedActions(actions: readonly CaseAction[]): CaseAction[] {
  return ACTION_ORDER.filter((a) => actions.includes(a));
}

/** Where a notification leads in the admin app. */
export function notificationLink(
  subjectType: string | null | undefined,
  subjectId: string | null | undefined,
): string | null {
  if (!subjectType || !subjectId) return null;
  switch (subjectType) {
    case 'CASE':
      return `/cases/${subjectId}`;
    case 'PROJECT':
      return `/projects/${subjectId}`;
    case 'SURVEY':
      return `/surveys/${subjectId}`;
    case 'DELIVERY_ORDER':
      return '/orders';
    case 'DEMAND':
      return '/planning';
    default:
      return null;
  }
}
