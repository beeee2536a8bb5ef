// Output types are plain data: `simpleResolvers` skips TypeGraphQL's per-field middleware stack
// (none is used on them), which shows on a ranking of a thousand centers.
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Dimension, ResponseChannel } from '@lc/domain';
import { Center } from '../../places/center.entity';
import { Region } from '../../places/region.entity';
import { DimensionEnum, ResponseChannelEnum } from '../satisfaction.enums';

@ObjectType({
  simpleResolvers: true,
  description:
    'residents’ satisfaction over a period (whole Shanghai calendar days, `to` excluded), from the rollups kept current as responses arrive',
})
export class SatisfactionSummary {
  @Field(() => Int, { description: 'responses, with or without a score' })
  responses: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–10: the mean of the responses’ scores (a response’s score is the mean of its score answers); null when there are no responses',
  })
  averageScore: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'share of responses at or above the satisfied threshold, 0–1: responses scoring ≥ the district’s satisfiedThreshold / responses with a score; null when there are none',
  })
  satisfiedRate: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'the weight of a dimension in an evaluation’s total',
})
export class DimensionWeight {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => Float)
  weight: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'what evaluators look at for a dimension, as the district describes it',
})
export class DimensionIndicator {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => String, { nullable: true, description: 'null until the district describes it' })
  description: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'a district’s settings for satisfaction figures, compliance and evaluations; defaults until set',
})
export class DistrictSettings {
  @Field(() => ID)
  districtId: number;

  @Field(() => Int, {
    description: 'a response is satisfied when its score is at least this (0–10, default 8)',
  })
  satisfiedThreshold: number;

  @Field(() => Float, {
    description:
      '运营管理达标: a center meets the target when its satisfied rate is at least this (0–1, default 0.8)',
  })
  complianceTarget: number;

  @Field(() => Float, {
    description:
      'w in a center’s composite score = w × satisfaction + (1 − w) × evaluation (0–1, default 0.5)',
  })
  satisfactionWeight: number;

  @Field(() => [DimensionWeight], {
    description: 'all eight dimensions, in order; default 1 each',
  })
  dimensionWeights: DimensionWeight[];

  @Field(() => [DimensionIndicator], { description: 'all eight dimensions, in order' })
  indicators: DimensionIndicator[];

  @Field(() => Date, { nullable: true, description: 'null while the defaults apply' })
  updatedAt: Date | null;

  @Field({ description: 'whether the caller may change these settings (the district admin)' })
  viewerCanEdit: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: 'satisfaction of one month (the part of it inside the period)',
})
export class MonthSatisfaction extends SatisfactionSummary {
  @Field({ description: 'YYYY-MM' })
  month: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'satisfaction of the responses of one channel',
})
export class ChannelSatisfaction extends SatisfactionSummary {
  @Field(() => ResponseChannelEnum)
  channel: ResponseChannel;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'residents’ answers to score questions that count toward a dimension. Monthly granularity: every month the period touches counts whole',
})
export class DimensionSatisfaction {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => Int)
  answers: number;

  @Field(() => Float, { nullable: true, description: '0–10; null without answers' })
  averageScore: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'drill-down: a street of a district, or a center of a street (or of a community)',
})
export class SatisfactionChild {
  @Field(() => Region, { nullable: true, description: 'the street, when drilling down from a district' })
  region: Region | null;

  @Field(() => Center, { nullable: true, description: 'the center, when drilling down from a street' })
  center: Center | null;

  @Field(() => SatisfactionSummary)
  summary: SatisfactionSummary;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'centers: whether the satisfied rate meets the district’s complianceTarget; null without scored responses (and for streets)',
  })
  meetsTarget: boolean | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'satisfaction figures of a region over a period, for the leadership dashboard',
})
export class SatisfactionReport {
  @Field(() => Region)
  region: Region;

  @Field({ description: 'first Shanghai calendar day counted (YYYY-MM-DD)' })
  from: string;

  @Field({ description: 'first Shanghai calendar day no longer counted (YYYY-MM-DD)' })
  to: string;

  @Field(() => Int, { description: 'the district’s satisfied threshold used' })
  satisfiedThreshold: number;

