// Pure rules of the project board and detail: grouping by status, the status steps, the move
// buttons (from the domain's one transition table and what the server says the viewer may do),
// the meetings a status allows, and the meeting form's checks and API input. No React here.
import {
  MEETING_KINDS,
  MEETING_WINDOWS,
  NEXT_MEETING,
  PROJECT_STATUSES,
  PROJECT_TRANSITIONS,
  type MeetingKind,
  type MeetingOutcome,
  type ProjectStatus,
} from '@lc/domain';

// ---- board -----------------------------------------------------------------------------------

/** The board's columns, in the order of the flow; REJECTED last. */
export const BOARD_COLUMNS: readonly ProjectStatus[] = PROJECT_STATUSES;

/** Projects grouped by status, every column present (empty ones too), order within a column kept. */
export function groupByStatus<P extends { status: string }>(
  projects: readonly P[],
): Record<ProjectStatus, P[]> {
  const out = Object.fromEntries(BOARD_COLUMNS.map((s) => [s, [] as P[]])) as Record<ProjectStatus, P[]>;
  for (const p of projects) {
    const column = out[p.status as ProjectStatus];
    if (column) column.push(p);
  }
  return out;
}

/** Merges pages of one list (earlier pages first), dropping repeats (a row that moved between
 * pages while loading). */
export function mergePages<P extends { id: string }>(pages: readonly (readonly P[] | undefined)[]): P[] {
  const seen = new Set<string>();
  const out: P[] = [];
  for (const page of pages) {
    for (const p of page ?? []) {
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      out.push(p);
    }
  }
  return out;
}

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  PROPOSED: 'default',
  HEARING: 'gold',
  APPROVED: 'blue',
  IN_PROGRESS: 'cyan',
  REVIEW: 'purple',
  COMPLETED: 'green',
  REJECTED: 'red',
};

export const MEETING_COLORS: Record<MeetingKind, string> = {
  HEARING: 'gold',
  COORDINATION: 'blue',
  REVIEW: 'purple',
};

export const OUTCOME_COLORS: Record<MeetingOutcome, string> = {
  APPROVED: 'green',
  REJECTED: 'red',
  NOTED: 'default',
};

// ---- status steps ----------------------------------------------------------------------------

/** The road of a project that is not rejected. */
export const STEP_STATUSES: readonly ProjectStatus[] = [
  'PROPOSED',
  'HEARING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
];

export type StepState = 'finish' | 'process' | 'wait' | 'error';

export interface StatusSteps {
  steps: { status: ProjectStatus; state: StepState }[];
  current: number;
}

/**
 * The steps to draw for a status. A rejected project shows the road up to where it was
 * rejected (`rejectedFrom`, from its timeline; PROPOSED when unknown), then REJECTED in red.
 * A completed project has every step finished.
 */
export function statusSteps(status: ProjectStatus, rejectedFrom?: ProjectStatus | null): StatusSteps {
  if (status === 'REJECTED') {
    const from = rejectedFrom && STEP_STATUSES.includes(rejectedFrom) ? rejectedFrom : 'PROPOSED';
    const upTo = STEP_STATUSES.slice(0, STEP_STATUSES.indexOf(from) + 1);
    const steps = [
      ...upTo.map((s) => ({ status: s, state: 'finish' as StepState })),
      { status: 'REJECTED' as ProjectStatus, state: 'error' as StepState },
    ];
    return { steps, current: steps.length - 1 };
  }
  const at = Math.max(0, STEP_STATUSES.indexOf(status));
  const steps = STEP_STATUSES.map((s, i) => ({
    status: s,
    state: (i < at || status === 'COMPLETED' ? 'finish' : i === at ? 'process' : 'wait') as StepState,
  }));
  return { steps, current: at };
}

/** The status a project left when it was rejected: the `fromStatus` of its last move to REJECTED. */
export function rejectedFromOf(
  timeline: readonly { kind: string; fromStatus?: string | null; toStatus?: string | null }[],
): ProjectStatus | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e.kind === 'TRANSITION' && e.toStatus === 'REJECTED' && e.fromStatus)
      return e.fromStatus as ProjectStatus;
  }
  return null;
}

// ---- moves -----------------------------------------------------------------------------------

export interface MoveButton {
  to: ProjectStatus;
  /** the server says the viewer may make this move now */
  allowed: boolean;
  /** the meeting the move waits for, when the table says so and it isn't allowed yet */
  needsMeeting: MeetingKind | null;
  /** the main step forward (drawn as the primary button) */
  primary: boolean;
  /** ends the project (REJECTED): asks for confirmation */
  danger: boolean;
}

/**
 * The move buttons of a project: every move the table offers from its status — also those the
 * server does not allow yet, so the official can try one and read why not (e.g. 批准立项 of a
 * publicly funded project without an approving hearing) — plus any other move the server allows.
 * A move into HEARING is left out for a project that need not be heard (not publicly funded),
 * unless the server offers it. None for viewers who may not change the project.
 */
