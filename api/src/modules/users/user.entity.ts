import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ROLES, type Role } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const RoleEnum = enumObject(ROLES);
registerEnumType(RoleEnum, { name: 'Role' });

/** A staff, evaluator or integrator account. */
@ObjectType({ description: 'who is asking' })
@Entity('app_user')
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'text' })
  username: string;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Field(() => RoleEnum)
  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** the district or street the user may act in */
  @Column({ name: 'scope_region_id', type: 'int', nullable: true })
  scopeRegionId: number | null;

  /** center staff: their center */
  @Column({ name: 'center_id', type: 'int', nullable: true })
  centerId: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
