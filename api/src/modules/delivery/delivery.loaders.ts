import type { DataSource } from 'typeorm';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { User } from '../users/user.entity';
import { DeliveryOrderEvent } from './delivery-order.entity';

export function createDeliveryLoaders(db: DataSource) {
  const events = db.getRepository(DeliveryOrderEvent);
  const users = db.getRepository(User);
  return {
    eventsByOrder: manyLoader<number, DeliveryOrderEvent>(
      (ids) => rowsWhereAny(db, events, 'order_id', ids),
      (e) => e.orderId,
    ),
    userById: oneLoader<number, User>(
      (ids) => rowsWhereAny(db, users, 'id', ids),
      (u) => u.id,
    ),
  };
}

export type DeliveryLoaders = ReturnType<typeof createDeliveryLoaders>;
