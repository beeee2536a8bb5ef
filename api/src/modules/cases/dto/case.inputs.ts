import { Field, ID, InputType, Int } from 'type-graphql';
import type { CaseAction, CaseLevel, CaseSource, CaseStatus, JointForce } from '@lc/domain';
import { GeoPointInput } from '../../places/dto/geo-point';
import {
  CaseActionEnum,
  CaseLevelEnum,
  CaseSourceEnum,
  CaseStatusEnum,
  JointForceEnum,
} from '../case.entity';

@InputType()
export class ReportCaseInput {
  @Field({ description: "a category code of the district's categories (caseCategories)" })
  category: string;

  @Field()
  description: string;

  @Field(() => ID, {
    nullable: true,
    description: 'the community (居村委) it is in, when not located by GPS',
  })
  communityId?: string | null;

  @Field(() => GeoPointInput, {
    nullable: true,
    description: 'where it is (GPS); the community is found from it',
  })
  point?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: 'where exactly: building, entrance, floor' })
  address?: string | null;

  @Field(() => CaseSourceEnum, {
    nullable: true,
    description: 'residents: RESIDENT_APP (the default); staff: PATROL, VISIT, HOTLINE or WALK_IN',
  })
  source?: CaseSource | null;

  @Field(() => String, {
    nullable: true,
    description: 'staff entry: the reporter’s name and phone, kept encrypted and shown masked',
  })
  contact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'the same key again (a retry, a double tap) returns the case made the first time',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class MoveCaseInput {
  @Field(() => CaseActionEnum)
  action: CaseAction;

  @Field(() => Int, {
    nullable: true,
    description: 'the version the caller saw; CONFLICT when the case moved since',
  })
  version?: number | null;

  @Field(() => String, { nullable: true, description: 'REJECT, HAND_OVER, ESCALATE: why' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'RESOLVE: what was done' })
  note?: string | null;

  @Field(() => ID, { nullable: true, description: 'ASSIGN: the staff member who handles it' })
  assigneeId?: string | null;

  @Field(() => CaseLevelEnum, { nullable: true, description: 'ESCALATE: the level it goes to' })
  level?: CaseLevel | null;

  @Field(() => JointForceEnum, { nullable: true, description: 'ESCALATE to JOINT_ENFORCEMENT: the force' })
  jointForce?: JointForce | null;

  @Field(() => String, { nullable: true, description: 'the department, for OTHER_DEPARTMENT' })
  jointDepartment?: string | null;

  @Field(() => Int, { nullable: true, description: 'CONFIRM_FIXED, NOT_FIXED: 1–5' })
  rating?: number | null;

  @Field(() => String, { nullable: true, description: "CONFIRM_FIXED, NOT_FIXED: the reporter's words" })
  comment?: string | null;

  @Field(() => ID, { nullable: true, description: 'MERGE: the case this one duplicates' })
  targetCaseId?: string | null;
}

@InputType()
export class CaseFilter {
  @Field(() => ID, { nullable: true, description: 'cases of this district, street or community' })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => [CaseStatusEnum], { nullable: true, description: 'default: every unfinished status' })
  statuses?: CaseStatus[] | null;

  @Field(() => CaseLevelEnum, { nullable: true })
  level?: CaseLevel | null;

  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'only overdue (true) or only on time (false)' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'only the cases the caller holds' })
  mine?: boolean | null;

  @Field(() => String, { nullable: true, description: 'words of the description or address' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'also closed and rejected cases' })
  includeFinished?: boolean | null;
}
