import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canEditMenuItem, canReadChanges, requireViewer } from '../../auth/policy';
import { forbidden } from '../../common/app-error';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import type { ChangeLogEntry } from '../audit/change-log.entity';
import { ChangeLogConnection } from '../audit/change-log.outputs';
import { changeLogService } from '../audit/change-log.service';
import { Region } from '../places/region.entity';
import { CreateServiceItemInput, ServiceFilter, UpdateServiceItemInput } from './dto/service.inputs';
import { ServiceItemConnection } from './dto/service.outputs';
import { ServiceItem } from './service-item.entity';
import { serviceItemService } from './service-item.service';
import { serviceMenuService } from './service-menu.service';
import { ServiceOffering } from './service-offering.entity';

@Resolver(() => ServiceItem)
export class ServiceItemResolver {
  @Query(() => ServiceItemConnection)
  services(
    @Ctx() ctx: Context,
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter?: ServiceFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ServiceItem>> {
    return serviceItemService.list(ctx, filter, first, after);
  }

  @Query(() => ServiceItem, { nullable: true, description: 'one item, retired ones included' })
  serviceItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ServiceItem | null> {
    return serviceItemService.byId(ctx, id);
  }

  @Mutation(() => ServiceItem, { description: 'adds an item to a menu the caller keeps' })
  createServiceItem(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateServiceItemInput) input: CreateServiceItemInput,
  ): Promise<ServiceItem> {
    return serviceMenuService.createItem(ctx, input);
  }

  @Mutation(() => ServiceItem)
  updateServiceItem(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceItemInput) input: UpdateServiceItemInput,
  ): Promise<ServiceItem> {
    return serviceMenuService.updateItem(ctx, id, input);
  }

  @Mutation(() => ServiceItem, {
    description: 'takes an item off its menu; history, offerings and orders stay',
  })
  retireServiceItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ServiceItem> {
    return serviceMenuService.setRetired(ctx, id, true);
  }

  @Mutation(() => ServiceItem, { description: 'puts a retired item back on its menu' })
  reinstateServiceItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ServiceItem> {
    return serviceMenuService.setRetired(ctx, id, false);
  }

  @Mutation(() => Boolean, {
    description: 'deletes an item nobody offers or ordered; CONFLICT otherwise (retire it instead)',
  })
  deleteServiceItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return serviceMenuService.deleteItem(ctx, id);
  }

  @Mutation(() => ServiceItem, {
    description: '功能迭代: the district admin moves a mobile or featured item into the district menu',
  })
  promoteServiceItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ServiceItem> {
    return serviceMenuService.promoteItem(ctx, id);
  }

  @FieldResolver(() => Region, {
    description: 'the district (DISTRICT, MOBILE) or street (STREET_FEATURE) owning the item',
  })
  ownerRegion(@Ctx() ctx: Context, @Root() item: ServiceItem): Promise<Region> {
    return serviceItemService.ownerRegion(ctx, item);
  }

  @FieldResolver(() => [ServiceOffering])
  offerings(@Ctx() ctx: Context, @Root() item: ServiceItem): Promise<ServiceOffering[]> {
    return serviceItemService.offeringsOfItem(ctx, item);
  }

  @FieldResolver(() => Boolean, { description: 'whether the caller may edit, retire or delete the item' })
  viewerCanEdit(@Ctx() ctx: Context, @Root() item: ServiceItem): boolean {
    return canEditMenuItem(ctx.viewer, item);
  }

  @FieldResolver(() => ChangeLogConnection, {
    description: 'changes of the item and its offerings, newest first (officials only)',
  })
  changes(
    @Ctx() ctx: Context,
    @Root() item: ServiceItem,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ChangeLogEntry>> {
    const streetId = item.menu === 'STREET_FEATURE' ? item.ownerRegionId : null;
    if (!canReadChanges(requireViewer(ctx.viewer), { districtId: item.districtId, streetId }))
      throw forbidden('变更记录仅限本辖区工作人员查看 / the change log is kept within the record’s scope');
    return changeLogService.list(ctx, { serviceId: item.id }, first, after);
  }
}
