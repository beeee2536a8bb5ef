import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { COMMUNITY_KINDS, REGION_LEVELS, type CommunityKind, type RegionLevel } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const RegionLevelEnum = enumObject(REGION_LEVELS);
export const CommunityKindEnum = enumObject(COMMUNITY_KINDS);
registerEnumType(RegionLevelEnum, { name: 'RegionLevel' });
registerEnumType(CommunityKindEnum, { name: 'CommunityKind' });

/** 行政区划: district 区 → street/town 街道/镇 → community 居村委. */
@ObjectType({ description: '行政区划: district → street/town → community', simpleResolvers: true })
@Entity('region')
export class Region {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => RegionLevelEnum)
  @Column({ type: 'text' })
  level: RegionLevel;

  @Field(() => CommunityKindEnum, { nullable: true })
  @Column({ name: 'community_kind', type: 'text', nullable: true })
  communityKind: CommunityKind | null;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId: number | null;

  /** The district this region is or lies in (denormalised for scope checks). */
  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId: number | null;

  /** The street this region is or lies in; null for districts. */
  @Column({ name: 'street_id', type: 'int', nullable: true })
  streetId: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  population: number | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;
}