export function moveButtons(project: {
  status: ProjectStatus;
  publiclyFunded: boolean;
  viewerCanChange: boolean;
  viewerTransitions: readonly ProjectStatus[];
}): MoveButton[] {
  if (!project.viewerCanChange) return [];
  const allowed = new Set(project.viewerTransitions);
  const targets: ProjectStatus[] = [];
  for (const t of PROJECT_TRANSITIONS) {
    if (t.from !== project.status) continue;
    if (t.to === 'HEARING' && !project.publiclyFunded && !allowed.has('HEARING')) continue;
    if (!targets.includes(t.to)) targets.push(t.to);
  }
  for (const to of project.viewerTransitions) if (!targets.includes(to)) targets.push(to);

  // The primary move: the furthest step forward on the road (APPROVED rather than HEARING).
  const forward = targets.filter((s) => s !== 'REJECTED');
  const primaryTo = forward.length
    ? forward.reduce((a, b) => (STEP_STATUSES.indexOf(b) > STEP_STATUSES.indexOf(a) ? b : a))
    : null;

  return targets.map((to) => {
    const t = PROJECT_TRANSITIONS.find((x) => x.from === project.status && x.to === to);
    const need = t?.needs;
    const applies = need && (!need.onlyIfPubliclyFunded || project.publiclyFunded);
    return {
      to,
      allowed: allowed.has(to),
      needsMeeting: applies && !allowed.has(to) ? need.kind : null,
      primary: to === primaryTo,
      danger: to === 'REJECTED',
    };
  });
}

/** A refused move as the API answers it: BAD_USER_INPUT with `extensions.missingMeeting`. */
export function missingMeetingOf(error: {
  graphQLErrors?: ReadonlyArray<{ extensions?: Record<string, unknown> }>;
}): MeetingKind | null {
  for (const e of error.graphQLErrors ?? []) {
    const kind = e.extensions?.missingMeeting;
    if (typeof kind === 'string' && (MEETING_KINDS as readonly string[]).includes(kind))
      return kind as MeetingKind;
  }
  return null;
}

/** The message of the first GraphQL error (the API's own words: which meeting is missing). */
export function firstErrorMessage(error: {
  graphQLErrors?: ReadonlyArray<{ message?: string }>;
}): string | null {
  for (const e of error.graphQLErrors ?? []) if (e.message) return e.message;
  return null;
}

// ---- meetings --------------------------------------------------------------------------------

/** The kinds of meeting that may be recorded in a status (MEETING_WINDOWS), in the domain's order. */
export function meetingKindsFor(status: ProjectStatus): MeetingKind[] {
  return MEETING_KINDS.filter((k) => MEETING_WINDOWS[k].includes(status));
}

/** The kind to preselect: the one asked for, else the meeting the status waits for, else the first allowed. */
export function defaultMeetingKind(
  status: ProjectStatus,
  wanted?: MeetingKind | null,
): MeetingKind | undefined {
  const kinds = meetingKindsFor(status);
  if (wanted && kinds.includes(wanted)) return wanted;
  const next = NEXT_MEETING[status];
  if (next && kinds.includes(next)) return next;
  return kinds[0];
}

/** The kinds that may be announced (planMeeting): those that fit the status, and a review while APPROVED. */
export function plannableKindsFor(status: ProjectStatus): MeetingKind[] {
  return MEETING_KINDS.filter(
    (k) => MEETING_WINDOWS[k].includes(status) || (k === 'REVIEW' && status === 'APPROVED'),
  );
}

/** The outcomes offered for a kind: a hearing approves or rejects; the others may also just be noted. */
export function outcomesFor(kind: MeetingKind | undefined): MeetingOutcome[] {
  return kind === 'HEARING' ? ['APPROVED', 'REJECTED'] : ['APPROVED', 'REJECTED', 'NOTED'];
}

export interface MeetingFormValues {
  kind?: MeetingKind;
  /** the picked time; anything with toDate() (antd's Dayjs) or a Date */
  heldAt?: { toDate(): Date } | Date | null;
  place?: string;
  attendees?: number | null;
  representatives?: string[];
  minutes?: string;
  outcome?: MeetingOutcome;
  resolution?: string;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
}

export const MEETING_FORM_FIELDS = [
  'kind',
  'heldAt',
  'place',
  'attendees',
  'representatives',
  'minutes',
  'outcome',
  'resolution',
  'votesFor',
  'votesAgainst',
  'votesAbstain',
] as const;
export type MeetingFormField = (typeof MEETING_FORM_FIELDS)[number];

export type MeetingProblem =
  'required' | 'notCount' | 'tooManyVotes' | 'voteNotCarried' | 'voteCarried' | 'badName';

const VOTE_FIELDS = ['votesFor', 'votesAgainst', 'votesAbstain'] as const;

function toDate(v: MeetingFormValues['heldAt']): Date | null {
  if (!v) return null;
  const d = v instanceof Date ? v : v.toDate();
  return Number.isNaN(d.getTime()) ? null : d;
}

function isCount(v: number | null | undefined): boolean {
  return v === null || v === undefined || (Number.isInteger(v) && v >= 0);
}

