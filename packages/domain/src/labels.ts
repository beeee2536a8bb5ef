// Labels of the domain enums, zh-CN first, English second. Every UI reads these through i18n.
import type {
  Audience,
  AuditedEntity,
  DeliveryStatus,
  Dimension,
  EvaluationPhase,
  EvaluatorKind,
  QuestionKind,
  ResponseChannel,
  SurveyScope,
  SurveyStatus,
  TrainingTrack,
  DemandSource,
  DemandStatus,
  MeetingKind,
  MeetingOutcome,
  ProjectStatus,
  ResourceKind,
  CenterKind,
  CommunityKind,
  ErrorCode,
  Facility,
  RegionLevel,
  Role,
  ServiceCategory,
  ServiceMenu,
  Weekday,
  Zone,
} from './enums';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

export const REGION_LEVEL_LABELS: Labels<RegionLevel> = {
  DISTRICT: { 'zh-CN': '区', en: 'District' },
  STREET: { 'zh-CN': '街道/镇', en: 'Street/town' },
  COMMUNITY: { 'zh-CN': '居村委', en: 'Community' },
};

export const COMMUNITY_KIND_LABELS: Labels<CommunityKind> = {
  RESIDENTIAL: { 'zh-CN': '居委会', en: "Residents' committee" },
  VILLAGE: { 'zh-CN': '村委会', en: 'Village committee' },
};

export const CENTER_KIND_LABELS: Labels<CenterKind> = {
  HUB: { 'zh-CN': '片区中心', en: 'Hub' },
  VILLAGE_CENTER: { 'zh-CN': '村"家门口"服务中心', en: 'Village center' },
  COMMUNITY_STATION: { 'zh-CN': '居民区"家门口"服务站', en: 'Community station' },
};

export const SERVICE_CATEGORY_LABELS: Labels<ServiceCategory> = {
  PARTY_MASS: { 'zh-CN': '党群', en: 'Party & mass' },
  GOVERNMENT_AFFAIRS: { 'zh-CN': '政务', en: 'Government affairs' },
  DAILY_LIFE: { 'zh-CN': '生活', en: 'Daily life' },
  LEGAL: { 'zh-CN': '法律', en: 'Legal' },
  HEALTH: { 'zh-CN': '健康', en: 'Health' },
  CULTURE: { 'zh-CN': '文化', en: 'Culture' },
  COMMUNITY_MANAGEMENT: { 'zh-CN': '社区管理', en: 'Community management' },
};

export const SERVICE_MENU_LABELS: Labels<ServiceMenu> = {
  DISTRICT: { 'zh-CN': '区级服务清单', en: 'District menu' },
  MOBILE: { 'zh-CN': '流动配送清单', en: 'Mobile delivery menu' },
  STREET_FEATURE: { 'zh-CN': '街镇特色清单', en: 'Street feature menu' },
};

export const ROLE_LABELS: Labels<Role> = {
  DISTRICT_ADMIN: { 'zh-CN': '区级管理员', en: 'District admin' },
  STREET_ADMIN: { 'zh-CN': '街镇管理员', en: 'Street admin' },
  CENTER_STAFF: { 'zh-CN': '中心工作人员', en: 'Center staff' },
  EVALUATOR: { 'zh-CN': '评估专家/体验官', en: 'Evaluator' },
  RESIDENT: { 'zh-CN': '居民', en: 'Resident' },
  INTEGRATOR: { 'zh-CN': '第三方接入', en: 'Integrator' },
};

export const FACILITY_LABELS: Labels<Facility> = {
  HEALTH_STATION: { 'zh-CN': '社区卫生服务站', en: 'Health station' },
  CANTEEN: { 'zh-CN': '社区食堂', en: 'Canteen' },
  ELDERLY_MEAL_POINT: { 'zh-CN': '为老助餐点', en: 'Elderly meal point' },
  ELDERLY_SERVICE_CENTER: { 'zh-CN': '综合为老服务中心', en: 'Elderly service center' },
  DAY_CARE: { 'zh-CN': '日间照料中心', en: 'Day care' },
  ELDERLY_CARE_HOME: { 'zh-CN': '长者照护之家', en: 'Elderly care home' },
  BARBER: { 'zh-CN': '理发室', en: 'Barber' },
  READING_ROOM: { 'zh-CN': '阅览室', en: 'Reading room' },
  CHILDREN_AREA: { 'zh-CN': '儿童活动区', en: "Children's area" },
  FITNESS: { 'zh-CN': '健身室', en: 'Fitness' },
  SHARED_KITCHEN: { 'zh-CN': '共享厨房', en: 'Shared kitchen' },
  ACCESSIBLE_ENTRANCE: { 'zh-CN': '无障碍入口', en: 'Accessible entrance' },
};

