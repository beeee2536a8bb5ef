import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  DEMAND_SOURCES,
  DEMAND_STATUSES,
  type DemandSource,
  type DemandStatus,
  type ServiceCategory,
} from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { ServiceCategoryEnum } from '../services/service-item.entity';

export const DemandStatusEnum = enumObject(DEMAND_STATUSES);
registerEnumType(DemandStatusEnum, { name: 'DemandStatus' });
export const DemandSourceEnum = enumObject(DEMAND_SOURCES);
registerEnumType(DemandSourceEnum, { name: 'DemandSource', description: 'where a demand was gathered' });

/** 需求: something residents of a community need. */
@ObjectType({ description: '需求清单: what residents of a community need' })
@Entity('demand')
export class Demand {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ServiceCategoryEnum)
  @Column({ type: 'text' })
  category: ServiceCategory;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Field(() => DemandSourceEnum)
  @Column({ type: 'text' })
  source: DemandSource;

  @Column({ name: 'raised_by', type: 'int', nullable: true })
  raisedBy: number | null;

  @Field(() => DemandStatusEnum)
  @Column({ type: 'text' })
  status: DemandStatus;

  @Field(() => Int, { description: 'how many other residents seconded it (+1)' })
  @Column({ type: 'int' })
  seconds: number;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
