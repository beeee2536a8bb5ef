import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CalendarDayKind, CaseAction } from '@lc/domain';
import { canActOnCase } from '../../auth/policy';
import { notFound } from '../../common/app-error';
import type { Connection } from '../../common/connection';
import { fileStorage } from '../../common/file-storage';
import type { Context } from '../../context';
import { FileDownload } from '../menu-import/menu-import.types';
import { Center } from '../places/center.entity';
import { GeoPoint, pointOf } from '../places/dto/geo-point';
import { Region } from '../places/region.entity';
import { User } from '../users/user.entity';
import { caseBoardService } from './case-board';
import { exportCases } from './case-export';
import { caseSettingsService } from './case-settings';
import { Case, CaseActionEnum, CaseCategory, CaseEvent, CasePhoto } from './case.entity';
import { caseActorFor, caseService, viewerCaseActions, visibleCase } from './case.service';
import { CalendarDay, CalendarDayKindEnum, SaveCaseCategoryInput } from './dto/case-settings.dto';
import { CaseFilter, MoveCaseInput, ReportCaseInput } from './dto/case.inputs';
import {
  CaseAssignee,
  CaseBoard,
  CaseConnection,
  CaseFigures,
  CaseMapPoint,
  SimilarCase,
} from './dto/case.outputs';
import { ObjectType, Field } from 'type-graphql';

@ObjectType({ description: 'case figures of a district or street: the whole and each street' })
export class CaseFiguresReport {
  @Field(() => CaseFigures)
  total: CaseFigures;

  @Field(() => [CaseFigures], { description: 'one row per street of a district (empty for a street)' })
  streets: CaseFigures[];
}

