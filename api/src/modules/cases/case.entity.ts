import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  CASE_ACTIONS,
  CASE_LEVELS,
  CASE_RESPONSIBILITIES,
  CASE_SOURCES,
  CASE_STATUSES,
  JOINT_FORCES,
  type CaseLevel,
  type CaseResponsibility,
  type CaseSource,
  type CaseStatus,
  type JointForce,
} from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { StoredFile } from '../../common/stored-file.entity';

export const CaseStatusEnum = enumObject(CASE_STATUSES);
registerEnumType(CaseStatusEnum, {
  name: 'CaseStatus',
  description:
    '待受理 → 已受理 → 已指派 → 处理中 → 已处理待确认 → 已办结; 已上报 (a level up), 重新办理, 不予受理',
});
export const CaseLevelEnum = enumObject(CASE_LEVELS);
registerEnumType(CaseLevelEnum, {
  name: 'CaseLevel',
  description: 'the escalation ladder: 居村自治 → 联勤联动 → 街镇城运中心',
});
export const CaseSourceEnum = enumObject(CASE_SOURCES);
registerEnumType(CaseSourceEnum, { name: 'CaseSource', description: 'where a case came from' });
export const CaseResponsibilityEnum = enumObject(CASE_RESPONSIBILITIES);
registerEnumType(CaseResponsibilityEnum, {
  name: 'CaseResponsibility',
  description: '三个责任制: 首问 first contact, 指定 assigned, 兜底 fallback (the community secretary)',
});
export const JointForceEnum = enumObject(JOINT_FORCES);
registerEnumType(JointForceEnum, { name: 'JointForce', description: 'the force of 联勤联动 a case goes to' });
export const CaseActionEnum = enumObject(CASE_ACTIONS);
registerEnumType(CaseActionEnum, { name: 'CaseAction', description: 'a move of a case (CASE_TRANSITIONS)' });

/** A resident's problem (诉求), reported in the app, found by staff, or sent through Open311. */
@ObjectType({ description: '诉求: a problem a resident reported or staff found' })
@Entity('resident_case')
export class Case {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  @Column({ name: 'center_id', type: 'int', nullable: true })
  centerId: number | null;

  @Field({ description: "the category's code (see category)" })
  @Column({ name: 'category', type: 'text' })
  categoryCode: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng: number | null;

  @Field(() => CaseSourceEnum)
  @Column({ type: 'text' })
  source: CaseSource;

  @Field(() => CaseStatusEnum)
  @Column({ type: 'text' })
  status: CaseStatus;

  @Field(() => CaseLevelEnum)
  @Column({ type: 'text' })
  level: CaseLevel;

  @Field(() => CaseResponsibilityEnum, { description: 'which of the three responsibilities holds it now' })
  @Column({ type: 'text' })
  responsibility: CaseResponsibility;

  @Field(() => JointForceEnum, { nullable: true, description: 'the force, once at 联勤联动' })
  @Column({ name: 'joint_force', type: 'text', nullable: true })
  jointForce: JointForce | null;

  @Field(() => String, { nullable: true, description: 'which department, for OTHER_DEPARTMENT' })
  @Column({ name: 'joint_department', type: 'text', nullable: true })
  jointDepartment: string | null;

  @Column({ name: 'reporter_id', type: 'int', nullable: true })
  reporterId: number | null;

  @Column({ name: 'entered_by', type: 'int', nullable: true })
  enteredBy: number | null;

  @Column({ name: 'first_contact_id', type: 'int', nullable: true })
  firstContactId: number | null;

  @Column({ name: 'owner_id', type: 'int', nullable: true })
  ownerId: number | null;

  /** Open311: the label of the integrator's key */
  @Column({ type: 'text', nullable: true })
  integrator: string | null;

  /** Open311 or staff entry: the reporter's contact, encrypted (personal data) */
  @Column({ name: 'contact_enc', type: 'text', nullable: true, select: false })
  contactEnc: string | null;

  @Column({ name: 'contact_masked', type: 'text', nullable: true })
  contactMasked: string | null;

