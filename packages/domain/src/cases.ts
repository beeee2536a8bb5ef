// Residents' problems (诉求): states, the escalation ladder, the three responsibilities
// (三个责任制) and the one table of moves. The API judges moves with CASE_TRANSITIONS
// (api/src/modules/cases/case-transition.ts); the SPAs read it to offer actions.

export const CASE_STATUSES = [
  'REPORTED',
  'ACCEPTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'ESCALATED',
  'RESOLVED',
  'REOPENED',
  'CLOSED',
  'REJECTED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses whose clock runs: a deadline applies and the overdue worker watches them. */
export const CASE_CLOCK_STATUSES: readonly CaseStatus[] = [
  'REPORTED',
  'ACCEPTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'ESCALATED',
  'REOPENED',
];
/** Statuses after which nothing happens any more. */
export const CASE_FINAL_STATUSES: readonly CaseStatus[] = ['CLOSED', 'REJECTED'];

/** The escalation ladder (Pudong): the community's own loop → joint enforcement sunk to the
 * community (联勤联动) → the street's operations center (街镇城运中心). */
export const CASE_LEVELS = ['COMMUNITY', 'JOINT_ENFORCEMENT', 'STREET_OPERATIONS_CENTER'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export function caseLevelRank(level: CaseLevel): number {
  return CASE_LEVELS.indexOf(level);
}

/** The forces of 联勤联动: community police, city management, market supervision, another department. */
export const JOINT_FORCES = ['POLICE', 'CITY_MANAGEMENT', 'MARKET_SUPERVISION', 'OTHER_DEPARTMENT'] as const;
export type JointForce = (typeof JOINT_FORCES)[number];

/** Where a case came from: the resident app, staff (patrol, visit, hotline, walk-in) or an
 * integrator through Open311. */
export const CASE_SOURCES = ['RESIDENT_APP', 'PATROL', 'VISIT', 'HOTLINE', 'WALK_IN', 'OPEN311'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** Sources staff may record when they enter a case. */
export const STAFF_CASE_SOURCES: readonly CaseSource[] = ['PATROL', 'VISIT', 'HOTLINE', 'WALK_IN'];

/** 三个责任制: who holds the case now. First contact (首问) owns intake; assigned (指定) a named
 * worker handles it; fallback (兜底) the community secretary takes it or names someone. */
export const CASE_RESPONSIBILITIES = ['FIRST_CONTACT', 'ASSIGNED', 'FALLBACK'] as const;
export type CaseResponsibility = (typeof CASE_RESPONSIBILITIES)[number];

export const CASE_ACTIONS = [
  'ACCEPT',
  'REJECT',
  'ASSIGN',
  'START',
  'HAND_OVER',
  'ESCALATE',
  'RESOLVE',
  'CONFIRM_FIXED',
  'NOT_FIXED',
  'CLOSE',
  'MERGE',
  'FALLBACK',
  'AUTO_CLOSE',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who makes a move: staff in scope, the resident who reported it, or the API's own workers. */
export type CaseActor = 'STAFF' | 'REPORTER' | 'SYSTEM';

/** What a move needs besides the case. `force` is needed when escalating to JOINT_ENFORCEMENT;
 * `noReporter`: only for cases no resident follows up (found on patrol, Open311). */
export type CaseRequirement =
  'reason' | 'assignee' | 'level' | 'note' | 'rating' | 'target' | 'noReporter' | 'communityLevel';

export interface CaseTransition {
  action: CaseAction;
  from: CaseStatus;
  to: CaseStatus;
  by: CaseActor;
  needs: readonly CaseRequirement[];
}

const t = (
  action: CaseAction,
  from: readonly CaseStatus[],
  to: CaseStatus,
  by: CaseActor,
  needs: readonly CaseRequirement[] = [],
): CaseTransition[] => from.map((f) => ({ action, from: f, to, by, needs }));

/** The one table of case moves. */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  ...t('ACCEPT', ['REPORTED'], 'ACCEPTED', 'STAFF'),
  ...t('REJECT', ['REPORTED', 'ACCEPTED'], 'REJECTED', 'STAFF', ['reason']),
  ...t('MERGE', ['REPORTED', 'ACCEPTED'], 'CLOSED', 'STAFF', ['target']),
  // 指定: name a worker (also: the secretary names someone, or a case is reassigned)
  ...t('ASSIGN', ['ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'ESCALATED', 'REOPENED'], 'ASSIGNED', 'STAFF', [
    'assignee',
  ]),
  // the assignee (or whoever takes it at its level) starts work
  ...t('START', ['ASSIGNED', 'ESCALATED', 'REOPENED'], 'IN_PROGRESS', 'STAFF'),
  // 兜底: the worker sends it up to the community secretary
  ...t('HAND_OVER', ['ASSIGNED', 'IN_PROGRESS'], 'ASSIGNED', 'STAFF', ['reason', 'communityLevel']),
  ...t('ESCALATE', ['ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'ESCALATED', 'REOPENED'], 'ESCALATED', 'STAFF', [
    'level',
    'reason',
  ]),
  ...t('RESOLVE', ['IN_PROGRESS', 'ESCALATED', 'REOPENED'], 'RESOLVED', 'STAFF', ['note']),
  ...t('CONFIRM_FIXED', ['RESOLVED'], 'CLOSED', 'REPORTER', ['rating']),
  ...t('NOT_FIXED', ['RESOLVED'], 'REOPENED', 'REPORTER', ['rating']),
  ...t('CLOSE', ['RESOLVED'], 'CLOSED', 'STAFF', ['noReporter']),
  // the workers: not resolved in time at community level → the secretary; no answer in 3 days → closed
  ...t('FALLBACK', ['ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED'], 'ASSIGNED', 'SYSTEM', [
    'communityLevel',
  ]),
  ...t('AUTO_CLOSE', ['RESOLVED'], 'CLOSED', 'SYSTEM'),
];

export function findCaseTransition(action: CaseAction, from: CaseStatus): CaseTransition | null {
  return CASE_TRANSITIONS.find((x) => x.action === action && x.from === from) ?? null;
}

/** The actions an actor may take from a status (before the case-specific checks). */
export function caseActionsFrom(from: CaseStatus, by: CaseActor): CaseAction[] {
  return CASE_TRANSITIONS.filter((x) => x.from === from && x.by === by).map((x) => x.action);
}

/** The reporter has this long (calendar days) to say fixed / not fixed before the case closes. */
export const CASE_FOLLOW_UP_DAYS = 3;
export const CASE_PHOTOS_MAX = 3;
export const CASE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const CASE_DESCRIPTION_MAX_LENGTH = 1000;
export const CASE_REASON_MAX_LENGTH = 500;
export const CASE_ADDRESS_MAX_LENGTH = 200;
/** Duplicates: same category, within this distance, reported within these days, text at least
 * this similar (Dice coefficient of character bigrams, see text-similarity.ts). */
export const CASE_DUPLICATE_RADIUS_M = 200;
export const CASE_DUPLICATE_DAYS = 14;
export const CASE_DUPLICATE_THRESHOLD = 0.3;
/** Case categories' codes: upper-case letters, digits and underscores. */
export const CASE_CATEGORY_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

/** A category of cases, as a district keeps it: where a case starts and the time limits, in
 * working hours, to accept it and to resolve it at each level. */
export interface CaseCategoryDefaults {
  code: string;
  name: { 'zh-CN': string; en: string };
  startLevel: CaseLevel;
  acceptHours: number;
  communityHours: number;
  jointHours: number;
  streetHours: number;
}

/** Sensible defaults every district starts from (a working day is 8 hours). */
export const DEFAULT_CASE_CATEGORIES: readonly CaseCategoryDefaults[] = [
  {
    code: 'ENVIRONMENT',
    name: { 'zh-CN': '环境卫生', en: 'Environment and sanitation' },
    startLevel: 'COMMUNITY',
    acceptHours: 4,
    communityHours: 16,
    jointHours: 24,
    streetHours: 40,
  },
  {
    code: 'FACILITY_REPAIR',
    name: { 'zh-CN': '设施报修', en: 'Facility repair' },
    startLevel: 'COMMUNITY',
    acceptHours: 4,
    communityHours: 40,
    jointHours: 40,
    streetHours: 80,
  },
  {
    code: 'NEIGHBOR_DISPUTE',
    name: { 'zh-CN': '邻里纠纷', en: 'Neighbour dispute' },
    startLevel: 'COMMUNITY',
    acceptHours: 8,
    communityHours: 40,
    jointHours: 40,
    streetHours: 80,
  },
  {
    code: 'SAFETY_HAZARD',
    name: { 'zh-CN': '安全隐患', en: 'Safety hazard' },
    startLevel: 'JOINT_ENFORCEMENT',
    acceptHours: 1,
    communityHours: 8,
    jointHours: 8,
    streetHours: 16,
  },
  {
    code: 'ELDERLY_SERVICE',
    name: { 'zh-CN': '为老服务', en: 'Elderly services' },
    startLevel: 'COMMUNITY',
    acceptHours: 4,
    communityHours: 24,
    jointHours: 40,
    streetHours: 40,
  },
  {
    code: 'POLICY_CONSULTATION',
    name: { 'zh-CN': '政策咨询', en: 'Policy questions' },
    startLevel: 'COMMUNITY',
    acceptHours: 8,
    communityHours: 24,
    jointHours: 40,
    streetHours: 40,
  },
  {
    code: 'OTHER',
    name: { 'zh-CN': '其他', en: 'Other' },
    startLevel: 'COMMUNITY',
    acceptHours: 8,
    communityHours: 40,
    jointHours: 40,
    streetHours: 80,
  },
];

/** The working hours a level has to resolve a case of a category. */
export function levelHours(
  c: Pick<CaseCategoryDefaults, 'communityHours' | 'jointHours' | 'streetHours'>,
  level: CaseLevel,
): number {
  return level === 'COMMUNITY'
    ? c.communityHours
    : level === 'JOINT_ENFORCEMENT'
      ? c.jointHours
      : c.streetHours;
}

/** Open311 GeoReport v2 status of a case: resolved, closed and rejected cases are `closed`. */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return status === 'RESOLVED' || status === 'CLOSED' || status === 'REJECTED' ? 'closed' : 'open';
}

type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

export const CASE_STATUS_LABELS: Labels<CaseStatus> = {
  REPORTED: { 'zh-CN': '待受理', en: 'Reported' },
  ACCEPTED: { 'zh-CN': '已受理', en: 'Accepted' },
  ASSIGNED: { 'zh-CN': '已指派', en: 'Assigned' },
  IN_PROGRESS: { 'zh-CN': '处理中', en: 'In progress' },
  ESCALATED: { 'zh-CN': '已上报', en: 'Escalated' },
  RESOLVED: { 'zh-CN': '已处理待确认', en: 'Resolved' },
  REOPENED: { 'zh-CN': '重新办理', en: 'Reopened' },
  CLOSED: { 'zh-CN': '已办结', en: 'Closed' },
  REJECTED: { 'zh-CN': '不予受理', en: 'Rejected' },
};

export const CASE_LEVEL_LABELS: Labels<CaseLevel> = {
  COMMUNITY: { 'zh-CN': '居村自治', en: 'Community' },
  JOINT_ENFORCEMENT: { 'zh-CN': '联勤联动', en: 'Joint enforcement' },
  STREET_OPERATIONS_CENTER: { 'zh-CN': '街镇城运中心', en: 'Street operations center' },
};

export const JOINT_FORCE_LABELS: Labels<JointForce> = {
  POLICE: { 'zh-CN': '社区民警', en: 'Community police' },
  CITY_MANAGEMENT: { 'zh-CN': '城管执法', en: 'City management' },
  MARKET_SUPERVISION: { 'zh-CN': '市场监管', en: 'Market supervision' },
  OTHER_DEPARTMENT: { 'zh-CN': '其他部门', en: 'Other department' },
};

export const CASE_SOURCE_LABELS: Labels<CaseSource> = {
  RESIDENT_APP: { 'zh-CN': '居民反映', en: 'Resident app' },
  PATROL: { 'zh-CN': '巡查发现', en: 'Patrol' },
  VISIT: { 'zh-CN': '走访', en: 'Visit' },
  HOTLINE: { 'zh-CN': '热线', en: 'Hotline' },
  WALK_IN: { 'zh-CN': '来访', en: 'Walk-in' },
  OPEN311: { 'zh-CN': '第三方接入', en: 'Open311' },
};

export const CASE_RESPONSIBILITY_LABELS: Labels<CaseResponsibility> = {
  FIRST_CONTACT: { 'zh-CN': '首问负责', en: 'First contact' },
  ASSIGNED: { 'zh-CN': '指定负责', en: 'Assigned' },
  FALLBACK: { 'zh-CN': '兜底负责', en: 'Fallback' },
};

export const CASE_ACTION_LABELS: Labels<CaseAction> = {
  ACCEPT: { 'zh-CN': '受理', en: 'Accept' },
  REJECT: { 'zh-CN': '不予受理', en: 'Reject' },
  ASSIGN: { 'zh-CN': '指派', en: 'Assign' },
  START: { 'zh-CN': '开始处理', en: 'Start' },
  HAND_OVER: { 'zh-CN': '提交书记兜底', en: 'Hand to secretary' },
  ESCALATE: { 'zh-CN': '上报', en: 'Escalate' },
  RESOLVE: { 'zh-CN': '处理完成', en: 'Resolve' },
  CONFIRM_FIXED: { 'zh-CN': '已解决', en: 'Fixed' },
  NOT_FIXED: { 'zh-CN': '未解决', en: 'Not fixed' },
  CLOSE: { 'zh-CN': '关闭', en: 'Close' },
  MERGE: { 'zh-CN': '合并', en: 'Merge' },
  FALLBACK: { 'zh-CN': '超时转兜底', en: 'Fallback on overdue' },
  AUTO_CLOSE: { 'zh-CN': '逾期未评自动办结', en: 'Closed without answer' },
};
