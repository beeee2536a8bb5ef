// 满意度调查: a survey of a center, service, project or region; its questions; the responses (online
// from the resident app, offline entered by staff from paper) and their answers. Who answered is kept
// apart in survey_respondent (raw SQL in survey-response.service.ts), never on the response of an
// anonymous survey.
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  QUESTION_KINDS,
  RESPONSE_ENTRY_METHODS,
  SURVEY_SCOPES,
  SURVEY_STATUSES,
  type Dimension,
  type QuestionKind,
  type ResponseChannel,
  type ResponseEntryMethod,
  type SurveyScope,
  type SurveyStatus,
} from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { DimensionEnum, ResponseChannelEnum } from '../satisfaction/satisfaction.enums';

export const SurveyStatusEnum = enumObject(SURVEY_STATUSES);
registerEnumType(SurveyStatusEnum, {
  name: 'SurveyStatus',
  description: 'DRAFT: being built; OPEN: residents answer (between opensAt and closesAt); CLOSED: done',
});
export const QuestionKindEnum = enumObject(QUESTION_KINDS);
registerEnumType(QuestionKindEnum, {
  name: 'QuestionKind',
  description: 'SCORE: 0–10; SINGLE_CHOICE / MULTIPLE_CHOICE: among the options; TEXT: free text',
});
export const SurveyScopeEnum = enumObject(SURVEY_SCOPES);
registerEnumType(SurveyScopeEnum, {
  name: 'SurveyScope',
  description: 'what a survey is about: a center, a service item, a project or a region',
});
export const ResponseEntryMethodEnum = enumObject(RESPONSE_ENTRY_METHODS);
registerEnumType(ResponseEntryMethodEnum, {
  name: 'ResponseEntryMethod',
  description: 'APP: answered by the resident; FORM: typed in by staff from paper; EXCEL: imported',
});

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@ObjectType({ description: '满意度调查: a survey of a center, a service, a project or a region' })
@Entity('survey')
export class Survey {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => SurveyScopeEnum)
  @Column({ name: 'scope_kind', type: 'text' })
  scopeKind: SurveyScope;

  @Column({ name: 'center_id', type: 'int', nullable: true })
  centerId: number | null;

  @Column({ name: 'service_id', type: 'int', nullable: true })
  serviceId: number | null;

  @Column({ name: 'project_id', type: 'int', nullable: true })
  projectId: number | null;

  @Column({ name: 'region_id', type: 'int', nullable: true })
  regionId: number | null;

  /** where the survey counts: derived from what it is about */
  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Column({ name: 'street_id', type: 'int', nullable: true })
  streetId: number | null;

  @Field(() => SurveyStatusEnum)
  @Column({ type: 'text' })
  status: SurveyStatus;

  @Field({ description: 'who answered is kept apart from the answers and never shown' })
  @Column({ type: 'boolean' })
  anonymous: boolean;

  @Field(() => Date, { nullable: true, description: 'answers are taken from then on (null: once opened)' })
  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'answers are refused from then on (null: until closed)' })
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType('Question', { description: 'a question of a survey' })
@Entity('survey_question')
export class SurveyQuestion {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'survey_id', type: 'int' })
  surveyId: number;

  @Field(() => Int, { description: 'order in the survey, from 1' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => QuestionKindEnum)
  @Column({ type: 'text' })
  kind: QuestionKind;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field()
  @Column({ type: 'boolean' })
  required: boolean;

  @Field(() => [String], { nullable: true, description: 'for choice questions' })
  @Column({ type: 'text', array: true, nullable: true })
  options: string[] | null;

  @Field(() => DimensionEnum, {
    nullable: true,
    description: 'score questions only: the dimension (八度空间) the score counts toward',
  })
  @Column({ type: 'text', nullable: true })
  dimension: Dimension | null;
}

@ObjectType({ description: 'a response to a survey (never says who gave it)' })
@Entity('survey_response')
export class SurveyResponse {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'survey_id', type: 'int' })
  surveyId: number;

  @Column({ name: 'center_id', type: 'int', nullable: true })
  centerId: number | null;

  @Column({ name: 'street_id', type: 'int', nullable: true })
  streetId: number | null;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  /** null for anonymous surveys and paper responses */
  @Column({ name: 'resident_id', type: 'int', nullable: true })
  residentId: number | null;

  @Field(() => ResponseChannelEnum)
  @Column({ type: 'text' })
  channel: ResponseChannel;

  @Field(() => ResponseEntryMethodEnum)
  @Column({ name: 'entry_method', type: 'text' })
  entryMethod: ResponseEntryMethod;

  @Column({ name: 'entered_by', type: 'int', nullable: true })
  enteredBy: number | null;

  @Field(() => Date)
  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Field(() => Float, {
    nullable: true,
    description: 'average of the score answers, 0–10 (two decimals); null without score answers',
  })
  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  score: number | null;

  @Column({ name: 'idempotency_hash', type: 'text', nullable: true })
  idempotencyHash: string | null;
}

@Entity('survey_answer')
export class SurveyAnswer {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'response_id', type: 'int' })
  responseId: number;

  @Column({ name: 'question_id', type: 'int' })
  questionId: number;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'text', array: true, nullable: true })
  choices: string[] | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;
}