export const ZONE_LABELS: Labels<Zone> = {
  RECEPTION: { 'zh-CN': '接待区', en: 'Reception' },
  SERVICE: { 'zh-CN': '服务区', en: 'Service' },
  DELIBERATION: { 'zh-CN': '议事区', en: 'Deliberation' },
  ACTIVITY: { 'zh-CN': '活动区', en: 'Activity' },
  OFFICE: { 'zh-CN': '办公区', en: 'Office' },
  PARTY_BUILDING_STATION: { 'zh-CN': '党建服务站', en: 'Party-building station' },
  CIVIC_AFFAIRS_STATION: { 'zh-CN': '市民事项受理站', en: 'Civic affairs station' },
  CULTURE_STATION: { 'zh-CN': '文化服务站', en: 'Culture station' },
  JOINT_ENFORCEMENT_STATION: { 'zh-CN': '社会治理联勤联动站', en: 'Joint enforcement station' },
  VILLAGE_CLINIC: { 'zh-CN': '村卫生室', en: 'Village clinic' },
};

export const AUDIENCE_LABELS: Labels<Audience> = {
  ELDERLY_80_PLUS: { 'zh-CN': '80岁以上老人', en: 'Elderly 80+' },
  CHILDREN: { 'zh-CN': '少年儿童', en: 'Children' },
  YOUTH_WHITE_COLLAR: { 'zh-CN': '青年白领', en: 'Youth & white-collar' },
  DISABLED: { 'zh-CN': '残障人士', en: 'People with disabilities' },
};

export const WEEKDAY_LABELS: Labels<Weekday> = {
  MO: { 'zh-CN': '周一', en: 'Mon' },
  TU: { 'zh-CN': '周二', en: 'Tue' },
  WE: { 'zh-CN': '周三', en: 'Wed' },
  TH: { 'zh-CN': '周四', en: 'Thu' },
  FR: { 'zh-CN': '周五', en: 'Fri' },
  SA: { 'zh-CN': '周六', en: 'Sat' },
  SU: { 'zh-CN': '周日', en: 'Sun' },
};