const isStaff = (ctx: Context) => !!ctx.viewer && ctx.viewer.role !== 'RESIDENT';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, {
    nullable: true,
    description: 'a case the caller may see (reporter, follower or staff in scope)',
  })
  case(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Case | null> {
    return caseService.byId(ctx, id);
  }

  @Query(() => CaseConnection, {
    description: '诉求工单: cases in the caller’s scope, overdue first, then by deadline (staff)',
  })
  cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Case>> {
    return caseBoardService.list(ctx, filter, first, after);
  }

  @Query(() => CaseConnection, {
    description: '我的反映: the cases the signed-in resident reported or follows, newest first',
  })
  myCases(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Case>> {
    return caseService.mine(ctx, first, after);
  }

  @Query(() => CaseBoard, {
    description: 'unfinished cases by status and level, overdue and due within a day',
  })
  caseBoard(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter | null,
  ): Promise<CaseBoard> {
    return caseBoardService.board(ctx, filter);
  }

  @Query(() => [CaseMapPoint], { description: 'unfinished cases with a point, for the map (at most 2,000)' })
  caseMap(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter | null,
  ): Promise<CaseMapPoint[]> {
    return caseBoardService.mapPoints(ctx, filter);
  }

  @Query(() => CaseFiguresReport, {
    description: 'figures of a district (with each street) or a street: cases reported in [from, to)',
  })
  caseFigures(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<CaseFiguresReport> {
    return caseBoardService.figures(ctx, regionId, from, to);
  }

  @Query(() => FileDownload, { description: 'the board as an Excel file (at most 10,000 cases)' })
  exportCases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter?: CaseFilter | null,
  ): Promise<FileDownload> {
    return exportCases(ctx, filter);
  }

  @Query(() => [CaseAssignee], { description: 'staff the case may be assigned to' })
  caseAssignees(@Ctx() ctx: Context, @Arg('caseId', () => ID) caseId: string): Promise<CaseAssignee[]> {
    return caseService.assignees(ctx, caseId);
  }

  @Query(() => FileDownload, { description: 'a photo of a case, for whoever may see the case' })
  async casePhotoContent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<FileDownload> {
    const [photo] = await ctx.db.query(`SELECT * FROM case_photo WHERE id = $1`, [Number(id) || -1]);
    if (!photo) throw notFound('photo');
    await visibleCase(ctx, photo.case_id).catch(() => {
      throw notFound('photo');
    });
    const data = await fileStorage().get(photo.storage_key);
    return { fileName: photo.file_name, mimeType: photo.mime_type, contentBase64: data.toString('base64') };
  }

  @Query(() => [CaseCategory], {
    description:
      "a district's case categories (default: the caller's district; residents: their home district)",
  })
  caseCategories(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID, { nullable: true }) districtId?: string | null,
    @Arg('includeInactive', () => Boolean, { nullable: true }) includeInactive?: boolean | null,
  ): Promise<CaseCategory[]> {
    return caseSettingsService.categories(ctx, districtId, !!includeInactive);
  }

  @Query(() => [CalendarDay], {
    description: "the days of a year that differ from the weekday rule in a district's calendar",
  })
  workingCalendar(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID) districtId: string,
    @Arg('year', () => Int) year: number,
  ): Promise<CalendarDay[]> {
    return caseSettingsService.calendar(ctx, districtId, year);
  }

  @Mutation(() => Case, {
    description:
      '我要反映 (residents) or a staff entry with its source; the same idempotencyKey returns the first case',
  })
  reportCase(
    @Ctx() ctx: Context,
    @Arg('input', () => ReportCaseInput) input: ReportCaseInput,
    @Arg('photos', () => [GraphQLUpload], {
      nullable: true,
      description: 'up to 3 photos (.jpg .png .webp, ≤ 5 MB each), as a GraphQL multipart request',
    })
    photos?: Promise<FileUpload>[] | null,
  ): Promise<Case> {
    return caseService.report(ctx, input, photos ?? []);
  }

  @Mutation(() => Case, {
    description:
      'moves a case (CASE_TRANSITIONS): staff accept, assign, escalate, resolve…; the reporter answers the follow-up; CONFLICT when someone moved it first',
  })
  moveCase(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MoveCaseInput) input: MoveCaseInput,
  ): Promise<Case> {
    return caseService.move(ctx, id, input);
  }

  @Mutation(() => Case, {
    description: 'staff make a case public (listed through Open311, no personal data) or private',
  })
  setCasePublic(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('isPublic', () => Boolean) isPublic: boolean,
  ): Promise<Case> {
    return caseService.setPublic(ctx, id, isPublic);
  }

  @Mutation(() => CaseCategory, {
    description: 'adds or changes a case category of a district (district admin)',
  })
  saveCaseCategory(
    @Ctx() ctx: Context,
    @Arg('input', () => SaveCaseCategoryInput) input: SaveCaseCategoryInput,
  ): Promise<CaseCategory> {
    return caseSettingsService.saveCategory(ctx, input);
  }

  @Mutation(() => [CalendarDay], {
    description:
      "sets a day of a district's calendar (kind omitted: back to the national calendar); answers the year",
  })
  setCalendarDay(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID) districtId: string,
    @Arg('date', () => String, { description: 'YYYY-MM-DD' }) date: string,
    @Arg('kind', () => CalendarDayKindEnum, { nullable: true }) kind?: CalendarDayKind | null,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
  ): Promise<CalendarDay[]> {
    return caseSettingsService.setDay(ctx, districtId, date, kind ?? null, name);
  }

  // ── fields ──────────────────────────────────────────────────────────────────────────────

  @FieldResolver(() => CaseCategory, { nullable: true })
  async category(@Ctx() ctx: Context, @Root() c: Case): Promise<CaseCategory | null> {
    return (
      (await ctx.loaders.cases.categoriesByDistrict.load(c.districtId)).find(
        (x) => x.code === c.categoryCode,
      ) ?? null
    );
  }

  @FieldResolver(() => Boolean, { description: 'past its deadline at its level (and still running)' })
  overdue(@Root() c: Case): boolean {
    return c.overdueAt !== null && !['RESOLVED', 'CLOSED', 'REJECTED'].includes(c.status);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() c: Case): GeoPoint | null {
    return pointOf(c);
  }

  @FieldResolver(() => Region)
  street(@Ctx() ctx: Context, @Root() c: Case): Promise<Region> {
    return ctx.loaders.places.regionById.load(c.streetId) as Promise<Region>;
  }

  @FieldResolver(() => Region, { nullable: true })
  async community(@Ctx() ctx: Context, @Root() c: Case): Promise<Region | null> {
    return c.communityId === null ? null : ctx.loaders.places.regionById.load(c.communityId);
  }

  @FieldResolver(() => Center, { nullable: true })
  async center(@Ctx() ctx: Context, @Root() c: Case): Promise<Center | null> {
    return c.centerId === null ? null : ctx.loaders.places.centerById.load(c.centerId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'who holds it now (staff see it)' })
  async owner(@Ctx() ctx: Context, @Root() c: Case): Promise<User | null> {
    return c.ownerId === null || !isStaff(ctx) ? null : ctx.loaders.delivery.userById.load(c.ownerId);
  }

  @FieldResolver(() => User, { nullable: true, description: '首问: who received it (staff see it)' })
  async firstContact(@Ctx() ctx: Context, @Root() c: Case): Promise<User | null> {
    return c.firstContactId === null || !isStaff(ctx)
      ? null
      : ctx.loaders.delivery.userById.load(c.firstContactId);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'the resident who reported it (name and masked phone; staff in scope)',
  })
  async reporter(@Ctx() ctx: Context, @Root() c: Case): Promise<User | null> {
    return c.reporterId === null || !canActOnCase(ctx.viewer, c)
      ? null
      : ctx.loaders.delivery.userById.load(c.reporterId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'the contact staff or Open311 recorded, masked (staff in scope)',
  })
  contact(@Ctx() ctx: Context, @Root() c: Case): string | null {
    return canActOnCase(ctx.viewer, c) ? c.contactMasked : null;
  }

  @FieldResolver(() => Boolean, { description: 'the caller reported it (and answers its follow-up)' })
  viewerIsReporter(@Ctx() ctx: Context, @Root() c: Case): boolean {
    return caseActorFor(ctx.viewer, c) === 'REPORTER';
  }

  @FieldResolver(() => [CaseActionEnum], { description: 'the moves the caller may make now' })
  viewerActions(@Ctx() ctx: Context, @Root() c: Case): CaseAction[] {
    return viewerCaseActions(ctx.viewer, c);
  }

  @FieldResolver(() => [CaseEvent], { description: 'every step, oldest first' })
  timeline(@Ctx() ctx: Context, @Root() c: Case): Promise<CaseEvent[]> {
    return ctx.loaders.cases.eventsByCase.load(c.id);
  }

  @FieldResolver(() => [CasePhoto])
  photos(@Ctx() ctx: Context, @Root() c: Case): Promise<CasePhoto[]> {
    return ctx.loaders.cases.photosByCase.load(c.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'the case this one was merged into (a duplicate)' })
  mergedIntoId(@Root() c: Case): number | null {
    return c.mergedIntoId;
  }

  @FieldResolver(() => [SimilarCase], {
    description:
      'open cases that may be the same problem (same category, within 200 m, 14 days, similar text); staff',
  })
  async possibleDuplicates(@Ctx() ctx: Context, @Root() c: Case): Promise<SimilarCase[]> {
    if (!canActOnCase(ctx.viewer, c)) return [];
    const found = await ctx.loaders.cases.duplicatesByCase.load(c.id);
    const cases = await ctx.loaders.cases.caseById.loadMany(found.map((f) => f.caseId));
    return found
      .map((f, i) => ({ case: cases[i] as Case, similarity: f.similarity, distanceMeters: f.distanceMeters }))
      .filter((s) => s.case && !(s.case instanceof Error) && canActOnCase(ctx.viewer, s.case));
  }
}

