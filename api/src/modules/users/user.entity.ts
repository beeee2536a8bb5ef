import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ROLES, type Role } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const RoleEnum = enumObject(ROLES);
registerEnumType(RoleEnum, { name: 'Role' });

/** A staff, evaluator, integrator or resident account. */
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

  /** null for residents, who sign in with a one-time code */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** residents: the phone number, AES-GCM encrypted (auth/phone-crypto.ts) */
  @Column({ name: 'phone_enc', type: 'text', nullable: true, select: false })
  phoneEnc: string | null;

  /** residents: keyed hash of the normalized number, for lookup */
  @Column({ name: 'phone_hash', type: 'text', nullable: true, select: false })
  phoneHash: string | null;

  @Field(() => String, { nullable: true, description: 'the phone number, masked: 138****5678' })
  @Column({ name: 'phone_masked', type: 'text', nullable: true })
  phoneMasked: string | null;

  /** residents: the center they order for (我的中心) */
  @Column({ name: 'home_center_id', type: 'int', nullable: true })
  homeCenterId: number | null;

  /** residents: their community (居委/村委); its projects are visible to them */
  @Column({ name: 'home_community_id', type: 'int', nullable: true })
  homeCommunityId: number | null;

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

  /** bumped by a password change, reset or disable: tokens signed with an older one are refused */
  @Column({ name: 'token_version', type: 'int', default: 0 })
  tokenVersion: number;

  @Field({ description: 'true while the account has a one-time password: it must set its own first' })
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
