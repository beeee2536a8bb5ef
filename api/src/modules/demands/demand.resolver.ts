import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import { UPDATED_SINCE } from '../../common/change-feed';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { Demand } from './demand.entity';
import { demandService } from './demand.service';
import { CreateDemandInput, DemandFilter } from './dto/demand.inputs';
import { DemandConnection, SimilarDemand } from './dto/demand.outputs';

@Resolver(() => Demand)
export class DemandResolver {
  @Query(() => DemandConnection, {
    description:
      "需求清单, newest first: residents see their community's demands and their own; officials those of their district or street",
  })
  demands(
    @Ctx() ctx: Context,
    @Arg('filter', () => DemandFilter, { nullable: true }) filter?: DemandFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('updatedSince', () => Date, { nullable: true, description: UPDATED_SINCE })
    updatedSince?: Date | null,
  ): Promise<Connection<Demand>> {
    return demandService.list(ctx, filter, first, after, updatedSince);
  }

  @Query(() => Demand, { nullable: true, description: 'a demand the caller may see, else null' })
  demand(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Demand | null> {
    return demandService.byId(ctx, id);
  }

  @Query(() => [SimilarDemand], {
    description:
      'open demands of the community like the one being written, most similar first (to second instead of raising a new one); residents for their own community, officials in their scope',
  })
  similarDemands(
    @Ctx() ctx: Context,
    @Arg('communityId', () => ID) communityId: string,
    @Arg('title', () => String) title: string,
    @Arg('description', () => String, { nullable: true }) description?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 5 }) first?: number | null,
  ): Promise<SimilarDemand[]> {
    return demandService.similar(ctx, communityId, title, description, first);
  }

  @Mutation(() => Demand, {
    description:
      "raises a demand: a resident for their own community (the first one sets it), staff of the community's street with the source recorded",
  })
  createDemand(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateDemandInput) input: CreateDemandInput,
  ): Promise<Demand> {
    return demandService.create(ctx, input);
  }

  @Mutation(() => Demand, {
    description:
      '+1: a resident seconds an open demand of their community raised by someone else; once per resident (a repeat changes nothing)',
  })
  secondDemand(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Demand> {
    return demandService.second(ctx, id);
  }

  @FieldResolver(() => Region)
  community(@Ctx() ctx: Context, @Root() demand: Demand): Promise<Region> {
    return ctx.loaders.places.regionById.load(demand.communityId) as Promise<Region>;
  }

  @FieldResolver(() => Region, { description: 'the street or town (街道/镇) of the community' })
  street(@Ctx() ctx: Context, @Root() demand: Demand): Promise<Region> {
    return ctx.loaders.places.regionById.load(demand.streetId) as Promise<Region>;
  }

  @FieldResolver(() => Boolean, { description: 'the caller raised (or, for staff, entered) it' })
  raisedByMe(@Ctx() ctx: Context, @Root() demand: Demand): boolean {
    return !!ctx.viewer && demand.raisedBy === ctx.viewer.userId;
  }

  @FieldResolver(() => Boolean, { description: 'the calling resident has seconded it' })
  viewerSeconded(@Ctx() ctx: Context, @Root() demand: Demand): Promise<boolean> {
    return demandService.viewerSeconded(ctx, demand);
  }

  @FieldResolver(() => Boolean, { description: 'the calling resident may second it now' })
  viewerCanSecond(@Ctx() ctx: Context, @Root() demand: Demand): Promise<boolean> {
    return demandService.viewerCanSecond(ctx, demand);
  }
}
