import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { ServiceFilter } from './dto/service.inputs';
import { ServiceItemConnection } from './dto/service.outputs';
import { ServiceItem } from './service-item.entity';
import { serviceItemService } from './service-item.service';
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
}
