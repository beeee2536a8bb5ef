import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { SEARCH_MAX_LENGTH, type Dimension, type QuestionKind, type SurveyScope } from '@lc/domain';
import { DimensionEnum } from '../../satisfaction/satisfaction.enums';
import { QuestionKindEnum, SurveyScopeEnum } from '../survey.entity';

@InputType({ description: 'a question of a survey being built' })
export class QuestionInput {
  @Field(() => QuestionKindEnum)
  kind: QuestionKind;

  @Field({ description: 'distinct within the survey (it heads the column of the Excel template)' })
  text: string;

  @Field({ nullable: true, defaultValue: true })
  required?: boolean;

  @Field(() => [String], {
    nullable: true,
    description: 'choice questions: at least 2 distinct options (multiple choice: without 、)',
  })
  options?: string[] | null;

  @Field(() => DimensionEnum, {
    nullable: true,
    description: 'score questions only: the dimension the score counts toward',
  })
  dimension?: Dimension | null;
}

@InputType({
  description:
    'a survey and what it is about: give the id that scopeKind names (centerId for CENTER, serviceId for SERVICE — optionally with the centerId where the service is given —, projectId for PROJECT, regionId for REGION)',
})
export class SurveyInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => SurveyScopeEnum)
  scopeKind: SurveyScope;

  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'a district, street or community' })
  regionId?: string | null;

  @Field({ nullable: true, defaultValue: false })
  anonymous?: boolean;

  @Field(() => Date, { nullable: true })
  opensAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'after opensAt' })
  closesAt?: Date | null;

  @Field(() => [QuestionInput])
  questions: QuestionInput[];
}

@InputType({ description: 'the answer to one question: score, choice or text, as the question’s kind asks' })
export class AnswerInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => Int, { nullable: true, description: 'SCORE: 0–10' })
  score?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'SINGLE_CHOICE: exactly one offered option; MULTIPLE_CHOICE: one or more',
  })
  choice?: string[] | null;

  @Field(() => String, { nullable: true, description: 'TEXT: at most 1000 characters' })
  text?: string | null;
}

@InputType()
export class SurveyResponseInput {
  @Field(() => ID)
  surveyId: string;

  @Field(() => [AnswerInput])
  answers: AnswerInput[];

  @Field({ description: 'the same key sent twice records one response' })
  idempotencyKey: string;
}

@InputType({ description: 'a paper response typed in by staff' })
export class PaperResponseInput {
  @Field(() => [AnswerInput])
  answers: AnswerInput[];

  @Field({
    description:
      'one per paper form (e.g. a UUID made when the form is started): a retried batch records each form once',
  })
  idempotencyKey: string;
}

@InputType()
export class SurveyCommentFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'answers counting in this district or street, or at the centers covering this community',
  })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => ID, { nullable: true })
  surveyId?: string | null;

  @Field(() => Date, { nullable: true, description: 'submitted at or after' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'submitted before' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'matches the text' })
  @IsOptional()
  @MaxLength(SEARCH_MAX_LENGTH, {
    message: `搜索词不能超过${SEARCH_MAX_LENGTH}个字 / search must be at most ${SEARCH_MAX_LENGTH} characters`,
  })
  search?: string | null;
}
