// The one place project moves are judged: the PROJECT_TRANSITIONS table of @lc/domain plus the
// meetings it requires (三会). Pure: the caller passes the project and its meetings.
import {
  MEETING_KIND_LABELS,
  PROJECT_TRANSITIONS,
  type MeetingKind,
  type MeetingOutcome,
  type ProjectStatus,
  type ProjectTransition,
} from '@lc/domain';

export interface TransitionRefusal {
  /** CONFLICT: the project is already there; BAD_USER_INPUT: not allowed now */
  code: 'CONFLICT' | 'BAD_USER_INPUT';
  message: string;
  /** the meeting that is missing, when that is the reason */
  missingMeeting?: MeetingKind;
}

interface ProjectState {
  status: ProjectStatus;
  publiclyFunded: boolean;
}

interface MeetingRecord {
  kind: MeetingKind;
  outcome: MeetingOutcome;
}

function meetingMissing(t: ProjectTransition, project: ProjectState, meetings: readonly MeetingRecord[]) {
  const need = t.needs;
  if (!need) return null;
  if (need.onlyIfPubliclyFunded && !project.publiclyFunded) return null;
  const held = meetings.some((m) => m.kind === need.kind && (!need.outcome || m.outcome === need.outcome));
  return held ? null : need;
}

/** Why the project may not move to `to` now, or null when it may. */
export function refuseProjectTransition(
  project: ProjectState,
  to: ProjectStatus,
  meetings: readonly MeetingRecord[],
): TransitionRefusal | null {
  if (project.status === to) {
    return { code: 'CONFLICT', message: `项目已是该状态 / the project is already ${to}` };
  }
  const t = PROJECT_TRANSITIONS.find((x) => x.from === project.status && x.to === to);
  // A missing meeting is the most useful answer, also when the move is asked from a wrong status.
  const candidate = t ?? PROJECT_TRANSITIONS.find((x) => x.to === to && x.needs);
  const missing = candidate ? meetingMissing(candidate, project, meetings) : null;
  if (missing) {
    const label = MEETING_KIND_LABELS[missing.kind];
    const message =
      missing.kind === 'HEARING'
        ? `财力出资项目须先召开听证会并表决通过，才能批准 / a publicly funded project needs a ${missing.kind} meeting that approved it`
        : `须先召开${label['zh-CN']}，才能办结 / a ${missing.kind} meeting must be held first`;
    return { code: 'BAD_USER_INPUT', message, missingMeeting: missing.kind };
  }
  if (!t) {
    return {
      code: 'BAD_USER_INPUT',
      message: `项目不能从 ${project.status} 变为 ${to} / a project cannot move from ${project.status} to ${to}`,
    };
  }
  return null;
}

/** The statuses a project may move to now (meetings considered). */
export function allowedProjectMoves(
  project: ProjectState,
  meetings: readonly MeetingRecord[],
): ProjectStatus[] {
  return PROJECT_TRANSITIONS.filter(
    (t) => t.from === project.status && !refuseProjectTransition(project, t.to, meetings),
  ).map((t) => t.to);
}
