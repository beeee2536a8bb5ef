import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { NotificationKind } from '@lc/domain';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { notificationService } from './notification.service';
import {
  Notification,
  NotificationConnection,
  NotificationKindEnum,
  NotificationLocaleEnum,
  NotificationPreference,
  NotificationsRead,
  type NotificationLocale,
} from './notification.types';

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'the signed-in user’s inbox (消息), newest first' })
  notifications(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Notification>> {
    return notificationService.inbox(ctx, !!unreadOnly, first, after);
  }

  @Query(() => Int, { description: 'unread notifications of the signed-in user' })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return notificationService.unreadCount(ctx);
  }

  @Mutation(() => NotificationsRead, {
    description: 'marks the signed-in user’s notifications read: the given ids, or all when ids is omitted',
  })
  markNotificationsRead(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null,
  ): Promise<NotificationsRead> {
    return notificationService.markRead(ctx, ids ?? null);
  }

  @Query(() => [NotificationPreference], {
    description: 'how each kind of notification reaches the signed-in user',
  })
  notificationPreferences(@Ctx() ctx: Context): Promise<NotificationPreference[]> {
    return notificationService.preferences(ctx);
  }

  @Mutation(() => NotificationPreference, {
    description: 'turns SMS on or off for a kind (the inbox always has it)',
  })
  setNotificationPreference(
    @Ctx() ctx: Context,
    @Arg('kind', () => NotificationKindEnum) kind: NotificationKind,
    @Arg('sms', () => Boolean) sms: boolean,
  ): Promise<NotificationPreference> {
    return notificationService.setPreference(ctx, kind, sms);
  }

  @FieldResolver(() => String)
  title(
    @Root() n: Notification,
    @Arg('locale', () => NotificationLocaleEnum, { nullable: true }) locale?: NotificationLocale | null,
  ): string {
    return n.text(locale).title;
  }

  @FieldResolver(() => String)
  body(
    @Root() n: Notification,
    @Arg('locale', () => NotificationLocaleEnum, { nullable: true }) locale?: NotificationLocale | null,
  ): string {
    return n.text(locale).body;
  }
}
