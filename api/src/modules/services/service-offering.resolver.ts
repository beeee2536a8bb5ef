import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canEditOfferings, canReadChanges, requireViewer } from '../../auth/policy';
import { forbidden } from '../../common/app-error';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import type { ChangeLogEntry } from '../audit/change-log.entity';
import { ChangeLogConnection } from '../audit/change-log.outputs';
import { changeLogService } from '../audit/change-log.service';
import { Center } from '../places/center.entity';
import { SetOfferingInput } from './dto/service.inputs';
import { ServiceItem } from './service-item.entity';
import { serviceItemService } from './service-item.service';
import { serviceMenuService } from './service-menu.service';
import { ServiceOffering } from './service-offering.entity';

@Resolver(() => ServiceOffering)
export class ServiceOfferingResolver {
  @Query(() => ServiceOffering, { nullable: true, description: 'one offering of a center' })
  serviceOffering(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ServiceOffering | null> {
    return serviceItemService.offeringById(ctx, id);
  }

  @Mutation(() => ServiceOffering, {
    description: "a center offers an item (or changes the offering's schedule, capacity, fee)",
  })
  setOffering(
    @Ctx() ctx: Context,
    @Arg('input', () => SetOfferingInput) input: SetOfferingInput,
  ): Promise<ServiceOffering> {
    return serviceMenuService.setOffering(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'a center stops offering an item' })
  removeOffering(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return serviceMenuService.removeOffering(ctx, id);
  }

  @FieldResolver(() => ServiceItem)
  service(@Ctx() ctx: Context, @Root() offering: ServiceOffering): Promise<ServiceItem> {
    return serviceItemService.serviceOfOffering(ctx, offering);
  }

  @FieldResolver(() => Center)
  center(@Ctx() ctx: Context, @Root() offering: ServiceOffering): Promise<Center> {
    return serviceItemService.centerOfOffering(ctx, offering);
  }

  @FieldResolver(() => ChangeLogConnection, {
    description: 'changes of the offering, newest first (officials only)',
  })
  async changes(
    @Ctx() ctx: Context,
    @Root() offering: ServiceOffering,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ChangeLogEntry>> {
    const viewer = requireViewer(ctx.viewer);
    const center = await serviceItemService.centerOfOffering(ctx, offering);
    if (
      !canReadChanges(viewer, {
        districtId: center.districtId,
        streetId: center.streetId,
        centerId: center.id,
      })
    )
      throw forbidden('变更记录仅限本辖区工作人员查看 / the change log is kept within the record’s scope');
    return changeLogService.list(ctx, { offeringId: offering.id }, first, after);
  }
}

/** Center.offerings lives with the services module, which owns offerings. */
@Resolver(() => Center)
export class CenterOfferingsResolver {
  @FieldResolver(() => [ServiceOffering])
  offerings(@Ctx() ctx: Context, @Root() center: Center): Promise<ServiceOffering[]> {
    return serviceItemService.offeringsOfCenter(ctx, center);
  }

  @FieldResolver(() => Boolean, {
    description: "whether the caller may change the center's offerings and schedules",
  })
  viewerCanEditOfferings(@Ctx() ctx: Context, @Root() center: Center): boolean {
    return canEditOfferings(ctx.viewer, center);
  }
}
