import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SERVICE_CATEGORIES, SERVICE_MENUS, type ServiceCategory, type ServiceMenu } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const ServiceCategoryEnum = enumObject(SERVICE_CATEGORIES);
export const ServiceMenuEnum = enumObject(SERVICE_MENUS);
registerEnumType(ServiceCategoryEnum, { name: 'ServiceCategory' });
registerEnumType(ServiceMenuEnum, { name: 'ServiceMenu' });

/** 服务项目: an item of one of the three menus. */
@ObjectType({ description: '服务项目: an item of the district, mobile or street-feature menu' })
@Entity('service_item')
export class ServiceItem {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'stable item code, used by Excel import and export' })
  @Column({ type: 'text' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ServiceCategoryEnum)
  @Column({ type: 'text' })
  category: ServiceCategory;

  @Field(() => ServiceMenuEnum)
  @Column({ type: 'text' })
  menu: ServiceMenu;

  /** district for DISTRICT and MOBILE menus, street for STREET_FEATURE */
  @Column({ name: 'owner_region_id', type: 'int' })
  ownerRegionId: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  provider: string | null;

  @Field(() => String, { nullable: true, description: 'the department the item was sunk from (下沉部门)' })
  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Field(() => [String], { description: 'audience codes (see @lc/domain AUDIENCES)' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  audience: string[];

  @Field(() => String, { nullable: true, description: 'fee as shown to residents, e.g. 免费' })
  @Column({ type: 'text', nullable: true })
  fee: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'set when the item was retired (no longer offered or ordered)',
  })
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Field(() => ServiceMenuEnum, {
    nullable: true,
    description: 'the menu the item was promoted from (功能迭代)',
  })
  @Column({ name: 'promoted_from', type: 'text', nullable: true })
  promotedFrom: ServiceMenu | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
