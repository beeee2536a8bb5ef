// The one place case moves are judged: the CASE_TRANSITIONS table of @lc/domain, who may make the
// move, and what it needs. Pure: the service passes the case's state and the move's arguments.
import {
  CASE_LEVEL_LABELS,
  CASE_REASON_MAX_LENGTH,
  CASE_TRANSITIONS,
  RATING_MAX,
  RATING_MIN,
  caseActionsFrom,
  caseLevelRank,
  findCaseTransition,
  type CaseAction,
  type CaseActor,
  type CaseLevel,
  type CaseResponsibility,
  type CaseStatus,
  type CaseTransition,
  type JointForce,
} from '@lc/domain';
import type { FieldError } from '../../common/app-error';

export interface CaseState {
  status: CaseStatus;
  level: CaseLevel;
  responsibility: CaseResponsibility;
  reporterId: number | null;
}

export interface CaseMoveArgs {
  action: CaseAction;
  reason?: string | null;
  note?: string | null;
  assigneeId?: string | null;
  level?: CaseLevel | null;
  jointForce?: JointForce | null;
  jointDepartment?: string | null;
  rating?: number | null;
  comment?: string | null;
  targetCaseId?: string | null;
}

export interface CaseMoveRefusal {
  code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'CONFLICT';
  message: string;
  fields?: FieldError[];
}

const filled = (s: string | null | undefined) => (s ?? '').trim().length > 0;

function needsFailures(t: CaseTransition, state: CaseState, args: CaseMoveArgs): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  for (const need of t.needs) {
    switch (need) {
      case 'reason':
        if (!filled(args.reason)) add('input.reason', '请填写原因 / a reason is required');
        break;
      case 'note':
        if (!filled(args.note)) add('input.note', '请填写处理结果 / say what was done');
        break;
      case 'assignee':
        if (!filled(args.assigneeId)) add('input.assigneeId', '请选择负责人 / choose who handles it');
        break;
      case 'target':
        if (!filled(args.targetCaseId))
          add('input.targetCaseId', '请选择要合并到的诉求 / choose the case to merge into');
        break;
      case 'rating': {
        const r = args.rating;
        if (r === null || r === undefined || !Number.isInteger(r) || r < RATING_MIN || r > RATING_MAX)
          add('input.rating', `评分须为${RATING_MIN}–${RATING_MAX}分 / rating must be 1–5`);
        break;
      }
      case 'level': {
        if (!args.level) {
          add('input.level', '请选择上报层级 / choose the level');
          break;
        }
        if (caseLevelRank(args.level) <= caseLevelRank(state.level)) {
          add(
            'input.level',
            `只能向上一级上报（当前：${CASE_LEVEL_LABELS[state.level]['zh-CN']}） / a case only goes up the ladder`,
          );
          break;
        }
        if (args.level === 'JOINT_ENFORCEMENT' && !args.jointForce)
          add('input.jointForce', '请选择联勤联动力量 / choose the force');
        if (args.jointForce === 'OTHER_DEPARTMENT' && !filled(args.jointDepartment))
          add('input.jointDepartment', '请填写部门名称 / name the department');
        break;
      }
      case 'noReporter':
        if (state.reporterId !== null)
          add(
            'input.action',
            '居民反映的诉求由居民确认或3天后自动办结 / the reporter confirms it (or it closes after 3 days)',
          );
        break;
      case 'communityLevel':
        if (state.level !== 'COMMUNITY')
          add('input.action', '兜底只在居村层级 / the fallback is for the community level');
        else if (t.action === 'HAND_OVER' && state.responsibility === 'FALLBACK')
          add('input.action', '已由书记兜底 / the secretary already holds it');
        break;
    }
  }
  for (const [field, value] of [
    ['input.reason', args.reason],
    ['input.note', args.note],
    ['input.comment', args.comment],
    ['input.jointDepartment', args.jointDepartment],
  ] as const) {
    if ((value ?? '').length > CASE_REASON_MAX_LENGTH)
      add(field, `不能超过${CASE_REASON_MAX_LENGTH}个字 / at most ${CASE_REASON_MAX_LENGTH} characters`);
  }
  return errors;
}

/** The transition the move makes, or why it may not be made. `actor`: what the caller is for this
 * case (null: nothing — the service answers NOT_FOUND before asking when the case is not visible). */
export function judgeCaseMove(
  state: CaseState,
  actor: CaseActor | null,
  args: CaseMoveArgs,
): { transition: CaseTransition } | { refusal: CaseMoveRefusal } {
  const t = findCaseTransition(args.action, state.status);
  if (!t) {
    const goesTo = CASE_TRANSITIONS.find((x) => x.action === args.action)?.to;
    if (goesTo === state.status && args.action !== 'ASSIGN' && args.action !== 'ESCALATE')
      return {
        refusal: { code: 'CONFLICT', message: `诉求已是该状态 / the case is already ${state.status}` },
      };
    const message = `诉求处于 ${state.status}，不能 ${args.action} / not allowed from ${state.status}`;
    return { refusal: { code: 'BAD_USER_INPUT', message, fields: [{ field: 'input.action', message }] } };
  }
  if (actor !== t.by) {
    const message =
      t.by === 'REPORTER'
        ? '只有反映人可以确认 / only the reporter answers the follow-up'
        : t.by === 'SYSTEM'
          ? '这一步由系统自动完成 / the system makes this move'
          : '只有负责该诉求的工作人员可以这样做 / only staff in charge of the case may do this';
    return { refusal: { code: 'FORBIDDEN', message } };
  }
  const errors = needsFailures(t, state, args);
  if (errors.length)
    return { refusal: { code: 'BAD_USER_INPUT', message: '输入有误 / invalid input', fields: errors } };
  return { transition: t };
}

/** The actions an actor may take on a case now (for the UIs' buttons), the case's own conditions
 * (level, reporter, fallback) considered. */
export function allowedCaseActions(state: CaseState, actor: CaseActor | null): CaseAction[] {
  if (!actor) return [];
  return caseActionsFrom(state.status, actor).filter((action) => {
    const t = findCaseTransition(action, state.status)!;
    if (t.needs.includes('noReporter') && state.reporterId !== null) return false;
    if (t.needs.includes('communityLevel') && state.level !== 'COMMUNITY') return false;
    if (action === 'HAND_OVER' && state.responsibility === 'FALLBACK') return false;
    if (action === 'ESCALATE' && state.level === 'STREET_OPERATIONS_CENTER') return false;
    return true;
  });
}
