import { Field, Float, ID, InputType } from 'type-graphql';
import type { Dimension, EvaluationPhase, EvaluatorKind, TrainingTrack } from '@lc/domain';
import { DimensionEnum } from '../../satisfaction/satisfaction.enums';
import { EvaluationPhaseEnum, EvaluatorKindEnum, TrainingTrackEnum } from '../evaluation.entity';

@InputType()
export class DimensionScoreInput {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => Float, { description: '0–10, at most one decimal' })
  score: number;
}

@InputType()
export class FindingInput {
  @Field(() => TrainingTrackEnum, { description: 'the training track the finding feeds' })
  track: TrainingTrack;

  @Field()
  text: string;
}

@InputType({ description: '八度空间: an evaluation of a center' })
export class RecordEvaluationInput {
  @Field(() => ID)
  centerId: string;

  @Field(() => EvaluationPhaseEnum)
  phase: EvaluationPhase;

  @Field({ description: 'the day of the evaluation, YYYY-MM-DD (not in the future)' })
  evaluatedOn: string;

  @Field(() => EvaluatorKindEnum)
  evaluatorKind: EvaluatorKind;

  @Field(() => String, { nullable: true, description: 'defaults to the signed-in user’s name' })
  evaluatorName?: string | null;

  @Field(() => [DimensionScoreInput], { description: 'all eight dimensions, each once' })
  scores: DimensionScoreInput[];

  @Field(() => [FindingInput], { nullable: true })
  findings?: FindingInput[] | null;

  @Field(() => String, { nullable: true })
  suggestions?: string | null;
}

@InputType()
export class EvaluationFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'evaluations of centers in this district, street or community',
  })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => EvaluationPhaseEnum, { nullable: true })
  phase?: EvaluationPhase | null;

  @Field(() => Date, { nullable: true, description: 'evaluated on or after this Shanghai day' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'evaluated before this Shanghai day (excluded)' })
  to?: Date | null;
}
