import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Center } from '../places/center.entity';
import { ServiceItem } from './service-item.entity';
import { serviceItemService } from './service-item.service';
import { ServiceOffering } from './service-offering.entity';

@Resolver(() => ServiceOffering)
export class ServiceOfferingResolver {
  @FieldResolver(() => ServiceItem)
  service(@Ctx() ctx: Context, @Root() offering: ServiceOffering): Promise<ServiceItem> {
    return serviceItemService.serviceOfOffering(ctx, offering);
  }

  @FieldResolver(() => Center)
  center(@Ctx() ctx: Context, @Root() offering: ServiceOffering): Promise<Center> {
    return serviceItemService.centerOfOffering(ctx, offering);
  }
}

/** Center.offerings lives with the services module, which owns offerings. */
@Resolver(() => Center)
export class CenterOfferingsResolver {
  @FieldResolver(() => [ServiceOffering])
  offerings(@Ctx() ctx: Context, @Root() center: Center): Promise<ServiceOffering[]> {
    return serviceItemService.offeringsOfCenter(ctx, center);
  }
}
