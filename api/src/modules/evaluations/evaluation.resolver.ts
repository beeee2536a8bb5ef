import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { FileDownload } from '../menu-import/menu-import.types';
import { Center } from '../places/center.entity';
import { EvaluationFilter, RecordEvaluationInput } from './dto/evaluation.inputs';
import {
  CenterDimension,
  DimensionScore,
  EvaluationConnection,
  TrainingNeed,
} from './dto/evaluation.outputs';
import { Evaluation, EvaluationFinding, EvaluationPhoto } from './evaluation.entity';
import { evaluationService } from './evaluation.service';

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Mutation(() => Evaluation, {
    description:
      '八度空间: records an evaluation of a center (all eight dimensions scored 0–10, one decimal); the district’s evaluators and admin',
  })
  recordEvaluation(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordEvaluationInput) input: RecordEvaluationInput,
  ): Promise<Evaluation> {
    return evaluationService.record(ctx, input);
  }

  @Mutation(() => EvaluationPhoto, {
    description: 'adds a photo (.jpg .png .webp, ≤10 MB) to an evaluation; the same photo twice is kept once',
  })
  addEvaluationPhoto(
    @Ctx() ctx: Context,
    @Arg('evaluationId', () => ID) evaluationId: string,
    @Arg('file', () => GraphQLUpload, { description: 'the photo, as a GraphQL multipart request' })
    file: Promise<FileUpload>,
  ): Promise<EvaluationPhoto> {
    return evaluationService.addPhoto(ctx, evaluationId, file);
  }

  @Query(() => Evaluation, { description: 'an evaluation, for officials of its street and the district' })
  evaluation(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Evaluation> {
    return evaluationService.byId(ctx, id);
  }

  @Query(() => EvaluationConnection, {
    description:
      'evaluations in the caller’s scope (district: its admin and evaluators; street: its officials), newest first',
  })
  evaluations(
    @Ctx() ctx: Context,
    @Arg('filter', () => EvaluationFilter, { nullable: true }) filter?: EvaluationFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Evaluation>> {
    return evaluationService.list(ctx, filter, first, after);
  }

  @Query(() => FileDownload, { description: 'a photo of an evaluation, for whoever may read the evaluation' })
  evaluationPhotoContent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<FileDownload> {
    return evaluationService.photoContent(ctx, id);
  }

  @Query(() => [CenterDimension], {
    description:
      'the eight-dimension radar of a center: its evaluation scores against its street’s average, and residents’ answers, over a period (Shanghai days, `to` excluded)',
  })
  centerDimensions(
    @Ctx() ctx: Context,
    @Arg('centerId', () => ID) centerId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<CenterDimension[]> {
    return evaluationService.centerDimensions(ctx, centerId, from, to);
  }

  @Query(() => [TrainingNeed], {
    description:
      '四维成长营: per training track (all four, in order), the findings of the district’s evaluations in the period and the centers concerned',
  })
  trainingNeeds(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID) districtId: string,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ): Promise<TrainingNeed[]> {
    return evaluationService.trainingNeeds(ctx, districtId, from, to);
  }

  @FieldResolver(() => Center)
  async center(@Ctx() ctx: Context, @Root() evaluation: Evaluation): Promise<Center> {
    return (await ctx.loaders.places.centerById.load(evaluation.centerId)) as Center;
  }

  @FieldResolver(() => [DimensionScore], { description: 'all eight dimensions, in order' })
  scores(@Root() evaluation: Evaluation): DimensionScore[] {
    return evaluationService.scores(evaluation);
  }

  @FieldResolver(() => [EvaluationFinding])
  findings(@Ctx() ctx: Context, @Root() evaluation: Evaluation): Promise<EvaluationFinding[]> {
    return evaluationService.findings(ctx, evaluation);
  }

  @FieldResolver(() => [EvaluationPhoto])
  photos(@Ctx() ctx: Context, @Root() evaluation: Evaluation): Promise<EvaluationPhoto[]> {
    return evaluationService.photos(ctx, evaluation);
  }
}
