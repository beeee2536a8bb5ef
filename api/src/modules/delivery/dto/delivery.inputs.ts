import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { ORDER_NOTE_MAX_LENGTH, type DeliveryStatus } from '@lc/domain';
import { DeliveryStatusEnum } from '../delivery-order.entity';

@InputType()
export class DeliveryOrderFilter {
  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => DeliveryStatusEnum, { nullable: true })
  status?: DeliveryStatus | null;

  @Field(() => ID, { nullable: true, description: 'orders of this service item' })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'orders of centers in this district or street' })
  regionId?: string | null;
}

@InputType()
export class OrderMobileServiceInput {
  @Field(() => ID)
  serviceId: string;

  @Field(() => ID, { description: 'the center the service is delivered to' })
  centerId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(ORDER_NOTE_MAX_LENGTH, {
    message: `备注不能超过${ORDER_NOTE_MAX_LENGTH}个字 / note must be at most ${ORDER_NOTE_MAX_LENGTH} characters`,
  })
  note?: string | null;
}
