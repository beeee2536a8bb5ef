// The one i18n layer: i18next resources for both SPAs, built from the enum labels plus each
// app's own strings (admin.ts, resident.ts). Namespaces: `enum` (domain labels), `common`,
// `admin`, `resident`.
import {
  AUDIENCE_LABELS,
  AUDITED_ENTITY_LABELS,
  DELIVERY_STATUS_LABELS,
  DIMENSION_LABELS,
  EVALUATION_PHASE_LABELS,
  EVALUATOR_KIND_LABELS,
  QUESTION_KIND_LABELS,
  RESPONSE_CHANNEL_LABELS,
  SURVEY_SCOPE_LABELS,
  SURVEY_STATUS_LABELS,
  TRAINING_TRACK_LABELS,
  DEMAND_SOURCE_LABELS,
  DEMAND_STATUS_LABELS,
  MEETING_KIND_LABELS,
  MEETING_OUTCOME_LABELS,
  PROJECT_STATUS_LABELS,
  RESOURCE_KIND_LABELS,
  CENTER_KIND_LABELS,
  COMMUNITY_KIND_LABELS,
  ERROR_CODE_LABELS,
  FACILITY_LABELS,
  type Locale,
  REGION_LEVEL_LABELS,
  ROLE_LABELS,
  SERVICE_CATEGORY_LABELS,
  SERVICE_MENU_LABELS,
  WEEKDAY_LABELS,
  ZONE_LABELS,
} from '../labels';
import { caseEnumNamespaces } from './enum-cases';
import { commonStrings } from './common';
import { adminStrings } from './admin';
import { adminCasesStrings } from './admin-cases';
import { residentStrings } from './resident';
import { residentCasesStrings } from './resident-cases';
import { adminPeopleStrings, residentDutyStrings } from './admin-people';
import {
  API_PERMISSION_LABELS,
  AUDIT_ACTION_LABELS,
  DUTY_SHIFT_LABELS,
  TEAM_ROLE_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  WEBHOOK_EVENT_LABELS,
} from '../people';

type Labels = Record<string, { 'zh-CN': string; en: string }>;
function pick(labels: Labels, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[locale]]));
}

function enumNamespace(locale: Locale) {
  return {
    regionLevel: pick(REGION_LEVEL_LABELS, locale),
    communityKind: pick(COMMUNITY_KIND_LABELS, locale),
    centerKind: pick(CENTER_KIND_LABELS, locale),
    category: pick(SERVICE_CATEGORY_LABELS, locale),
    menu: pick(SERVICE_MENU_LABELS, locale),
    role: pick(ROLE_LABELS, locale),
    facility: pick(FACILITY_LABELS, locale),
    zone: pick(ZONE_LABELS, locale),
    audience: pick(AUDIENCE_LABELS, locale),
    weekday: pick(WEEKDAY_LABELS, locale),
    error: pick(ERROR_CODE_LABELS, locale),
    deliveryStatus: pick(DELIVERY_STATUS_LABELS, locale),
    auditedEntity: pick(AUDITED_ENTITY_LABELS, locale),
    demandStatus: pick(DEMAND_STATUS_LABELS, locale),
    demandSource: pick(DEMAND_SOURCE_LABELS, locale),
    resourceKind: pick(RESOURCE_KIND_LABELS, locale),
    projectStatus: pick(PROJECT_STATUS_LABELS, locale),
    meetingKind: pick(MEETING_KIND_LABELS, locale),
    meetingOutcome: pick(MEETING_OUTCOME_LABELS, locale),
    surveyStatus: pick(SURVEY_STATUS_LABELS, locale),
    questionKind: pick(QUESTION_KIND_LABELS, locale),
    surveyScope: pick(SURVEY_SCOPE_LABELS, locale),
    responseChannel: pick(RESPONSE_CHANNEL_LABELS, locale),
    dimension: pick(DIMENSION_LABELS, locale),
    evaluationPhase: pick(EVALUATION_PHASE_LABELS, locale),
    evaluatorKind: pick(EVALUATOR_KIND_LABELS, locale),
    trainingTrack: pick(TRAINING_TRACK_LABELS, locale),
    ...caseEnumNamespaces(locale),
    teamRole: pick(TEAM_ROLE_LABELS, locale),
    dutyShift: pick(DUTY_SHIFT_LABELS, locale),
    auditAction: pick(AUDIT_ACTION_LABELS, locale),
    apiPermission: pick(API_PERMISSION_LABELS, locale),
    webhookEvent: pick(WEBHOOK_EVENT_LABELS, locale),
    webhookDeliveryStatus: pick(WEBHOOK_DELIVERY_STATUS_LABELS, locale),
  };
}

export const i18nResources = {
  'zh-CN': {
    enum: enumNamespace('zh-CN'),
    common: commonStrings['zh-CN'],
    admin: { ...adminStrings['zh-CN'], ...adminCasesStrings['zh-CN'], ...adminPeopleStrings['zh-CN'] },
    resident: {
      ...residentStrings['zh-CN'],
      ...residentCasesStrings['zh-CN'],
      ...residentDutyStrings['zh-CN'],
    },
  },
  en: {
    enum: enumNamespace('en'),
    common: commonStrings.en,
    admin: { ...adminStrings.en, ...adminCasesStrings.en, ...adminPeopleStrings.en },
    resident: { ...residentStrings.en, ...residentCasesStrings.en, ...residentDutyStrings.en },
  },
} as const;

export const DEFAULT_LOCALE: Locale = 'zh-CN';
