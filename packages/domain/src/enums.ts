// Domain vocabulary shared by the API and both SPAs (see shared/DOMAIN.md).

export const REGION_LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const COMMUNITY_KINDS = ['RESIDENTIAL', 'VILLAGE'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const CENTER_KINDS = ['HUB', 'VILLAGE_CENTER', 'COMMUNITY_STATION'] as const;
export type CenterKind = (typeof CENTER_KINDS)[number];

export const SERVICE_CATEGORIES = [
  'PARTY_MASS',
  'GOVERNMENT_AFFAIRS',
  'DAILY_LIFE',
  'LEGAL',
  'HEALTH',
  'CULTURE',
  'COMMUNITY_MANAGEMENT',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_MENUS = ['DISTRICT', 'MOBILE', 'STREET_FEATURE'] as const;
export type ServiceMenu = (typeof SERVICE_MENUS)[number];

export const ROLES = [
  'DISTRICT_ADMIN',
  'STREET_ADMIN',
  'CENTER_STAFF',
  'EVALUATOR',
  'RESIDENT',
  'INTEGRATOR',
] as const;
export type Role = (typeof ROLES)[number];

/** Facilities a center may house (Center.facilities holds these codes). */
export const FACILITIES = [
  'HEALTH_STATION',
  'CANTEEN',
  'ELDERLY_MEAL_POINT',
  'ELDERLY_SERVICE_CENTER',
  'DAY_CARE',
  'ELDERLY_CARE_HOME',
  'BARBER',
  'READING_ROOM',
  'CHILDREN_AREA',
  'FITNESS',
  'SHARED_KITCHEN',
  'ACCESSIBLE_ENTRANCE',
] as const;
export type Facility = (typeof FACILITIES)[number];

/** Zones of a center (Center.zones holds these codes): the five zones of a community station,
 * the "四站一室" of a village center. */
export const ZONES = [
  'RECEPTION',
  'SERVICE',
  'DELIBERATION',
  'ACTIVITY',
  'OFFICE',
  'PARTY_BUILDING_STATION',
  'CIVIC_AFFAIRS_STATION',
  'CULTURE_STATION',
  'JOINT_ENFORCEMENT_STATION',
  'VILLAGE_CLINIC',
] as const;
export type Zone = (typeof ZONES)[number];

/** Zones each kind of center must have. */
export const REQUIRED_ZONES: Record<CenterKind, readonly Zone[]> = {
  HUB: [],
  COMMUNITY_STATION: ['RECEPTION', 'SERVICE', 'DELIBERATION', 'ACTIVITY', 'OFFICE'],
  VILLAGE_CENTER: [
    'PARTY_BUILDING_STATION',
    'CIVIC_AFFAIRS_STATION',
    'CULTURE_STATION',
    'JOINT_ENFORCEMENT_STATION',
    'VILLAGE_CLINIC',
  ],
};

/** Who a service item is meant for (ServiceItem.audience holds these codes). */
export const AUDIENCES = ['ELDERLY_80_PLUS', 'CHILDREN', 'YOUTH_WHITE_COLLAR', 'DISABLED'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** RFC 5545 weekday codes used in offering schedules. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Mobile delivery orders (流动配送): 居民点单 → 中心接单 → 配送 → 评价. */
export const DELIVERY_STATUSES = [
  'REQUESTED',
  'ACCEPTED',
  'SCHEDULED',
  'DELIVERED',
  'RATED',
  'REJECTED',
  'CANCELLED',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Orders still waiting for something to happen (one per resident, item and center). */
export const OPEN_DELIVERY_STATUSES: readonly DeliveryStatus[] = ['REQUESTED', 'ACCEPTED', 'SCHEDULED'];

/** Who may move an order: the resident who placed it, or staff managing the order's center. */
export type DeliveryActor = 'RESIDENT' | 'STAFF';
/** What a transition needs besides the order. */
export type DeliveryRequirement = 'reason' | 'scheduledFor' | 'rating';

export interface DeliveryTransition {
  from: DeliveryStatus;
  to: DeliveryStatus;
  by: DeliveryActor;
  needs: readonly DeliveryRequirement[];
}

/** The one table of allowed order transitions. The API enforces it; the SPAs read it to offer actions. */
export const DELIVERY_TRANSITIONS: readonly DeliveryTransition[] = [
  { from: 'REQUESTED', to: 'ACCEPTED', by: 'STAFF', needs: [] },
  { from: 'REQUESTED', to: 'REJECTED', by: 'STAFF', needs: ['reason'] },
  { from: 'REQUESTED', to: 'CANCELLED', by: 'RESIDENT', needs: [] },
  { from: 'ACCEPTED', to: 'SCHEDULED', by: 'STAFF', needs: ['scheduledFor'] },
  { from: 'ACCEPTED', to: 'REJECTED', by: 'STAFF', needs: ['reason'] },
  { from: 'SCHEDULED', to: 'SCHEDULED', by: 'STAFF', needs: ['scheduledFor'] },
  { from: 'SCHEDULED', to: 'DELIVERED', by: 'STAFF', needs: [] },
  { from: 'DELIVERED', to: 'RATED', by: 'RESIDENT', needs: ['rating'] },
];

export function findDeliveryTransition(from: DeliveryStatus, to: DeliveryStatus): DeliveryTransition | null {
  return DELIVERY_TRANSITIONS.find((t) => t.from === from && t.to === to) ?? null;
}

export function nextDeliveryStatuses(from: DeliveryStatus, by: DeliveryActor): DeliveryStatus[] {
  return DELIVERY_TRANSITIONS.filter((t) => t.from === from && t.by === by).map((t) => t.to);
}

/** Menus a resident may order from: mobile items anywhere in the district, featured items in the street. */
export const ORDERABLE_MENUS: readonly ServiceMenu[] = ['MOBILE', 'STREET_FEATURE'];

/** Records whose changes are kept in the change log. */
export const AUDITED_ENTITIES = ['SERVICE_ITEM', 'SERVICE_OFFERING'] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];

/** The yearly review (功能迭代): a mobile or featured item is proposed for the district menu when at
 * least this many residents ordered it in the year and those who rated it gave at least this average. */
export const REVIEW_MIN_RESIDENTS = 3;
export const REVIEW_MIN_AVERAGE_RATING = 4;
export const REVIEW_MAX_PROPOSALS = 10;

/** 需求清单: what residents need. Status follows what happens to the demand's projects. */
export const DEMAND_STATUSES = ['OPEN', 'MATCHED', 'IN_PROJECT', 'CLOSED'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

/** Where a demand came from: a resident in the app, a staff visit (走访), a survey comment, or other. */
export const DEMAND_SOURCES = ['RESIDENT_APP', 'VISIT', 'SURVEY_COMMENT', 'HOTLINE', 'OTHER'] as const;
export type DemandSource = (typeof DEMAND_SOURCES)[number];

/** 资源清单: what can serve. */
export const RESOURCE_KINDS = [
  'GOVERNMENT',
  'ENTERPRISE',
  'SOCIAL_ORGANIZATION',
  'PARTNER_UNIT',
  'TALENT',
  'VOLUNTEER',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** 项目清单 and the three meetings (三会). */
export const PROJECT_STATUSES = [
  'PROPOSED',
  'HEARING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
  'COMPLETED',
  'REJECTED',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MEETING_KINDS = ['HEARING', 'COORDINATION', 'REVIEW'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_OUTCOMES = ['APPROVED', 'REJECTED', 'NOTED'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export interface ProjectTransition {
  from: ProjectStatus;
  to: ProjectStatus;
  /** the meeting the move needs: for APPROVED a hearing that approved (publicly funded projects
   * only: others may skip the hearing), for COMPLETED a review meeting */
  needs?: { kind: MeetingKind; outcome?: MeetingOutcome; onlyIfPubliclyFunded?: boolean };
}

const APPROVING_HEARING = { kind: 'HEARING', outcome: 'APPROVED', onlyIfPubliclyFunded: true } as const;

/** The one table of project moves. The API enforces it (projects/project-transition.ts); the
 * SPAs read it to offer the next steps. */
export const PROJECT_TRANSITIONS: readonly ProjectTransition[] = [
  { from: 'PROPOSED', to: 'HEARING' },
  { from: 'PROPOSED', to: 'APPROVED', needs: APPROVING_HEARING },
  { from: 'PROPOSED', to: 'REJECTED' },
  { from: 'HEARING', to: 'APPROVED', needs: APPROVING_HEARING },
  { from: 'HEARING', to: 'REJECTED' },
  { from: 'APPROVED', to: 'IN_PROGRESS' },
  { from: 'IN_PROGRESS', to: 'REVIEW' },
  { from: 'REVIEW', to: 'COMPLETED', needs: { kind: 'REVIEW' } },
];

/** Recording a meeting moves a project into the meeting's phase: a hearing held while PROPOSED opens
 * the HEARING phase, a review meeting held while IN_PROGRESS opens REVIEW; a hearing that rejects
 * ends the project (REJECTED). */
export const MEETING_OPENS_PHASE: Partial<Record<MeetingKind, { from: ProjectStatus; to: ProjectStatus }>> = {
  HEARING: { from: 'PROPOSED', to: 'HEARING' },
  REVIEW: { from: 'IN_PROGRESS', to: 'REVIEW' },
};

/** The meeting a project waits for next in each status (null: none due). */
export const NEXT_MEETING: Record<ProjectStatus, MeetingKind | null> = {
  PROPOSED: 'HEARING',
  HEARING: 'HEARING',
  APPROVED: 'COORDINATION',
  IN_PROGRESS: 'REVIEW',
  REVIEW: 'REVIEW',
  COMPLETED: null,
  REJECTED: null,
};

/** In which project statuses each kind of meeting may be recorded. */
export const MEETING_WINDOWS: Record<MeetingKind, readonly ProjectStatus[]> = {
  HEARING: ['PROPOSED', 'HEARING'],
  COORDINATION: ['APPROVED', 'IN_PROGRESS', 'REVIEW'],
  REVIEW: ['IN_PROGRESS', 'REVIEW'],
};

/** A demand's status from the statuses of the projects it is in (none → OPEN). */
export function demandStatusFrom(projectStatuses: readonly ProjectStatus[]): DemandStatus {
  if (projectStatuses.includes('COMPLETED')) return 'CLOSED';
  if (projectStatuses.some((s) => s === 'APPROVED' || s === 'IN_PROGRESS' || s === 'REVIEW'))
    return 'IN_PROJECT';
  if (projectStatuses.some((s) => s === 'PROPOSED' || s === 'HEARING')) return 'MATCHED';
  return 'OPEN';
}

/** Satisfaction surveys (满意度调查). */
export const SURVEY_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const QUESTION_KINDS = ['SCORE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What a survey is about. */
export const SURVEY_SCOPES = ['CENTER', 'SERVICE', 'PROJECT', 'REGION'] as const;
export type SurveyScope = (typeof SURVEY_SCOPES)[number];

/** Online: residents in the app; offline: paper forms entered by staff (by form or Excel). */
export const RESPONSE_CHANNELS = ['ONLINE', 'OFFLINE'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

export const RESPONSE_ENTRY_METHODS = ['APP', 'FORM', 'EXCEL'] as const;
export type ResponseEntryMethod = (typeof RESPONSE_ENTRY_METHODS)[number];

/** Putuo's eight-dimension evaluation (八度空间). */
export const DIMENSIONS = [
  'PARTY_LEADERSHIP',
  'SITE_RECOGNITION',
  'SERVICE_PROFESSIONALISM',
  'PROJECT_APPROACHABILITY',
  'GOVERNANCE_PARTICIPATION',
  'RESOURCE_INTEGRATION',
  'RESIDENT_PERCEPTION',
  'SOCIAL_VISIBILITY',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** 事前, 事中, 事后 */
export const EVALUATION_PHASES = ['BEFORE', 'DURING', 'AFTER'] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];

/** 评估专家 or 体验官 */
export const EVALUATOR_KINDS = ['EXPERT', 'EXPERIENCE_OFFICER'] as const;
export type EvaluatorKind = (typeof EVALUATOR_KINDS)[number];

/** The four training tracks of the quarterly training (四维成长营). */
export const TRAINING_TRACKS = [
  'GOVERNANCE_INNOVATION',
  'SERVICE_PROFESSIONAL',
  'STANDARD_OPERATION',
  'BRAND_PROMOTION',
] as const;
export type TrainingTrack = (typeof TRAINING_TRACKS)[number];

/** District settings and their defaults. */
export const DEFAULT_SATISFIED_THRESHOLD = 8;
export const DEFAULT_COMPLIANCE_TARGET = 0.8;
export const DEFAULT_SATISFACTION_WEIGHT = 0.5;
export const SCORE_MAX = 10;
