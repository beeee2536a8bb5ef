import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ServiceCategory } from '@lc/domain';
import { canManageSurvey } from '../../auth/policy';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Demand } from '../demands/demand.entity';
import { FileDownload } from '../menu-import/menu-import.types';
import { Center } from '../places/center.entity';
import { Region } from '../places/region.entity';
import { Project } from '../projects/project.entity';
import { canSeeProject } from '../projects/project.service';
import { ServiceCategoryEnum, ServiceItem } from '../services/service-item.entity';
import type { SurveyStatus } from '@lc/domain';
import {
  PaperResponseInput,
  SurveyCommentFilter,
  SurveyInput,
  SurveyResponseInput,
} from './dto/survey.inputs';
import { SurveyComment, SurveyCommentConnection, SurveyResponsesImport } from './dto/survey.outputs';
import { surveyCommentService } from './survey-comments.service';
import { surveyResponseService } from './survey-response.service';
import { Survey, SurveyQuestion, SurveyResponse, SurveyStatusEnum } from './survey.entity';
import { acceptsAnswers, surveyService } from './survey.service';
import { respondentKey } from './surveys.loaders';

@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => [Survey], {
    description:
      'residents and anonymous callers: the surveys taking answers now (status OPEN only); officials: the surveys in their scope, any status; newest first',
  })
  surveys(
    @Ctx() ctx: Context,
    @Arg('centerId', () => ID, { nullable: true }) centerId?: string | null,
    @Arg('status', () => SurveyStatusEnum, { nullable: true }) status?: SurveyStatus | null,
    @Arg('first', () => Int, { nullable: true, description: 'at most 500; 100 when left out' })
    first?: number | null,
  ): Promise<Survey[]> {
    return surveyService.list(ctx, centerId, status, first);
  }

  @Query(() => Survey, {
    nullable: true,
    description: 'an OPEN survey (anyone), or any survey in the caller’s scope; else null',
  })
  survey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Survey | null> {
    return surveyService.byId(ctx, id);
  }

  @Mutation(() => Survey, {
    description:
      'builds a DRAFT survey; the district admin for the district, the street admin for the street, center staff for their center',
  })
  createSurvey(@Ctx() ctx: Context, @Arg('input', () => SurveyInput) input: SurveyInput): Promise<Survey> {
    return surveyService.create(ctx, input);
  }

  @Mutation(() => Survey, {
    description: 'replaces a DRAFT survey’s fields and questions (new question ids)',
  })
  updateSurvey(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SurveyInput) input: SurveyInput,
  ): Promise<Survey> {
    return surveyService.update(ctx, id, input);
  }

  @Mutation(() => Survey, { description: 'DRAFT → OPEN; an open survey is returned unchanged' })
  openSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Survey> {
    return surveyService.open(ctx, id);
  }

  @Mutation(() => Survey, { description: 'OPEN → CLOSED; a closed survey is returned unchanged' })
  closeSurvey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Survey> {
    return surveyService.close(ctx, id);
  }

  @Mutation(() => SurveyResponse, {
    description:
      'a signed-in resident answers an OPEN survey between its dates, once; the same idempotencyKey again returns the first response, another key is CONFLICT',
  })
  submitSurveyResponse(
    @Ctx() ctx: Context,
    @Arg('input', () => SurveyResponseInput) input: SurveyResponseInput,
  ): Promise<SurveyResponse> {
    return surveyResponseService.submit(ctx, input);
  }

  @Mutation(() => [SurveyResponse], {
    description:
      'paper responses (channel OFFLINE) typed in by whoever manages the survey; all or none; each idempotencyKey records one response',
  })
  enterPaperResponses(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
    @Arg('responses', () => [PaperResponseInput]) responses: PaperResponseInput[],
  ): Promise<SurveyResponse[]> {
    return surveyResponseService.enterPaper(ctx, surveyId, responses);
  }

  @Query(() => FileDownload, {
    description: 'the Excel template for paper responses: one column per question, headed by its text',
  })
  surveyResponseTemplate(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
  ): Promise<FileDownload> {
    return surveyResponseService.template(ctx, surveyId);
  }

  @Mutation(() => SurveyResponsesImport, {
    description:
      'checks (dryRun, the default) or imports a filled-in template (channel OFFLINE): all rows or none; importing the same file again adds nothing',
  })
  importSurveyResponses(
    @Ctx() ctx: Context,
    @Arg('surveyId', () => ID) surveyId: string,
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String, { description: 'the .xlsx file, base64 (at most 5 MB)' })
    contentBase64: string,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: true }) dryRun: boolean | null,
  ): Promise<SurveyResponsesImport> {
    return surveyResponseService.importExcel(ctx, surveyId, fileName, contentBase64, dryRun !== false);
  }

  @Query(() => SurveyCommentConnection, {
    description:
      'free-text answers, newest first: the district admin and evaluators of the district, the street admin of the street, center staff of their center',
  })
  surveyComments(
    @Ctx() ctx: Context,
    @Arg('filter', () => SurveyCommentFilter, { nullable: true }) filter?: SurveyCommentFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<SurveyComment>> {
    return surveyCommentService.list(ctx, filter, first, after);
  }

  @Mutation(() => Demand, {
    description:
      'turns a free-text answer into a demand (source SURVEY_COMMENT) of a community; the same answer and community again returns that demand',
  })
  turnCommentIntoDemand(
    @Ctx() ctx: Context,
    @Arg('answerId', () => ID) answerId: string,
    @Arg('category', () => ServiceCategoryEnum) category: ServiceCategory,
    @Arg('communityId', () => ID) communityId: string,
    @Arg('title', () => String, { nullable: true, description: 'the start of the answer when left out' })
    title?: string | null,
  ): Promise<Demand> {
    return surveyCommentService.turnIntoDemand(ctx, answerId, title, category, communityId);
  }

  @FieldResolver(() => Center, {
    nullable: true,
    description: 'the center the survey is about, when it is about one',
  })
  center(@Ctx() ctx: Context, @Root() s: Survey): Promise<Center | null> | null {
    return s.centerId === null ? null : ctx.loaders.places.centerById.load(s.centerId);
  }

  @FieldResolver(() => ServiceItem, { nullable: true })
  service(@Ctx() ctx: Context, @Root() s: Survey): Promise<ServiceItem | null> | null {
    return s.serviceId === null ? null : ctx.loaders.services.serviceById.load(s.serviceId);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'when the caller may see the project' })
  async project(@Ctx() ctx: Context, @Root() s: Survey): Promise<Project | null> {
    if (s.projectId === null || !ctx.viewer) return null;
    const p = await ctx.loaders.projects.projectById.load(s.projectId);
    return p && (await canSeeProject(ctx, ctx.viewer, p)) ? p : null;
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'the district, street or community of a REGION survey',
  })
  region(@Ctx() ctx: Context, @Root() s: Survey): Promise<Region | null> | null {
    return s.regionId === null ? null : ctx.loaders.places.regionById.load(s.regionId);
  }

  @FieldResolver(() => [SurveyQuestion])
  questions(@Ctx() ctx: Context, @Root() s: Survey): Promise<SurveyQuestion[]> {
    return ctx.loaders.surveys.questionsBySurvey.load(s.id);
  }

  @FieldResolver(() => Int, { description: 'responses so far, online and paper' })
  responseCount(@Ctx() ctx: Context, @Root() s: Survey): Promise<number> {
    return ctx.loaders.surveys.responseCount.load(s.id);
  }

  @FieldResolver(() => Boolean, { description: 'OPEN and between opensAt and closesAt' })
  acceptingResponses(@Root() s: Survey): boolean {
    return acceptsAnswers(s);
  }

  @FieldResolver(() => Boolean, { description: 'the calling resident has answered it' })
  async viewerHasAnswered(@Ctx() ctx: Context, @Root() s: Survey): Promise<boolean> {
    const v = ctx.viewer;
    if (!v || v.role !== 'RESIDENT') return false;
    return ctx.loaders.surveys.answered.load(respondentKey(s.id, v.userId));
  }

  @FieldResolver(() => Boolean, {
    description: 'the caller may change, open, close it and enter paper responses',
  })
  viewerCanManage(@Ctx() ctx: Context, @Root() s: Survey): boolean {
    return canManageSurvey(ctx.viewer, s);
  }
}

@Resolver(() => SurveyComment)
export class SurveyCommentResolver {
  @FieldResolver(() => Survey)
  survey(@Ctx() ctx: Context, @Root() c: SurveyComment): Promise<Survey> {
    return ctx.loaders.surveys.surveyById.load(c.surveyId) as Promise<Survey>;
  }

  @FieldResolver(() => Center, { nullable: true, description: 'the center the survey is about' })
  center(@Ctx() ctx: Context, @Root() c: SurveyComment): Promise<Center | null> | null {
    return c.centerId === null ? null : ctx.loaders.places.centerById.load(c.centerId);
  }

  @FieldResolver(() => Demand, {
    nullable: true,
    description: 'the demand made from this answer (turnCommentIntoDemand), when the caller may see it',
  })
  demand(@Ctx() ctx: Context, @Root() c: SurveyComment): Promise<Demand | null> {
    return surveyCommentService.demandOf(ctx, c);
  }
}
