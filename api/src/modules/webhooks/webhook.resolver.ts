import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { WebhookDeliveryStatus } from '@lc/domain';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { webhookService } from './webhook.service';
import {
  CreateWebhookInput,
  CreatedWebhook,
  UpdateWebhookInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatusEnum,
  WebhookSubscription,
  WebhookSubscriptionConnection,
} from './webhook.types';

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Authorized()
  @Query(() => WebhookSubscriptionConnection, {
    description:
      'webhook subscriptions: the district’s (district admins) or the calling key’s own (MANAGE_WEBHOOKS)',
  })
  webhookSubscriptions(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<WebhookSubscription>> {
    return webhookService.list(ctx, first, after);
  }

  @Authorized()
  @Query(() => WebhookSubscription, { nullable: true })
  webhookSubscription(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<WebhookSubscription | null> {
    return webhookService.byId(ctx, id);
  }

  @Authorized()
  @Mutation(() => CreatedWebhook, {
    description: 'registers a URL for event types of a region; the signing secret is shown once',
  })
  createWebhookSubscription(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput,
  ): Promise<CreatedWebhook> {
    return webhookService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => WebhookSubscription)
  updateWebhookSubscription(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateWebhookInput) input: UpdateWebhookInput,
  ): Promise<WebhookSubscription> {
    return webhookService.update(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'deletes a subscription: pending deliveries are dropped, the log stays',
  })
  deleteWebhookSubscription(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return webhookService.remove(ctx, id);
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, {
    description: 'sends a delivery’s event again (a new delivery; the event id stays)',
  })
  replayWebhookDelivery(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<WebhookDelivery> {
    return webhookService.replay(ctx, id);
  }

  @Authorized()
  @Mutation(() => WebhookDelivery, { description: 'sends a TEST event to the subscription now' })
  sendTestWebhookEvent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<WebhookDelivery> {
    return webhookService.sendTest(ctx, id);
  }

  @FieldResolver(() => Region)
  region(@Ctx() ctx: Context, @Root() sub: WebhookSubscription): Promise<Region> {
    return ctx.loaders.places.regionById.load(sub.regionId) as Promise<Region>;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'the API key the subscription belongs to' })
  apiKeyId(@Root() sub: WebhookSubscription): string | null {
    return sub.apiKeyId === null ? null : String(sub.apiKeyId);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'the delivery log, newest first' })
  deliveries(
    @Ctx() ctx: Context,
    @Root() sub: WebhookSubscription,
    @Arg('status', () => WebhookDeliveryStatusEnum, { nullable: true }) status?: WebhookDeliveryStatus | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<WebhookDelivery>> {
    return webhookService.deliveries(ctx, sub, status, first, after);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'every attempt, oldest first' })
  attemptLog(@Ctx() ctx: Context, @Root() d: WebhookDelivery): Promise<WebhookAttempt[]> {
    return ctx.loaders.webhooks.attemptsByDelivery.load(d.id);
  }
}