export const DELIVERY_STATUS_LABELS: Labels<DeliveryStatus> = {
  REQUESTED: { 'zh-CN': '已点单', en: 'Requested' },
  ACCEPTED: { 'zh-CN': '已接单', en: 'Accepted' },
  SCHEDULED: { 'zh-CN': '已排期', en: 'Scheduled' },
  DELIVERED: { 'zh-CN': '已配送', en: 'Delivered' },
  RATED: { 'zh-CN': '已评价', en: 'Rated' },
  REJECTED: { 'zh-CN': '未受理', en: 'Rejected' },
  CANCELLED: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const DEMAND_STATUS_LABELS: Labels<DemandStatus> = {
  OPEN: { 'zh-CN': '待对接', en: 'Open' },
  MATCHED: { 'zh-CN': '已匹配', en: 'Matched' },
  IN_PROJECT: { 'zh-CN': '项目实施中', en: 'In a project' },
  CLOSED: { 'zh-CN': '已办结', en: 'Closed' },
};

export const DEMAND_SOURCE_LABELS: Labels<DemandSource> = {
  RESIDENT_APP: { 'zh-CN': '居民线上提出', en: 'Resident (app)' },
  VISIT: { 'zh-CN': '走访收集', en: 'Staff visit' },
  SURVEY_COMMENT: { 'zh-CN': '问卷意见', en: 'Survey comment' },
  HOTLINE: { 'zh-CN': '热线', en: 'Hotline' },
  OTHER: { 'zh-CN': '其他', en: 'Other' },
};

export const RESOURCE_KIND_LABELS: Labels<ResourceKind> = {
  GOVERNMENT: { 'zh-CN': '政府部门', en: 'Government department' },
  ENTERPRISE: { 'zh-CN': '企业', en: 'Enterprise' },
  SOCIAL_ORGANIZATION: { 'zh-CN': '社会组织', en: 'Social organisation' },
  PARTNER_UNIT: { 'zh-CN': '区域化党建单位', en: 'Partner unit' },
  TALENT: { 'zh-CN': '能人达人', en: 'Local talent' },
  VOLUNTEER: { 'zh-CN': '志愿者', en: 'Volunteer' },
};

export const PROJECT_STATUS_LABELS: Labels<ProjectStatus> = {
  PROPOSED: { 'zh-CN': '立项申请', en: 'Proposed' },
  HEARING: { 'zh-CN': '听证中', en: 'In hearing' },
  APPROVED: { 'zh-CN': '已批准', en: 'Approved' },
  IN_PROGRESS: { 'zh-CN': '实施中', en: 'In progress' },
  REVIEW: { 'zh-CN': '评议中', en: 'Under review' },
  COMPLETED: { 'zh-CN': '已完成', en: 'Completed' },
  REJECTED: { 'zh-CN': '未通过', en: 'Rejected' },
};

export const MEETING_KIND_LABELS: Labels<MeetingKind> = {
  HEARING: { 'zh-CN': '听证会', en: 'Hearing' },
  COORDINATION: { 'zh-CN': '协调会', en: 'Coordination meeting' },
  REVIEW: { 'zh-CN': '评议会', en: 'Review meeting' },
};

export const MEETING_OUTCOME_LABELS: Labels<MeetingOutcome> = {
  APPROVED: { 'zh-CN': '通过', en: 'Approved' },
  REJECTED: { 'zh-CN': '不通过', en: 'Rejected' },
  NOTED: { 'zh-CN': '记录在案', en: 'Noted' },
};

export const SURVEY_STATUS_LABELS: Labels<SurveyStatus> = {
  DRAFT: { 'zh-CN': '草稿', en: 'Draft' },
  OPEN: { 'zh-CN': '进行中', en: 'Open' },
  CLOSED: { 'zh-CN': '已结束', en: 'Closed' },
};

export const QUESTION_KIND_LABELS: Labels<QuestionKind> = {
  SCORE: { 'zh-CN': '打分（0–10）', en: 'Score (0–10)' },
  SINGLE_CHOICE: { 'zh-CN': '单选', en: 'Single choice' },
  MULTIPLE_CHOICE: { 'zh-CN': '多选', en: 'Multiple choice' },
  TEXT: { 'zh-CN': '文字意见', en: 'Free text' },
};

export const SURVEY_SCOPE_LABELS: Labels<SurveyScope> = {
  CENTER: { 'zh-CN': '服务中心', en: 'Center' },
  SERVICE: { 'zh-CN': '服务项目', en: 'Service' },
  PROJECT: { 'zh-CN': '实事项目', en: 'Project' },
  REGION: { 'zh-CN': '区域', en: 'Region' },
};

export const RESPONSE_CHANNEL_LABELS: Labels<ResponseChannel> = {
  ONLINE: { 'zh-CN': '线上', en: 'Online' },
  OFFLINE: { 'zh-CN': '线下纸质', en: 'Paper' },
};

export const DIMENSION_LABELS: Labels<Dimension> = {
  PARTY_LEADERSHIP: { 'zh-CN': '党建引领度', en: 'Party leadership' },
  SITE_RECOGNITION: { 'zh-CN': '阵地辨识度', en: 'Site recognition' },
  SERVICE_PROFESSIONALISM: { 'zh-CN': '服务专业度', en: 'Service professionalism' },
  PROJECT_APPROACHABILITY: { 'zh-CN': '项目亲民度', en: 'Project approachability' },
  GOVERNANCE_PARTICIPATION: { 'zh-CN': '治理参与度', en: 'Governance participation' },
  RESOURCE_INTEGRATION: { 'zh-CN': '资源融合度', en: 'Resource integration' },
  RESIDENT_PERCEPTION: { 'zh-CN': '群众感受度', en: 'Resident perception' },
  SOCIAL_VISIBILITY: { 'zh-CN': '社会显示度', en: 'Social visibility' },
};

export const EVALUATION_PHASE_LABELS: Labels<EvaluationPhase> = {
  BEFORE: { 'zh-CN': '事前', en: 'Before' },
  DURING: { 'zh-CN': '事中', en: 'During' },
  AFTER: { 'zh-CN': '事后', en: 'After' },
};

export const EVALUATOR_KIND_LABELS: Labels<EvaluatorKind> = {
  EXPERT: { 'zh-CN': '评估专家', en: 'Expert' },
  EXPERIENCE_OFFICER: { 'zh-CN': '体验官', en: 'Experience officer' },
};

export const TRAINING_TRACK_LABELS: Labels<TrainingTrack> = {
  GOVERNANCE_INNOVATION: { 'zh-CN': '治理创新', en: 'Governance innovation' },
  SERVICE_PROFESSIONAL: { 'zh-CN': '服务专业', en: 'Professional service' },
  STANDARD_OPERATION: { 'zh-CN': '规范运作', en: 'Standard operation' },
  BRAND_PROMOTION: { 'zh-CN': '品牌宣传', en: 'Brand promotion' },
};

export const AUDITED_ENTITY_LABELS: Labels<AuditedEntity> = {
  SERVICE_ITEM: { 'zh-CN': '服务项目', en: 'Service item' },
  SERVICE_OFFERING: { 'zh-CN': '中心服务', en: 'Center offering' },
};

export const ERROR_CODE_LABELS: Labels<ErrorCode> = {
  BAD_USER_INPUT: { 'zh-CN': '输入有误，请检查标出的字段', en: 'Please check the marked fields' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '您没有权限执行此操作', en: 'You may not do this' },
  NOT_FOUND: { 'zh-CN': '未找到该记录', en: 'Not found' },
  CONFLICT: { 'zh-CN': '记录已被他人修改，请刷新后重试', en: 'Changed by someone else; reload and retry' },
  RATE_LIMITED: { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  QUERY_TOO_COMPLEX: { 'zh-CN': '查询过于复杂', en: 'Query too complex' },
  INTERNAL_SERVER_ERROR: { 'zh-CN': '服务器开小差了，请稍后再试', en: 'Server error; try again later' },
};

/** The label of an enum value in a locale; falls back to the code itself. */
export function labelOf<K extends string>(labels: Labels<K>, code: string, locale: Locale = 'zh-CN'): string {
  const entry = (labels as Record<string, { 'zh-CN': string; en: string }>)[code];
  return entry ? entry[locale] : code;
}
