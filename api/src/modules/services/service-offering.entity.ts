import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One weekly rule of an offering's schedule (RFC 5545 weekday codes). */
@ObjectType({ description: 'a weekly rule: on these weekdays, from opens to closes' })
@InputType('ScheduleRuleInput', {
  description: 'a weekly rule: on these weekdays, from opens to closes, within the validity dates',
})
export class ScheduleRule {
  @Field(() => [String], { description: 'RFC 5545 weekday codes MO..SU' })
  byDay: string[];

  @Field({ description: 'HH:MM' })
  opens: string;

  @Field({ description: 'HH:MM' })
  closes: string;

  @Field(() => String, { nullable: true, description: 'first day the rule applies (YYYY-MM-DD)' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'last day the rule applies (YYYY-MM-DD)' })
  validUntil?: string | null;
}

/** Which center provides which item, when and at what fee. */
@ObjectType({ description: 'a center offering a service item' })
@Entity('service_offering')
export class ServiceOffering {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'center_id', type: 'int' })
  centerId: number;

  @Column({ name: 'service_id', type: 'int' })
  serviceId: number;

  @Field(() => [ScheduleRule])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  schedule: ScheduleRule[];

  @Field(() => String, { nullable: true, description: "fee override; the item's fee applies when null" })
  @Column({ type: 'text', nullable: true })
  fee: string | null;

  @Field(() => Int, { nullable: true, description: 'places per session; null when not limited' })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Field(() => Date)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** set on a removed offering as a change feed shows it (a tombstone); never a column */
  @Field(() => Date, {
    nullable: true,
    description: 'when the center stopped offering it (change feeds keep removed offerings)',
  })
  withdrawnAt?: Date | null;
}
