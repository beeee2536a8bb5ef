import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DeliveryStatus } from '@lc/domain';
import type { Connection } from '../../common/connection';
import { UPDATED_SINCE } from '../../common/change-feed';
import type { Context } from '../../context';
import { Center } from '../places/center.entity';
import { ServiceItem } from '../services/service-item.entity';
import { User } from '../users/user.entity';
import { DeliveryOrder, DeliveryOrderEvent, DeliveryStatusEnum } from './delivery-order.entity';
import { deliveryService, viewerTransitions } from './delivery.service';
import { DeliveryOrderFilter, OrderMobileServiceInput } from './dto/delivery.inputs';
import { DeliveryDemand, DeliveryOrderConnection } from './dto/delivery.outputs';

@Resolver(() => DeliveryOrder)
export class DeliveryOrderResolver {
  @Query(() => DeliveryOrderConnection, {
    description: 'a resident sees their own orders; staff see the orders of the centers in their scope',
  })
  deliveryOrders(
    @Ctx() ctx: Context,
    @Arg('filter', () => DeliveryOrderFilter, { nullable: true }) filter?: DeliveryOrderFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('updatedSince', () => Date, { nullable: true, description: UPDATED_SINCE })
    updatedSince?: Date | null,
  ): Promise<Connection<DeliveryOrder>> {
    return deliveryService.list(ctx, filter, first, after, updatedSince);
  }

  @Query(() => [DeliveryDemand], {
    description: 'orders in scope grouped by item, most residents first (staff and officials)',
  })
  deliveryDemand(
    @Ctx() ctx: Context,
    @Arg('filter', () => DeliveryOrderFilter, { nullable: true }) filter?: DeliveryOrderFilter | null,
  ): Promise<DeliveryDemand[]> {
    return deliveryService.demand(ctx, filter);
  }

  @Mutation(() => DeliveryOrder, { description: '居民点单: a resident orders a mobile service for a center' })
  orderMobileService(
    @Ctx() ctx: Context,
    @Arg('input', () => OrderMobileServiceInput) input: OrderMobileServiceInput,
  ): Promise<DeliveryOrder> {
    return deliveryService.order(ctx, input);
  }

  @Mutation(() => DeliveryOrder, {
    description:
      'moves an order along REQUESTED → ACCEPTED → SCHEDULED → DELIVERED → RATED (or REJECTED / CANCELLED); CONFLICT when someone moved it first',
  })
  transitionDeliveryOrder(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('to', () => DeliveryStatusEnum) to: DeliveryStatus,
    @Arg('reason', () => String, { nullable: true, description: 'required to reject' })
    reason?: string | null,
    @Arg('scheduledFor', () => Date, { nullable: true, description: 'required to schedule' })
    scheduledFor?: Date | null,
    @Arg('rating', () => Int, { nullable: true, description: 'required to rate: 1–5' })
    rating?: number | null,
    @Arg('comment', () => String, { nullable: true, description: "the resident's comment with a rating" })
    comment?: string | null,
  ): Promise<DeliveryOrder> {
    return deliveryService.transition(ctx, id, { to, reason, scheduledFor, rating, comment });
  }

  @FieldResolver(() => ServiceItem)
  service(@Ctx() ctx: Context, @Root() order: DeliveryOrder): Promise<ServiceItem> {
    return ctx.loaders.services.serviceById.load(order.serviceId) as Promise<ServiceItem>;
  }

  @FieldResolver(() => Center)
  center(@Ctx() ctx: Context, @Root() order: DeliveryOrder): Promise<Center> {
    return ctx.loaders.places.centerById.load(order.centerId) as Promise<Center>;
  }

  @FieldResolver(() => User, { nullable: true, description: 'who ordered (name and masked phone)' })
  resident(@Ctx() ctx: Context, @Root() order: DeliveryOrder): Promise<User | null> {
    return deliveryService.resident(ctx, order);
  }

  @FieldResolver(() => [DeliveryOrderEvent], { description: 'the history of the order, oldest first' })
  events(@Ctx() ctx: Context, @Root() order: DeliveryOrder): Promise<DeliveryOrderEvent[]> {
    return deliveryService.events(ctx, order);
  }

  @FieldResolver(() => [DeliveryStatusEnum], {
    description: 'the statuses the caller may move the order to now',
  })
  viewerTransitions(@Ctx() ctx: Context, @Root() order: DeliveryOrder): DeliveryStatus[] {
    return viewerTransitions(ctx.viewer, order);
  }
}
