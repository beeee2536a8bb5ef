import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NEXT_MEETING, type MeetingKind, type ProjectStatus } from '@lc/domain';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Demand } from '../demands/demand.entity';
import { FileDownload } from '../menu-import/menu-import.types';
import { Center } from '../places/center.entity';
import { Region } from '../places/region.entity';
import { Resource } from '../resources/resource.entity';
import {
  CreateProjectInput,
  PlanMeetingInput,
  ProjectFilter,
  RecordMeetingInput,
} from './dto/project.inputs';
import { ProjectConnection } from './dto/project.outputs';
import { meetingService } from './meeting.service';
import {
  Meeting,
  MeetingAttachment,
  MeetingKindEnum,
  Project,
  ProjectEvent,
  ProjectStatusEnum,
} from './project.entity';
import { canChangeProject, projectService } from './project.service';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true })
  project(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Project | null> {
    return projectService.byId(ctx, id);
  }

  @Query(() => ProjectConnection, {
    description: "officials: the projects in their scope; residents: their community's projects",
  })
  projects(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter?: ProjectFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Project>> {
    return projectService.list(ctx, filter, first, after);
  }

  @Mutation(() => Project, { description: 'makes a project (PROPOSED) from demands and resources' })
  createProject(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateProjectInput) input: CreateProjectInput,
  ): Promise<Project> {
    return projectService.create(ctx, input);
  }

  @Mutation(() => Project, {
    description:
      'moves a project; BAD_USER_INPUT names a missing meeting (extensions.missingMeeting), CONFLICT when someone moved it first',
  })
  transitionProject(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('to', () => ProjectStatusEnum) to: ProjectStatus,
  ): Promise<Project> {
    return projectService.transition(ctx, id, to);
  }

  @Mutation(() => Project, { description: 'announces the next meeting of a project to its residents' })
  planMeeting(
    @Ctx() ctx: Context,
    @Arg('input', () => PlanMeetingInput) input: PlanMeetingInput,
  ): Promise<Project> {
    return meetingService.plan(ctx, input);
  }

  @FieldResolver(() => [Demand])
  async demands(@Ctx() ctx: Context, @Root() project: Project): Promise<Demand[]> {
    const ids = await ctx.loaders.projects.demandIdsByProject.load(project.id);
    return (await ctx.loaders.demands.demandById.loadMany(ids)).filter(
      (d): d is Demand => !!d && !(d instanceof Error),
    );
  }

  @FieldResolver(() => [Resource])
  async resources(@Ctx() ctx: Context, @Root() project: Project): Promise<Resource[]> {
    const ids = await ctx.loaders.projects.resourceIdsByProject.load(project.id);
    return (await ctx.loaders.resources.resourceById.loadMany(ids)).filter(
      (r): r is Resource => !!r && !(r instanceof Error),
    );
  }

  @FieldResolver(() => [Meeting], { description: 'meetings, in the order they were held' })
  async meetings(@Ctx() ctx: Context, @Root() project: Project): Promise<Meeting[]> {
    const list = await ctx.loaders.projects.meetingsByProject.load(project.id);
    return [...list].sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime() || a.id - b.id);
  }

  @FieldResolver(() => [ProjectEvent], {
    description: 'every step: creation, transitions and meetings, oldest first',
  })
  timeline(@Ctx() ctx: Context, @Root() project: Project): Promise<ProjectEvent[]> {
    return ctx.loaders.projects.eventsByProject.load(project.id);
  }

  @FieldResolver(() => Center, { nullable: true })
  async center(@Ctx() ctx: Context, @Root() project: Project): Promise<Center | null> {
    return project.centerId === null ? null : ctx.loaders.places.centerById.load(project.centerId);
  }

  @FieldResolver(() => Region)
  street(@Ctx() ctx: Context, @Root() project: Project): Promise<Region> {
    return ctx.loaders.places.regionById.load(project.streetId) as Promise<Region>;
  }

  @FieldResolver(() => String, { nullable: true, description: 'who owns the project (staff name)' })
  async ownerName(@Ctx() ctx: Context, @Root() project: Project): Promise<string | null> {
    return project.ownerId === null
      ? null
      : ((await ctx.loaders.delivery.userById.load(project.ownerId))?.displayName ?? null);
  }

  @FieldResolver(() => MeetingKindEnum, {
    nullable: true,
    description: 'the meeting the project waits for next (announced, or due by its stage)',
  })
  async nextMeeting(@Ctx() ctx: Context, @Root() project: Project): Promise<MeetingKind | null> {
    if (project.nextMeetingKind) return project.nextMeetingKind;
    const due = NEXT_MEETING[project.status];
    if (!due) return null;
    if (due === 'HEARING' && !project.publiclyFunded) return null;
    const held = await ctx.loaders.projects.meetingsByProject.load(project.id);
    return held.some((m) => m.kind === due && (due !== 'HEARING' || m.outcome === 'APPROVED')) ? null : due;
  }

  @FieldResolver(() => Boolean)
  viewerCanChange(@Ctx() ctx: Context, @Root() project: Project): boolean {
    return canChangeProject(ctx.viewer, project);
  }

  @FieldResolver(() => [ProjectStatusEnum], {
    description: 'the statuses the caller may move the project to now',
  })
  viewerTransitions(@Ctx() ctx: Context, @Root() project: Project): Promise<ProjectStatus[]> {
    return projectService.viewerMoves(ctx, project);
  }
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Mutation(() => Meeting, { description: 'records a hearing, coordination or review meeting (三会)' })
  recordMeeting(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordMeetingInput) input: RecordMeetingInput,
  ): Promise<Meeting> {
    return meetingService.record(ctx, input);
  }

  @Mutation(() => MeetingAttachment, {
    description: 'attaches a file (≤10 MB, multipart upload) to a meeting; the same file twice is kept once',
  })
  addMeetingAttachment(
    @Ctx() ctx: Context,
    @Arg('meetingId', () => ID) meetingId: string,
    @Arg('file', () => GraphQLUpload, {
      description:
        'the file, as a GraphQL multipart request (.pdf .jpg .png .doc .docx .xlsx .txt); its content must match its name',
    })
    file: Promise<FileUpload>,
  ): Promise<MeetingAttachment> {
    return meetingService.attach(ctx, meetingId, file);
  }

  @Query(() => FileDownload, { description: "an attachment's content, for whoever may see the project" })
  meetingAttachmentContent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<FileDownload> {
    return meetingService.download(ctx, id);
  }

  @FieldResolver(() => [MeetingAttachment])
  attachments(@Ctx() ctx: Context, @Root() meeting: Meeting): Promise<MeetingAttachment[]> {
    return ctx.loaders.projects.attachmentsByMeeting.load(meeting.id);
  }
}

@Resolver(() => ProjectEvent)
export class ProjectEventResolver {
  @FieldResolver(() => Meeting, { nullable: true })
  async meeting(@Ctx() ctx: Context, @Root() event: ProjectEvent): Promise<Meeting | null> {
    return event.meetingId === null ? null : ctx.loaders.projects.meetingById.load(event.meetingId);
  }
}

@Resolver(() => Demand)
export class DemandProjectsResolver {
  @FieldResolver(() => [Project], { description: 'the projects answering this demand' })
  async projects(@Ctx() ctx: Context, @Root() demand: Demand): Promise<Project[]> {
    const ids = await ctx.loaders.projects.projectIdsByDemand.load(demand.id);
    return (await ctx.loaders.projects.projectById.loadMany(ids)).filter(
      (p): p is Project => !!p && !(p instanceof Error),
    );
  }
}
