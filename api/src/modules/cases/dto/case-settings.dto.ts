import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CALENDAR_DAY_KINDS, type CalendarDayKind, type CaseLevel } from '@lc/domain';
import { enumObject } from '../../../common/enum-object';
import { CaseLevelEnum } from '../case.entity';

export const CalendarDayKindEnum = enumObject(CALENDAR_DAY_KINDS);
registerEnumType(CalendarDayKindEnum, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY: no work on a weekday; WORKDAY: a make-up working day (调休) on a weekend',
});

@ObjectType({ description: 'a day that differs from the weekday rule in a district’s working calendar' })
export class CalendarDay {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => CalendarDayKindEnum)
  kind: CalendarDayKind;

  @Field()
  name: string;

  @Field({ description: 'a best estimate, not yet in a State Council notice' })
  estimated: boolean;

  @Field({ description: "the district's own setting (else the national calendar)" })
  districtSetting: boolean;
}

@InputType()
export class SaveCaseCategoryInput {
  @Field(() => ID)
  districtId: string;

  @Field({ description: 'A–Z, 0–9 and _; an existing code changes that category' })
  code: string;

  @Field({ description: 'the name in Chinese' })
  name: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => CaseLevelEnum)
  startLevel: CaseLevel;

  @Field(() => Int)
  acceptHours: number;

  @Field(() => Int)
  communityHours: number;

  @Field(() => Int)
  jointHours: number;

  @Field(() => Int)
  streetHours: number;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean | null;

  @Field(() => Int, { nullable: true })
  sortOrder?: number | null;
}
