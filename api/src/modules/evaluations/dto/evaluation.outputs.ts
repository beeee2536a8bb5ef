import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Dimension, TrainingTrack } from '@lc/domain';
import { connectionTypes } from '../../../common/connection';
import { Center } from '../../places/center.entity';
import { DimensionEnum } from '../../satisfaction/satisfaction.enums';
import { Evaluation, TrainingTrackEnum } from '../evaluation.entity';

export const { EdgeType: EvaluationEdge, ConnectionType: EvaluationConnection } = connectionTypes(
  Evaluation,
  'Evaluation',
);

@ObjectType()
export class DimensionScore {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => Float, { description: '0–10' })
  score: number;
}

@ObjectType({ description: 'per training track: how many findings, at which centers' })
export class TrainingNeed {
  @Field(() => TrainingTrackEnum)
  track: TrainingTrack;

  @Field(() => Int, { description: 'findings tagged with the track in evaluations of the period' })
  findings: number;

  @Field(() => [Center], { description: 'the centers with such findings, by name' })
  centers: Center[];
}

@ObjectType({
  description:
    'one spoke of the eight-dimension radar: a center’s evaluation score against its street’s average',
})
export class CenterDimension {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–10: mean of the center’s evaluation scores for the dimension in the period; null without evaluations',
  })
  evaluationScore: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–10: the street’s average — the mean over the street’s evaluated centers of each center’s mean score; null without evaluations',
  })
  streetAverage: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–10: residents’ answers to score questions counting toward the dimension (monthly granularity: every month the period touches counts whole)',
  })
  residentScore: number | null;
}
