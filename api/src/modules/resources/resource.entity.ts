import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RESOURCE_KINDS, type ResourceKind, type ServiceCategory } from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { ServiceCategoryEnum } from '../services/service-item.entity';

export const ResourceKindEnum = enumObject(RESOURCE_KINDS);
registerEnumType(ResourceKindEnum, { name: 'ResourceKind' });

/** 资源: a department service, enterprise, social organisation, partner unit, talent or volunteer. */
@ObjectType({ description: '资源清单: who or what can serve, in which area' })
@Entity('resource')
export class Resource {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => ResourceKindEnum)
  @Column({ type: 'text' })
  kind: ResourceKind;

  @Field(() => ServiceCategoryEnum)
  @Column({ type: 'text' })
  category: ServiceCategory;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** the region served: a district, street or community */
  @Column({ name: 'region_id', type: 'int' })
  regionId: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  /** the owning street; null for a district-wide resource (owned by the district) */
  @Column({ name: 'street_id', type: 'int', nullable: true })
  streetId: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'how many projects it can serve at once; null when not limited',
  })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  @Field(() => String, { nullable: true, description: 'when it is available, e.g. 周末、工作日晚上' })
  @Column({ type: 'text', nullable: true })
  availability: string | null;

  @Column({ name: 'contact_name_enc', type: 'text', nullable: true, select: false })
  contactNameEnc: string | null;

  @Column({ name: 'contact_phone_enc', type: 'text', nullable: true, select: false })
  contactPhoneEnc: string | null;

  @Field(() => String, { nullable: true, description: 'the contact person, masked: 张* 138****5678' })
  @Column({ name: 'contact_masked', type: 'text', nullable: true })
  contactMasked: string | null;

  @Field()
  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
