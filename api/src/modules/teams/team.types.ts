import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DUTY_SHIFTS, TEAM_ROLES, type DutyShift, type TeamRole } from '@lc/domain';
import { enumObject } from '../../common/enum-object';

export const TeamRoleEnum = enumObject(TEAM_ROLES);
registerEnumType(TeamRoleEnum, {
  name: 'TeamRole',
  description: '3+X 运营专班: 专职人员, 社工, 志愿者, 驻点人员, 其他',
});
export const DutyShiftEnum = enumObject(DUTY_SHIFTS);
registerEnumType(DutyShiftEnum, { name: 'DutyShift', description: '上午, 下午, 晚上' });

@ObjectType({ description: 'a member of a center’s 3+X operations team (an account or a named person)' })
export class TeamMember {
  @Field(() => ID)
  id: number;

  centerId: number;

  userId: number | null;

  @Field()
  name: string;

  @Field(() => TeamRoleEnum)
  teamRole: TeamRole;

  @Field(() => String, { nullable: true, description: 'mobile number, masked (stored encrypted)' })
  phoneMasked: string | null;

  @Field()
  active: boolean;

  @Field({ description: 'the member has an account of the system' })
  hasAccount: boolean;
}

@ObjectType({ description: 'AB角: a duty with its A (on duty) and B (stands in when A is absent)' })
export class DutyPair {
  @Field(() => ID)
  id: number;

  centerId: number;

  @Field({ description: 'the duty, e.g. 前台接待, 帮办代办' })
  duty: string;

  aMemberId: number;

  bMemberId: number;
}

@ObjectType({ description: 'who is on a duty at a center on a day and shift' })
export class RotaEntry {
  @Field(() => ID)
  id: number;

  centerId: number;

  @Field({ description: 'YYYY-MM-DD (Shanghai)' })
  day: string;

  @Field(() => DutyShiftEnum)
  shift: DutyShift;

  pairId: number;

  @Field()
  duty: string;

  aMemberId: number;

  bMemberId: number;

  @Field({ description: 'A is marked absent: B is on duty' })
  aAbsent: boolean;
}

@ObjectType({ description: 'who is on duty at a center now (public: name and role only)' })
export class DutyPerson {
  @Field()
  name: string;

  @Field(() => TeamRoleEnum)
  teamRole: TeamRole;

  @Field()
  duty: string;

  @Field(() => DutyShiftEnum)
  shift: DutyShift;

  @Field({ description: 'the B of the duty, standing in for an absent A' })
  isBackup: boolean;
}

@InputType()
export class TeamMemberInput {
  @Field(() => String, { nullable: true, description: 'the name (an account’s name when left out)' })
  name?: string | null;

  @Field(() => TeamRoleEnum, { nullable: true })
  teamRole?: TeamRole | null;

  @Field(() => ID, { nullable: true, description: 'the member’s account, when they have one' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'mobile number (an empty string removes it)' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class RotaEntryInput {
  @Field(() => ID)
  centerId: string;

  @Field({ description: 'YYYY-MM-DD' })
  day: string;

  @Field(() => DutyShiftEnum)
  shift: DutyShift;

  @Field(() => ID, { description: 'the AB pair on duty' })
  pairId: string;
}
