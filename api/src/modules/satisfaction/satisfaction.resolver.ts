import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CenterDimension } from '../evaluations/dto/evaluation.outputs';
import { evaluationService } from '../evaluations/evaluation.service';
import { FileDownload } from '../menu-import/menu-import.types';
import { Center } from '../places/center.entity';
import { LEAN_CENTER_FIELDS } from '../places/places.loaders';
import { selectsOnly } from '../../graphql/selection';
import { UpdateDistrictSettingsInput } from './dto/satisfaction.inputs';
import {
  CenterRank,
  Complaint,
  Dashboard,
  DistrictSettings,
  SatisfactionReport,
  SatisfactionSummary,
} from './dto/satisfaction.outputs';
import { rankingOf, rankingService } from './ranking.service';
import { satisfactionService } from './satisfaction.service';
import { settingsService } from './settings.service';

const PERIOD = 'whole Shanghai calendar days: from the day of `from` up to, not including, the day of `to`';

@Resolver()
export class SatisfactionResolver {
  @Query(() => SatisfactionSummary, {
    description: `public figures of a center, of a district, street or community (its covering centers), or of every district when neither is given; ${PERIOD}; open-ended when from/to are left out`,
  })
  satisfaction(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID, { nullable: true }) regionId?: string | null,
    @Arg('centerId', () => ID, { nullable: true }) centerId?: string | null,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ): Promise<SatisfactionSummary> {
    return satisfactionService.summary(ctx, regionId, centerId, from, to);
  }

  @Query(() => SatisfactionReport, {
    description: `figures of a district, street or community for officials (district: its admin and evaluators; street: its officials too); ${PERIOD}; at most 10 years`,
  })
  satisfactionReport(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<SatisfactionReport> {
    return satisfactionService.report(ctx, regionId, from, to);
  }

  @Query(() => [CenterRank], {
    description: `the region’s centers by composite score, best first (see CenterRank); ranks are within the whole street and district; changes against the previous period of the same length; ${PERIOD}`,
  })
  centerRanking(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CenterRank[]> {
    // lean center rows when the query asks nothing of the centers beyond their ids, names, streets
    return rankingService.ranking(ctx, regionId, from, to, selectsOnly(info, 'center', LEAN_CENTER_FIELDS));
  }

  @Query(() => [Complaint], {
    description: `the newest free-text answers of responses scoring below the district’s satisfied threshold, for officials of the region; within the period when given (${PERIOD})`,
  })
  latestComplaints(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'at most 50' })
    first: number | null,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ): Promise<Complaint[]> {
    return satisfactionService.latestComplaints(ctx, regionId, first, from, to);
  }

  @Query(() => Dashboard, {
    description: `the leadership dashboard of a region in one call, for officials of the region; ${PERIOD}`,
  })
  dashboard(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<Dashboard> {
    return satisfactionService.dashboard(ctx, regionId, from, to);
  }

  @Query(() => FileDownload, {
    description:
      'the satisfaction report as an .xlsx workbook (sheets 概览, 按月, 按维度, 排名), for officials of the region',
  })
  exportSatisfactionReport(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<FileDownload> {
    return satisfactionService.exportReport(ctx, regionId, from, to);
  }

  @Query(() => DistrictSettings, {
    description: 'a district’s settings (defaults until changed), for officials of the district',
  })
  districtSettings(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID) districtId: string,
  ): Promise<DistrictSettings> {
    return settingsService.get(ctx, districtId);
  }

  @Mutation(() => DistrictSettings, { description: 'changes a district’s settings; its admin only' })
  updateDistrictSettings(
    @Ctx() ctx: Context,
    @Arg('districtId', () => ID) districtId: string,
    @Arg('input', () => UpdateDistrictSettingsInput) input: UpdateDistrictSettingsInput,
  ): Promise<DistrictSettings> {
    return settingsService.update(ctx, districtId, input);
  }
}

@Resolver(() => Center)
export class CenterSatisfactionResolver {
  @FieldResolver(() => SatisfactionSummary, {
    description: `public figures of the center; ${PERIOD}; batched across a list`,
  })
  satisfaction(
    @Ctx() ctx: Context,
    @Root() center: Center,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ): Promise<SatisfactionSummary> {
    return satisfactionService.centerSatisfaction(ctx, center, from, to);
  }
}

@Resolver(() => Complaint)
export class ComplaintResolver {
  @FieldResolver(() => Center, { nullable: true, description: 'the center the survey is about' })
  center(@Ctx() ctx: Context, @Root() complaint: Complaint): Promise<Center | null> | null {
    return complaint.centerId === null ? null : ctx.loaders.places.centerById.load(complaint.centerId);
  }
}

@Resolver(() => Dashboard)
export class DashboardResolver {
  @FieldResolver(() => SatisfactionReport)
  report(@Ctx() ctx: Context, @Root() d: Dashboard): Promise<SatisfactionReport> {
    return satisfactionService.reportOf(ctx, d.region, d);
  }

  @FieldResolver(() => [CenterRank])
  ranking(
    @Ctx() ctx: Context,
    @Root() d: Dashboard,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CenterRank[]> {
    return rankingOf(ctx, d.region, d, selectsOnly(info, 'center', LEAN_CENTER_FIELDS));
  }

  @FieldResolver(() => [Complaint], { description: 'the newest complaints of the period' })
  latestComplaints(
    @Ctx() ctx: Context,
    @Root() d: Dashboard,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'at most 50' })
    first: number | null,
  ): Promise<Complaint[]> {
    return satisfactionService.complaintsOf(ctx, d.region, first, d);
  }

  @FieldResolver(() => [CenterDimension], {
    description: 'the eight-dimension radar of a center of the region against its street’s average',
  })
  centerDimensions(
    @Ctx() ctx: Context,
    @Root() d: Dashboard,
    @Arg('centerId', () => ID) centerId: string,
  ): Promise<CenterDimension[]> {
    return evaluationService.centerDimensionsOf(ctx, centerId, d);
  }
}
