import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canManageResource, canRevealResourceContact } from '../../auth/policy';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { CreateResourceInput, ResourceFilter, UpdateResourceInput } from './dto/resource.inputs';
import {
  ResourceConnection,
  ResourceContact,
  ResourceContactReveal,
  ResourceMatch,
} from './dto/resource.outputs';
import { Resource } from './resource.entity';
import { resourceMatches, type ResourceMatchResult } from './resource-matching';
import type { RevealRow } from './resource.loaders';
import { resourceService } from './resource.service';

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => ResourceConnection, {
    description:
      "资源清单, newest first: officials of the district (resources are shared across the district's streets)",
  })
  resources(
    @Ctx() ctx: Context,
    @Arg('filter', () => ResourceFilter, { nullable: true }) filter?: ResourceFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Resource>> {
    return resourceService.list(ctx, filter, first, after);
  }

  @Query(() => Resource, { nullable: true, description: 'a resource of the caller’s district, else null' })
  resource(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Resource | null> {
    return resourceService.byId(ctx, id);
  }

  @Query(() => [ResourceMatch], {
    description:
      'resources suggested for a demand, best first, each with a 0–100 score and the reasons it adds up from (CATEGORY 40, AREA 30, CAPACITY 15, REVIEWS 15); officials who can read the demand',
  })
  resourceMatches(
    @Ctx() ctx: Context,
    @Arg('demandId', () => ID) demandId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number | null,
  ): Promise<ResourceMatchResult[]> {
    return resourceMatches(ctx, demandId, first);
  }

  @Mutation(() => Resource, {
    description:
      'adds a resource: staff of the street it serves (a district-wide one: the district admin); the contact is stored encrypted and answered masked',
  })
  createResource(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateResourceInput) input: CreateResourceInput,
  ): Promise<Resource> {
    return resourceService.create(ctx, input);
  }

  @Mutation(() => Resource, { description: 'changes a resource (the same people who may add it)' })
  updateResource(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateResourceInput) input: UpdateResourceInput,
  ): Promise<Resource> {
    return resourceService.update(ctx, id, input);
  }

  @Mutation(() => Resource, { description: 'takes a resource out of (or back into) the list and matching' })
  setResourceActive(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('active', () => Boolean) active: boolean,
  ): Promise<Resource> {
    return resourceService.setActive(ctx, id, active);
  }

  @Mutation(() => ResourceContact, {
    description:
      "the contact person in plain text: only the owning street's staff (district-wide resources: the district admin); every reveal is recorded",
  })
  revealResourceContact(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<ResourceContact> {
    return resourceService.revealContact(ctx, id, reason);
  }

  @FieldResolver(() => Region, { description: 'the region the resource serves' })
  region(@Ctx() ctx: Context, @Root() resource: Resource): Promise<Region> {
    return ctx.loaders.places.regionById.load(resource.regionId) as Promise<Region>;
  }

  @FieldResolver(() => Boolean, { description: 'the caller may reveal the contact person (recorded)' })
  viewerCanRevealContact(@Ctx() ctx: Context, @Root() resource: Resource): boolean {
    return canRevealResourceContact(ctx.viewer, resource);
  }

  @FieldResolver(() => Boolean, { description: 'the caller may edit or deactivate the resource' })
  viewerCanManage(@Ctx() ctx: Context, @Root() resource: Resource): boolean {
    return canManageResource(ctx.viewer, resource);
  }

  @FieldResolver(() => Int, {
    description: 'projects using it now (proposed, in hearing, approved, in progress or in review)',
  })
  activeProjects(@Ctx() ctx: Context, @Root() resource: Resource): Promise<number> {
    return ctx.loaders.resources.activeProjects.load(resource.id);
  }

  @FieldResolver(() => [ResourceContactReveal], {
    nullable: true,
    description: 'who revealed the contact and when, newest first; null unless the caller may reveal it',
  })
  contactReveals(
    @Ctx() ctx: Context,
    @Root() resource: Resource,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
  ): Promise<RevealRow[] | null> {
    return resourceService.contactReveals(ctx, resource, first);
  }
}
