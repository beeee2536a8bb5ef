// Every resolver of the schema. Modules add theirs here.
import { DeliveryOrderResolver } from '../modules/delivery/delivery.resolver';
import { DemandResolver } from '../modules/demands/demand.resolver';
import { EvaluationResolver } from '../modules/evaluations/evaluation.resolver';
import { MenuImportResolver } from '../modules/menu-import/menu-import.resolver';
import { MenuReviewResolver } from '../modules/menu-review/menu-review.resolver';
import {
  DemandProjectsResolver,
  MeetingResolver,
  ProjectEventResolver,
  ProjectResolver,
} from '../modules/projects/project.resolver';
import { CenterResolver } from '../modules/places/center.resolver';
import { PlanningExportResolver } from '../modules/planning-export/planning-export.resolver';
import { RegionResolver } from '../modules/places/region.resolver';
import { ResidentResolver } from '../modules/residents/resident.resolver';
import { ResourceResolver } from '../modules/resources/resource.resolver';
import {
  CenterSatisfactionResolver,
  ComplaintResolver,
  DashboardResolver,
  SatisfactionResolver,
} from '../modules/satisfaction/satisfaction.resolver';
import { ServiceItemResolver } from '../modules/services/service-item.resolver';
import {
  CenterOfferingsResolver,
  ServiceOfferingResolver,
} from '../modules/services/service-offering.resolver';
import { SurveyCommentResolver, SurveyResolver } from '../modules/surveys/survey.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import {
  CaseCategoryResolver,
  CaseEventResolver,
  CaseFiguresResolver,
  CaseResolver,
} from '../modules/cases/case.resolver';
import { StaffAccountExcelResolver, StaffAccountResolver } from '../modules/accounts/account.resolver';
import { AuditLogResolver } from '../modules/audit-log/audit-log.resolver';
import { ApiKeyResolver } from '../modules/integrators/api-key.resolver';
import {
  CenterTeamResolver,
  DutyPairResolver,
  RotaEntryResolver,
  TeamMemberResolver,
  UserCenterResolver,
} from '../modules/teams/team.resolver';
import { WebhookDeliveryResolver, WebhookSubscriptionResolver } from '../modules/webhooks/webhook.resolver';

export const resolvers = [
  RegionResolver,
  CenterResolver,
  ServiceItemResolver,
  ServiceOfferingResolver,
  CenterOfferingsResolver,
  UserResolver,
  ResidentResolver,
  DeliveryOrderResolver,
  MenuReviewResolver,
  MenuImportResolver,
  DemandResolver,
  ResourceResolver,
  PlanningExportResolver,
  ProjectResolver,
  MeetingResolver,
  ProjectEventResolver,
  DemandProjectsResolver,
  SatisfactionResolver,
  CenterSatisfactionResolver,
  ComplaintResolver,
  DashboardResolver,
  EvaluationResolver,
  SurveyResolver,
  SurveyCommentResolver,
  NotificationResolver,
  CaseResolver,
  CaseEventResolver,
  CaseCategoryResolver,
  CaseFiguresResolver,
  StaffAccountResolver,
  AuditLogResolver,
  ApiKeyResolver,
  WebhookSubscriptionResolver,
  WebhookDeliveryResolver,
  CenterTeamResolver,
  DutyPairResolver,
  RotaEntryResolver,
  TeamMemberResolver,
  UserCenterResolver,
  StaffAccountExcelResolver,
] as const;
