import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const DeliveryStatusEnum = enumObject(DELIVERY_STATUSES);
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: '点单 → 接单 → 排期 → 配送 → 评价, or rejected / cancelled',
});

/** A resident's order of a mobile (or street-featured) service for a center. */
@ObjectType({ description: '流动配送订单: a resident orders a mobile service for a center' })
@Entity('delivery_order')
export class DeliveryOrder {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'resident_id', type: 'int' })
  residentId: number;

  @Column({ name: 'service_id', type: 'int' })
  serviceId: number;

  @Column({ name: 'center_id', type: 'int' })
  centerId: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @Field(() => String, { nullable: true, description: "the resident's note" })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DeliveryStatusEnum)
  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Field(() => Date, { nullable: true, description: 'when the service will be delivered at the center' })
  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'why it was rejected or cancelled (the resident sees it)',
  })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => Int, { nullable: true, description: "the resident's rating, 1–5" })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Field(() => String, { nullable: true, description: "the resident's comment with the rating" })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field(() => Date)
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** optimistic concurrency: bumped by every transition */
  @Column({ type: 'int' })
  version: number;
}

/** One step of an order's history. */
@ObjectType({ description: 'a step in the history of a delivery order' })
@Entity('delivery_order_event')
export class DeliveryOrderEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', type: 'int' })
  orderId: number;

  @Field(() => DeliveryStatusEnum, { nullable: true, description: 'null for the order being placed' })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: DeliveryStatus | null;

  @Field(() => DeliveryStatusEnum)
  @Column({ name: 'to_status', type: 'text' })
  toStatus: DeliveryStatus;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;
}