@Resolver(() => CaseEvent)
export class CaseEventResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'who made the step (staff see names; residents see their own)',
  })
  actorName(@Ctx() ctx: Context, @Root() e: CaseEvent): string | null {
    if (isStaff(ctx) || (e.actorId !== null && e.actorId === ctx.viewer?.userId)) return e.actorName;
    return null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'who it was assigned or handed to (staff)' })
  async assigneeName(@Ctx() ctx: Context, @Root() e: CaseEvent): Promise<string | null> {
    if (e.assigneeId === null || !isStaff(ctx)) return null;
    return (await ctx.loaders.delivery.userById.load(e.assigneeId))?.displayName ?? null;
  }
}

@Resolver(() => CaseFigures)
export class CaseFiguresResolver {
  @FieldResolver(() => Region, { description: 'the district or street the figures are of' })
  region(@Ctx() ctx: Context, @Root() f: CaseFigures): Promise<Region> {
    return ctx.loaders.places.regionById.load(f.regionId) as Promise<Region>;
  }
}

@Resolver(() => CaseCategory)
export class CaseCategoryResolver {
  @FieldResolver(() => Boolean, { description: "the district's own setting (else the default)" })
  districtSetting(@Root() c: CaseCategory): boolean {
    return c.districtId !== null;
  }
}
