import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryStatus,
  type WebhookEventType,
} from '@lc/domain';
import { connectionTypes } from '../../common/connection';
import { enumObject } from '../../common/enum-object';

export const WebhookEventTypeEnum = enumObject(WEBHOOK_EVENT_TYPES);
registerEnumType(WebhookEventTypeEnum, { name: 'WebhookEventType' });
export const WebhookDeliveryStatusEnum = enumObject(WEBHOOK_DELIVERY_STATUSES);
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING (being tried), DELIVERED (a 2xx answer), FAILED (gave up after 24 hours)',
});

@ObjectType({ description: 'a URL that receives signed events of some types in a region' })
export class WebhookSubscription {
  @Field(() => ID)
  id: number;

  @Field()
  name: string;

  @Field()
  url: string;

  @Field(() => [WebhookEventTypeEnum])
  eventTypes: WebhookEventType[];

  @Field()
  active: boolean;

  regionId: number;

  districtId: number;

  streetId: number | null;

  apiKeyId: number | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

export const { EdgeType: WebhookSubscriptionEdge, ConnectionType: WebhookSubscriptionConnection } =
  connectionTypes(WebhookSubscription, 'WebhookSubscription');

@ObjectType({ description: 'one try at sending a delivery' })
export class WebhookAttempt {
  deliveryId: number;

  @Field(() => Int)
  attempt: number;

  @Field(() => Date)
  at: Date;

  @Field(() => Int, { nullable: true, description: 'the HTTP status answered, null when none came' })
  statusCode: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'why it failed without an answer (timeout, refused …)',
  })
  error: string | null;

  @Field(() => Int)
  durationMs: number;

  @Field(() => String, { nullable: true, description: 'the first 500 characters of the answer' })
  responseExcerpt: string | null;
}

@ObjectType({ description: 'an event on its way to one subscription, with every attempt' })
export class WebhookDelivery {
  @Field(() => ID)
  id: number;

  subscriptionId: number;

  @Field(() => ID, { description: 'the event (the same in every replay)' })
  eventId: string;

  @Field(() => WebhookEventTypeEnum)
  eventType: WebhookEventType;

  @Field({ description: 'the record the event is about, e.g. delivery_order' })
  recordType: string;

  @Field(() => ID)
  recordId: string;

  @Field(() => GraphQLJSON, { description: 'the event’s data as sent' })
  data: unknown;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => WebhookDeliveryStatusEnum)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Date, { nullable: true, description: 'when the next attempt is due (PENDING)' })
  nextAttemptAt: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'the delivery this one replays' })
  replayOf: string | null;

  @Field(() => Date)
  createdAt: Date;
}

export const { EdgeType: WebhookDeliveryEdge, ConnectionType: WebhookDeliveryConnection } = connectionTypes(
  WebhookDelivery,
  'WebhookDelivery',
);

@InputType()
export class CreateWebhookInput {
  @Field()
  name: string;

  @Field({ description: 'an https:// or http:// URL' })
  url: string;

  @Field(() => [WebhookEventTypeEnum])
  eventTypes: WebhookEventType[];

  @Field(() => ID, {
    nullable: true,
    description: 'the district or street whose events it gets (an API key: its own region when left out)',
  })
  regionId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'district admins: the integrator’s key the subscription belongs to',
  })
  apiKeyId?: string | null;
}

@InputType()
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [WebhookEventTypeEnum], { nullable: true })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'false pauses deliveries' })
  active?: boolean | null;
}

@ObjectType()
export class CreatedWebhook {
  @Field(() => WebhookSubscription)
  subscription: WebhookSubscription;

  @Field({ description: 'the signing secret, shown this once: verify X-LC-Signature with it' })
  secret: string;
}
