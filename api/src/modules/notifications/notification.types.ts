import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_SUBJECTS,
  renderNotification,
  type NotificationKind,
  type NotificationParams,
  type NotificationSubject,
} from '@lc/domain';
import { connectionTypes } from '../../common/connection';
import { enumObject } from '../../common/enum-object';

export const NotificationKindEnum = enumObject(NOTIFICATION_KINDS);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'what a notification is about; preferences are kept per kind',
});

export const NotificationSubjectEnum = enumObject(NOTIFICATION_SUBJECTS);
registerEnumType(NotificationSubjectEnum, {
  name: 'NotificationSubject',
  description: 'the kind of record a notification links to',
});

export const NotificationLocaleEnum = { ZH_CN: 'ZH_CN', EN: 'EN' } as const;
export type NotificationLocale = keyof typeof NotificationLocaleEnum;
registerEnumType(NotificationLocaleEnum, { name: 'NotificationLocale', description: 'zh-CN or en' });

/** One entry of a user's inbox (消息). */
@ObjectType({ description: 'an entry of the signed-in user’s inbox (消息)' })
export class Notification {
  @Field(() => ID)
  id: number;

  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  /** the text's template and its parameters (@lc/domain NOTIFICATION_TEMPLATES) */
  template: string;
  params: NotificationParams;

  @Field(() => NotificationSubjectEnum, { nullable: true, description: 'what it links to' })
  subjectType: NotificationSubject | null;

  @Field(() => ID, { nullable: true })
  subjectId: number | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  text(locale: NotificationLocale | null | undefined): { title: string; body: string } {
    return renderNotification(this.template, this.params, locale === 'EN' ? 'en' : 'zh-CN');
  }
}

export const { EdgeType: NotificationEdge, ConnectionType: NotificationConnection } = connectionTypes(
  Notification,
  'Notification',
);

@ObjectType({ description: 'how a kind of notification reaches the signed-in user' })
export class NotificationPreference {
  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field({ description: 'always true: every notification is in the inbox' })
  inApp: boolean;

  @Field({ description: 'also sent by SMS' })
  sms: boolean;

  @Field({ description: 'false when SMS cannot reach this user (no phone number, or no SMS gateway)' })
  smsAvailable: boolean;
}

@ObjectType()
export class NotificationsRead {
  @Field(() => Int, { description: 'how many were marked read' })
  marked: number;

  @Field(() => Int, { description: 'unread notifications left' })
  unread: number;
}
