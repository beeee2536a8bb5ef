import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { CENTER_KINDS, type CenterKind } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const CenterKindEnum = enumObject(CENTER_KINDS);
registerEnumType(CenterKindEnum, { name: 'CenterKind' });

/** 服务阵地: a hub 片区中心, village center or community station. */
// simpleResolvers: no middleware or auth on its plain fields (lists of a thousand centers)
@ObjectType({ description: '服务阵地: hub, village center or community station', simpleResolvers: true })
@Entity('center')
export class Center {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => CenterKindEnum)
  @Column({ type: 'text' })
  kind: CenterKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  brand: string | null;

  @Field()
  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;

  @Field(() => Float, { nullable: true, description: 'floor area, m²' })
  @Column({ name: 'floor_area', type: 'double precision', nullable: true })
  floorArea: number | null;

  @Field(() => Int, { nullable: true, description: 'number of floors' })
  @Column({ type: 'int', nullable: true })
  floors: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'opening hours as shown at the door, e.g. 周一至周日 08:30-20:00',
  })
  @Column({ name: 'opening_hours', type: 'text', nullable: true })
  openingHours: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @Field(() => [String], { description: 'facility codes (see @lc/domain FACILITIES)' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  facilities: string[];

  @Field(() => [String], { description: 'zone codes (see @lc/domain ZONES)' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  zones: string[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { description: 'when the center record last changed' })
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
