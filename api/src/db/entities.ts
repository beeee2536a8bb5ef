// Every entity the data source knows. Modules add theirs here.
import { ChangeLogEntry } from '../modules/audit/change-log.entity';
import { DeliveryOrder, DeliveryOrderEvent } from '../modules/delivery/delivery-order.entity';
import { MenuImport } from '../modules/menu-import/menu-import.entity';
import { Demand } from '../modules/demands/demand.entity';
import { Evaluation, EvaluationFinding, EvaluationPhoto } from '../modules/evaluations/evaluation.entity';
import { Meeting, MeetingAttachment, Project, ProjectEvent } from '../modules/projects/project.entity';
import { Resource } from '../modules/resources/resource.entity';
import { DistrictSetting } from '../modules/satisfaction/district-setting.entity';
import { Center } from '../modules/places/center.entity';
import { Region } from '../modules/places/region.entity';
import { Survey, SurveyAnswer, SurveyQuestion, SurveyResponse } from '../modules/surveys/survey.entity';
import { ServiceItem } from '../modules/services/service-item.entity';
import { ServiceOffering } from '../modules/services/service-offering.entity';
import { User } from '../modules/users/user.entity';
import { Case, CaseCategory, CaseEvent, CasePhoto } from '../modules/cases/case.entity';

export const entities = [
  Region,
  Center,
  ServiceItem,
  ServiceOffering,
  User,
  ChangeLogEntry,
  DeliveryOrder,
  DeliveryOrderEvent,
  MenuImport,
  Demand,
  Resource,
  Project,
  Meeting,
  MeetingAttachment,
  ProjectEvent,
  DistrictSetting,
  Evaluation,
  EvaluationFinding,
  EvaluationPhoto,
  Survey,
  SurveyQuestion,
  SurveyResponse,
  SurveyAnswer,
  Case,
  CaseEvent,
  CasePhoto,
  CaseCategory,
];
