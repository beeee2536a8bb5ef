import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LIFE_CIRCLE_MINUTES, NEAR_DEFAULT } from '@lc/domain';
import type { Context } from '../../context';
import { Center } from './center.entity';
import { centerService } from './center.service';
import { CenterFilter, UpdateCenterInput } from './dto/center.inputs';
import { CenterConnection, CenterDistance, CoverageReport } from './dto/center.outputs';
import { GeoPoint, GeoPointInput } from './dto/geo-point';
import { Region } from './region.entity';
import type { Connection } from '../../common/connection';
import { UPDATED_SINCE } from '../../common/change-feed';

@Resolver(() => Center)
export class CenterResolver {
  @Query(() => Center, { nullable: true })
  center(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Center | null> {
    return centerService.get(ctx, id);
  }

  @Query(() => CenterConnection)
  centers(
    @Ctx() ctx: Context,
    @Arg('filter', () => CenterFilter, { nullable: true }) filter?: CenterFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('updatedSince', () => Date, { nullable: true, description: UPDATED_SINCE })
    updatedSince?: Date | null,
  ): Promise<Connection<Center>> {
    return centerService.list(ctx, filter, first, after, updatedSince);
  }

  @Query(() => [CenterDistance], {
    description: 'centers within withinMinutes on foot (4.5 km/h), nearest first',
  })
  centersNear(
    @Ctx() ctx: Context,
    @Arg('point', () => GeoPointInput) point: GeoPointInput,
    @Arg('withinMinutes', () => Int, { nullable: true, defaultValue: LIFE_CIRCLE_MINUTES })
    withinMinutes: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: NEAR_DEFAULT }) first: number | null,
  ): Promise<CenterDistance[]> {
    return centerService.near(ctx, point, withinMinutes ?? LIFE_CIRCLE_MINUTES, first ?? NEAR_DEFAULT);
  }

  @Query(() => CoverageReport)
  coverage(
    @Ctx() ctx: Context,
    @Arg('regionId', () => ID) regionId: string,
    @Arg('withinMinutes', () => Int, { nullable: true, defaultValue: LIFE_CIRCLE_MINUTES })
    withinMinutes: number | null,
  ): Promise<CoverageReport> {
    return centerService.coverage(ctx, regionId, withinMinutes ?? LIFE_CIRCLE_MINUTES);
  }

  @Authorized()
  @Mutation(() => Center, {
    description: "change a center's address, hours, facilities, zones and covered communities",
  })
  updateCenter(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCenterInput) input: UpdateCenterInput,
  ): Promise<Center> {
    return centerService.update(ctx, id, input);
  }

  @FieldResolver(() => GeoPoint)
  location(@Root() center: Center): GeoPoint {
    return { lat: center.lat, lng: center.lng };
  }

  @FieldResolver(() => Region)
  street(@Ctx() ctx: Context, @Root() center: Center): Promise<Region> {
    return centerService.street(ctx, center);
  }

  @FieldResolver(() => [Region])
  coveredCommunities(@Ctx() ctx: Context, @Root() center: Center): Promise<Region[]> {
    return centerService.coveredCommunities(ctx, center);
  }

  @FieldResolver(() => Boolean, { description: 'true when the signed-in user may edit this center' })
  viewerCanEdit(@Ctx() ctx: Context, @Root() center: Center): boolean {
    return centerService.viewerCanEdit(ctx, center);
  }
}