/**
 * The vote checks the API makes: counts are whole and not negative, the votes together are no
 * more than the attendees, and a hearing's outcome agrees with its vote when both sides are given.
 */
export function checkVotes(
  v: Pick<MeetingFormValues, 'kind' | 'attendees' | 'outcome' | 'votesFor' | 'votesAgainst' | 'votesAbstain'>,
): { name: MeetingFormField; problem: MeetingProblem }[] {
  const out: { name: MeetingFormField; problem: MeetingProblem }[] = [];
  for (const f of VOTE_FIELDS) if (!isCount(v[f])) out.push({ name: f, problem: 'notCount' });
  if (out.length) return out;
  const total = (v.votesFor ?? 0) + (v.votesAgainst ?? 0) + (v.votesAbstain ?? 0);
  if (typeof v.attendees === 'number' && Number.isInteger(v.attendees) && total > v.attendees)
    out.push({ name: 'votesFor', problem: 'tooManyVotes' });
  if (v.kind === 'HEARING' && v.votesFor != null && v.votesAgainst != null) {
    const carried = v.votesFor > v.votesAgainst;
    if (v.outcome === 'APPROVED' && !carried) out.push({ name: 'outcome', problem: 'voteNotCarried' });
    if (v.outcome === 'REJECTED' && carried) out.push({ name: 'outcome', problem: 'voteCarried' });
  }
  return out;
}

/** Every client check of the meeting form (the API's rules; the date may be any valid time). */
export function checkMeetingForm(
  v: MeetingFormValues,
): { name: MeetingFormField; problem: MeetingProblem }[] {
  const out: { name: MeetingFormField; problem: MeetingProblem }[] = [];
  if (!v.kind) out.push({ name: 'kind', problem: 'required' });
  const held = toDate(v.heldAt);
  if (!held) out.push({ name: 'heldAt', problem: 'required' });
  if (v.attendees === null || v.attendees === undefined) out.push({ name: 'attendees', problem: 'required' });
  else if (!isCount(v.attendees)) out.push({ name: 'attendees', problem: 'notCount' });
  if (!(v.minutes ?? '').trim()) out.push({ name: 'minutes', problem: 'required' });
  if (!v.outcome) out.push({ name: 'outcome', problem: 'required' });
  if (!(v.resolution ?? '').trim()) out.push({ name: 'resolution', problem: 'required' });
  if ((v.representatives ?? []).some((r) => !r.trim() || r.trim().length > 40))
    out.push({ name: 'representatives', problem: 'badName' });
  return [...out, ...checkVotes(v)];
}

/** The recordMeeting input of a checked form. */
export function toRecordMeetingInput(projectId: string, v: MeetingFormValues) {
  const held = toDate(v.heldAt);
  const reps = [...new Set((v.representatives ?? []).map((r) => r.trim()).filter(Boolean))];
  const vote = (n: number | null | undefined) => (n === undefined || n === null ? null : n);
  return {
    projectId,
    kind: v.kind as MeetingKind,
    heldAt: held ? held.toISOString() : '',
    place: v.place?.trim() || null,
    attendees: v.attendees ?? 0,
    representatives: reps,
    minutes: (v.minutes ?? '').trim(),
    outcome: v.outcome as MeetingOutcome,
    resolution: (v.resolution ?? '').trim(),
    votesFor: vote(v.votesFor),
    votesAgainst: vote(v.votesAgainst),
    votesAbstain: vote(v.votesAbstain),
  };
}

export interface VoteSegment {
  key: 'for' | 'against' | 'abstain';
  count: number;
  /** percent of all votes */
  width: number;
}

/** The small vote bar of a meeting: for / against / abstain as shares of all votes; empty without votes. */
export function voteSegments(m: {
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
}): VoteSegment[] {
  const counts = [
    { key: 'for' as const, count: m.votesFor ?? 0 },
    { key: 'against' as const, count: m.votesAgainst ?? 0 },
    { key: 'abstain' as const, count: m.votesAbstain ?? 0 },
  ];
  const total = counts.reduce((s, c) => s + Math.max(0, c.count), 0);
  if (total <= 0) return [];
  return counts
    .filter((c) => c.count > 0)
    .map((c) => ({ ...c, width: Math.round((c.count / total) * 1000) / 10 }));
}

/** Whether an announced meeting is already past (a badge turns red). */
export function isOverdue(at: string | null | undefined, now: Date): boolean {
  if (!at) return false;
  const d = new Date(at);
  return !Number.isNaN(d.getTime()) && d.getTime() < now.getTime();
}

/** Budget in yuan as shown: 120000 → 12万元, 8000 → 8,000元 (the language decides the unit words). */
export function formatBudget(yuan: number | null | undefined, language: string): string | null {
  if (yuan === null || yuan === undefined || !Number.isFinite(yuan)) return null;
  if (language.startsWith('zh')) {
    if (yuan >= 10_000) {
      const wan = Math.round((yuan / 10_000) * 100) / 100;
      return `${wan.toLocaleString('zh-CN')}万元`;
    }
    return `${yuan.toLocaleString('zh-CN')}元`;
  }
  return `¥${yuan.toLocaleString('en-US')}`;
}
