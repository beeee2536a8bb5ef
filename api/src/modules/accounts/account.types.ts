import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { STAFF_ROLES, type Role, type StaffRole } from '@lc/domain';
import { connectionTypes } from '../../common/connection';
import { enumObject } from '../../common/enum-object';
import { RoleEnum, User } from '../users/user.entity';

export const StaffRoleEnum = enumObject(STAFF_ROLES);
registerEnumType(StaffRoleEnum, {
  name: 'StaffRole',
  description: 'roles an office gives: street admins, center staff, evaluators',
});

/** A staff account as its managers see it (人员管理). */
@ObjectType({ description: 'a staff account, for the offices that manage it' })
export class StaffAccount {
  @Field(() => ID)
  id: number;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field({ description: 'false once disabled: its tokens stop working on the next request' })
  active: boolean;

  @Field({ description: 'true until the account has set its own password' })
  mustChangePassword: boolean;

  @Field(() => String, { nullable: true, description: 'mobile number, masked: 138****5678' })
  phoneMasked: string | null;

  /** the district or street of a street admin or evaluator (center staff: their center's street) */
  scopeRegionId: number | null;

  centerId: number | null;

  districtId: number | null;

  streetId: number | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field({ description: 'a demo account (refused in production)' })
  isDemo: boolean;
}

export const { EdgeType: StaffAccountEdge, ConnectionType: StaffAccountConnection } = connectionTypes(
  StaffAccount,
  'StaffAccount',
);

@InputType()
export class StaffAccountFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'accounts acting in this district, street or center’s street',
  })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => StaffRoleEnum, { nullable: true })
  role?: StaffRole | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: 'text in the username or name' })
  search?: string | null;
}

@InputType()
export class CreateStaffAccountInput {
  @Field({ description: 'lower-case letters, digits, _ . -; 3–40 characters, starting with a letter' })
  username: string;

  @Field()
  displayName: string;

  @Field(() => StaffRoleEnum)
  role: StaffRole;

  @Field(() => ID, {
    nullable: true,
    description: 'street admins: their street; evaluators: their district (center staff: leave out)',
  })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'center staff: their center' })
  centerId?: string | null;

  @Field(() => String, { nullable: true, description: 'mobile number (stored encrypted, shown masked)' })
  mobile?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'send the one-time password by SMS to the mobile number instead of showing it',
  })
  sendBySms?: boolean | null;
}

@InputType()
export class UpdateStaffAccountInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => StaffRoleEnum, { nullable: true })
  role?: StaffRole | null;

  @Field(() => ID, { nullable: true })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => String, { nullable: true, description: 'a new mobile number; an empty string removes it' })
  mobile?: string | null;
}

@ObjectType({ description: 'an account with a new one-time password' })
export class OneTimePasswordResult {
  @Field(() => StaffAccount)
  account: StaffAccount;

  @Field(() => String, {
    nullable: true,
    description: 'the one-time password, shown this once (null when it was sent by SMS)',
  })
  oneTimePassword: string | null;

  @Field(() => String, { nullable: true, description: 'the masked number it was sent to' })
  sentTo: string | null;
}

@ObjectType()
export class PasswordChangePayload {
  @Field({ description: 'a new bearer token: every earlier token of the account stopped working' })
  token: string;

  @Field(() => User)
  user: User;
}

@ObjectType({ description: 'a problem with one row of an imported staff list' })
export class AccountImportError {
  @Field(() => Int, { description: 'Excel row number (the header is row 1)' })
  row: number;

  @Field(() => String, { nullable: true, description: 'the column, e.g. "角色 (role)"' })
  field: string | null;

  @Field()
  message: string;
}

@ObjectType({ description: 'a valid row of an imported staff list' })
export class AccountImportRowPreview {
  @Field(() => Int)
  row: number;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => StaffRoleEnum)
  role: StaffRole;
}

@ObjectType({ description: 'a checked staff list: apply it when it has no errors (all rows or none)' })
export class AccountImportPreview {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  validRows: number;

  @Field(() => [AccountImportError])
  errors: AccountImportError[];

  @Field(() => [AccountImportRowPreview])
  rows: AccountImportRowPreview[];
}

@ObjectType({
  description: 'an account made by an import, with its one-time password (shown only in this answer)',
})
export class ImportedAccount {
  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field()
  oneTimePassword: string;
}
