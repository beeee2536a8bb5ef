import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RegionLevel } from '@lc/domain';
import type { Context } from '../../context';
import { Center } from './center.entity';
import { centerService } from './center.service';
import { GeoPoint, pointOf } from './dto/geo-point';
import { Region, RegionLevelEnum } from './region.entity';
import { regionService } from './region.service';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Region | null> {
    return regionService.get(ctx, id);
  }

  @Query(() => [Region])
  regions(
    @Ctx() ctx: Context,
    @Arg('level', () => RegionLevelEnum, { nullable: true }) level?: RegionLevel | null,
    @Arg('parentId', () => ID, { nullable: true }) parentId?: string | null,
  ): Promise<Region[]> {
    return regionService.list(ctx, level, parentId);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Ctx() ctx: Context, @Root() region: Region): Promise<Region | null> {
    return regionService.parent(ctx, region);
  }

  @FieldResolver(() => [Region])
  children(@Ctx() ctx: Context, @Root() region: Region): Promise<Region[]> {
    return regionService.children(ctx, region);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'representative point (WGS-84)' })
  location(@Root() region: Region): GeoPoint | null {
    return pointOf(region);
  }

  @FieldResolver(() => [Center], {
    description: 'centers lying in this district or street, or covering this community',
  })
  centers(@Ctx() ctx: Context, @Root() region: Region): Promise<Center[]> {
    return centerService.centersOfRegion(ctx, region);
  }
}