  @Field(() => Float, { description: 'the district’s compliance target used' })
  complianceTarget: number;

  @Field(() => SatisfactionSummary)
  summary: SatisfactionSummary;

  @Field(() => [MonthSatisfaction], {
    description: 'every month the period touches, oldest first (edge months count only their days inside)',
  })
  byMonth: MonthSatisfaction[];

  @Field(() => [ChannelSatisfaction], { description: 'ONLINE and OFFLINE' })
  byChannel: ChannelSatisfaction[];

  @Field(() => [DimensionSatisfaction], {
    description:
      'residents’ score answers by dimension, all eight in order. Monthly granularity: every month the period touches counts whole',
  })
  byDimension: DimensionSatisfaction[];

  @Field(() => Float, {
    nullable: true,
    description:
      '运营管理达标率: compliantCenters / assessedCenters — the share of the region’s centers with at least one scored response whose satisfied rate is ≥ complianceTarget; null when no center has one',
  })
  complianceRate: number | null;

  @Field(() => Int, { description: 'centers whose satisfied rate meets the target' })
  compliantCenters: number;

  @Field(() => Int, { description: 'centers of the region with at least one scored response' })
  assessedCenters: number;

  @Field(() => [SatisfactionChild], {
    description:
      'drill-down: a district’s streets, a street’s (or community’s) centers — all of them, with or without responses',
  })
  children: SatisfactionChild[];
}

@ObjectType({ description: 'a newest free-text answer of a response scoring below the satisfied threshold' })
export class Complaint {
  @Field(() => ID, { description: 'the answer' })
  id: number;

  @Field()
  text: string;

  @Field(() => Float, { description: 'the response’s score, 0–10' })
  score: number;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => ResponseChannelEnum)
  channel: ResponseChannel;

  @Field()
  surveyTitle: string;

  @Field({ description: 'the free-text question answered' })
  question: string;

  centerId: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'a center’s composite score and ranks. satisfactionScore = averageScore × 10; evaluationScore = mean of the totals of its evaluations in the period (every phase counts alike: a later phase does not replace an earlier one); composite = w × satisfactionScore + (1 − w) × evaluationScore with w = the district’s satisfactionWeight, or the one that exists when the other is missing',
})
export class CenterRank {
  @Field(() => Center)
  center: Center;

  @Field(() => SatisfactionSummary)
  satisfaction: SatisfactionSummary;

  @Field(() => Float, {
    nullable: true,
    description: '0–100: averageScore × 10; null without scored responses',
  })
  satisfactionScore: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–100: mean of the totals of the center’s evaluations in the period, all phases alike; null without evaluations',
  })
  evaluationScore: number | null;

  @Field(() => Int, { description: 'evaluations in the period' })
  evaluations: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–100: w × satisfactionScore + (1 − w) × evaluationScore (w = satisfactionWeight); the one score alone when the other is missing; null when both are',
  })
  composite: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'rank among the street’s centers by composite (1 = best, ties share a rank); null without a composite',
  })
  streetRank: number | null;

  @Field(() => Int, { nullable: true, description: 'rank among the district’s centers by composite' })
  districtRank: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'composite of the previous period of the same length (just before `from`)',
  })
  previousComposite: number | null;

  @Field(() => Int, { nullable: true })
  previousStreetRank: number | null;

  @Field(() => Int, { nullable: true })
  previousDistrictRank: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'composite − previousComposite; null when either is missing',
  })
  compositeChange: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'places moved up in the street since the previous period (previousStreetRank − streetRank)',
  })
  streetRankChange: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'places moved up in the district since the previous period (previousDistrictRank − districtRank)',
  })
  districtRankChange: number | null;
}

@ObjectType({
  description:
    'the leadership dashboard of a district or street in one call: the report, the ranking, the newest complaints and a center’s radar',
})
export class Dashboard {
  @Field(() => Region)
  region: Region;

  @Field({ description: 'first Shanghai calendar day counted (YYYY-MM-DD)' })
  from: string;

  @Field({ description: 'first Shanghai calendar day no longer counted (YYYY-MM-DD)' })
  to: string;
}
