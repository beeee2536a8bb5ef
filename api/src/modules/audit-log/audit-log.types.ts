import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AUDIT_ACTIONS, type AuditAction } from '@lc/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { connectionTypes } from '../../common/connection';
import { enumObject } from '../../common/enum-object';

export const AuditActionEnum = enumObject(AUDIT_ACTIONS);
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'an administrative act' });

@ObjectType({ description: 'one administrative act of the insert-only audit log' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'the account that acted (an API key acts through its own)',
  })
  actorId: string | null;

  @Field()
  actorName: string;

  @Field(() => String, { nullable: true })
  actorRole: string | null;

  @Field(() => ID, { nullable: true, description: 'set when the act came through an API key' })
  apiKeyId: string | null;

  @Field(() => String, { nullable: true, description: 'the caller’s address' })
  ip: string | null;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => AuditActionEnum)
  action: AuditAction;

  @Field(() => String, {
    nullable: true,
    description: 'what kind of record: USER, API_KEY, WEBHOOK, RESOURCE …',
  })
  targetType: string | null;

  @Field(() => ID, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true, description: 'the record’s name when it was acted on' })
  targetLabel: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'the changed fields before the act' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'the changed fields after the act' })
  after: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'further facts (reason, filter of an export …)' })
  detail: unknown;
}

export const { EdgeType: AuditEventEdge, ConnectionType: AuditEventConnection } = connectionTypes(
  AuditEvent,
  'AuditEvent',
);

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'acts of this account' })
  actorId?: string | null;

  @Field(() => AuditActionEnum, { nullable: true })
  action?: AuditAction | null;

  @Field(() => Date, { nullable: true, description: 'from this instant (included)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'up to this instant (excluded)' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: 'text in the actor’s or the record’s name' })
  search?: string | null;
}
