import { Field, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/connection';
import { ServiceItem } from '../../services/service-item.entity';
import { DeliveryOrder } from '../delivery-order.entity';

export const { EdgeType: DeliveryOrderEdge, ConnectionType: DeliveryOrderConnection } = connectionTypes(
  DeliveryOrder,
  'DeliveryOrder',
);

/** Orders of one item: many residents asking for the same item is the signal. */
@ObjectType({ description: 'orders grouped by item: how many residents asked' })
export class DeliveryDemand {
  serviceId: number;

  @Field(() => ServiceItem)
  service: ServiceItem;

  @Field(() => Int)
  orderCount: number;

  @Field(() => Int, { description: 'distinct residents who asked' })
  residentCount: number;

  @Field(() => Int, { description: 'distinct centers the orders are for' })
  centerCount: number;

  @Field(() => Date)
  firstRequestedAt: Date;

  @Field(() => Date)
  lastRequestedAt: Date;
}