  @Field({ description: 'made public by staff (then also listed through Open311)' })
  @Column({ name: 'is_public', type: 'boolean' })
  isPublic: boolean;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Field(() => Date)
  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { description: 'when the case reached its current level' })
  @Column({ name: 'level_started_at', type: 'timestamptz' })
  levelStartedAt: Date;

  @Field(() => Date, {
    nullable: true,
    description:
      'the running deadline in working time: to accept while REPORTED, then to resolve at the level',
  })
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'when the overdue worker found it past its deadline' })
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Field(() => CaseLevelEnum, { nullable: true, description: 'the level it was resolved at' })
  @Column({ name: 'resolved_level', type: 'text', nullable: true })
  resolvedLevel: CaseLevel | null;

  @Field(() => String, { nullable: true, description: 'what was done (the reporter sees it)' })
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Field(() => String, { nullable: true, description: 'why it was not taken up (the reporter sees it)' })
  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'a resolved case closes by itself at this moment' })
  @Column({ name: 'follow_up_due_at', type: 'timestamptz', nullable: true })
  followUpDueAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: "the reporter's answer: fixed or not" })
  @Column({ name: 'follow_up_fixed', type: 'boolean', nullable: true })
  followUpFixed: boolean | null;

  @Field(() => Int, { nullable: true, description: "the reporter's rating, 1–5" })
  @Column({ name: 'follow_up_rating', type: 'smallint', nullable: true })
  followUpRating: number | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'follow_up_comment', type: 'text', nullable: true })
  followUpComment: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'followed_up_at', type: 'timestamptz', nullable: true })
  followedUpAt: Date | null;

  @Column({ name: 'merged_into_id', type: 'int', nullable: true })
  mergedIntoId: number | null;

  @Field(() => Int, { description: 'bumped by every move; pass it back to detect concurrent moves' })
  @Column({ type: 'int' })
  version: number;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One step of a case's timeline: who, when, why. */
@ObjectType({ description: 'a step of a case: who did what, when and why' })
@Entity('case_event')
export class CaseEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Field({ description: 'REPORT, OVERDUE, MERGED_IN or a CaseAction' })
  @Column({ type: 'text' })
  kind: string;

  @Field(() => CaseStatusEnum, { nullable: true })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CaseStatus | null;

  @Field(() => CaseStatusEnum, { nullable: true })
  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: CaseStatus | null;

  @Field(() => CaseLevelEnum, { nullable: true })
  @Column({ name: 'from_level', type: 'text', nullable: true })
  fromLevel: CaseLevel | null;

  @Field(() => CaseLevelEnum, { nullable: true })
  @Column({ name: 'to_level', type: 'text', nullable: true })
  toLevel: CaseLevel | null;

  @Field({ description: 'STAFF, REPORTER, SYSTEM or INTEGRATOR' })
  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: string;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Column({ name: 'assignee_id', type: 'int', nullable: true })
  assigneeId: number | null;

  @Field(() => JointForceEnum, { nullable: true })
  @Column({ name: 'joint_force', type: 'text', nullable: true })
  jointForce: JointForce | null;

  @Field(() => String, { nullable: true, description: 'the reason, the resolution or the comment' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Field(() => Date, { nullable: true, description: 'the deadline this step set' })
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;
}

@ObjectType({ description: 'a photo of a case (up to 3)' })
@Entity('case_photo')
export class CasePhoto extends StoredFile {
  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'uploaded_by', type: 'int', nullable: true })
  uploadedBy: number | null;
}

/** A case category as a district keeps it (or the default every district starts from). */
@ObjectType({
  description: "a category of cases with its handling level and time limits (a district's setting)",
})
@Entity('case_category')
export class CaseCategory {
  @PrimaryGeneratedColumn()
  id: number;

  /** null: the default */
  @Column({ name: 'district_id', type: 'int', nullable: true })
  districtId: number | null;

  @Field()
  @Column({ type: 'text' })
  code: string;

  @Field({ description: 'the name in Chinese' })
  @Column({ name: 'name_zh', type: 'text' })
  name: string;

  @Field()
  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Field(() => CaseLevelEnum, { description: 'the level a case of this category starts at' })
  @Column({ name: 'start_level', type: 'text' })
  startLevel: CaseLevel;

  @Field(() => Int, { description: 'working hours to accept' })
  @Column({ name: 'accept_hours', type: 'int' })
  acceptHours: number;

  @Field(() => Int, { description: 'working hours to resolve at community level' })
  @Column({ name: 'community_hours', type: 'int' })
  communityHours: number;

  @Field(() => Int, { description: 'working hours to resolve at 联勤联动' })
  @Column({ name: 'joint_hours', type: 'int' })
  jointHours: number;

  @Field(() => Int, { description: 'working hours to resolve at the street operations center' })
  @Column({ name: 'street_hours', type: 'int' })
  streetHours: number;

  @Field()
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => Int)
  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;
}
