import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AUDITED_ENTITIES, type AuditedEntity } from '@lc/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { enumObject } from '../../common/enum-object';

export const AuditedEntityEnum = enumObject(AUDITED_ENTITIES);
registerEnumType(AuditedEntityEnum, { name: 'AuditedEntity' });

/** One recorded change: who changed which field of an item or offering, from what to what. */
@ObjectType({ description: 'a recorded change of a service item or offering (who, when, field, old → new)' })
@Entity('change_log')
export class ChangeLogEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => AuditedEntityEnum)
  @Column({ type: 'text' })
  entity: AuditedEntity;

  @Field(() => ID, { description: 'id of the item or offering' })
  @Column({ name: 'entity_id', type: 'int' })
  entityId: number;

  /** the item concerned (for offerings: the offered item) */
  @Column({ name: 'service_id', type: 'int', nullable: true })
  serviceId: number | null;

  /** offerings: the center */
  @Column({ name: 'center_id', type: 'int', nullable: true })
  centerId: number | null;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Field({ description: 'who made the change' })
  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field({ description: 'CREATE, UPDATE, RETIRE, REINSTATE, PROMOTE, DELETE or IMPORT' })
  @Column({ type: 'text' })
  action: string;

  @Field(() => String, { nullable: true, description: 'the changed field; null for a whole-record action' })
  @Column({ type: 'text', nullable: true })
  field: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'old_value', type: 'jsonb', nullable: true })
  oldValue: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ name: 'new_value', type: 'jsonb', nullable: true })
  newValue: unknown;

  /** set when the change came from an Excel import */
  @Field(() => ID, { nullable: true, description: 'the Excel import that made the change, if any' })
  @Column({ name: 'import_id', type: 'int', nullable: true })
  importId: number | null;
}
