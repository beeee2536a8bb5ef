import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import {
  MEETING_KINDS,
  MEETING_OUTCOMES,
  PROJECT_STATUSES,
  type MeetingKind,
  type MeetingOutcome,
  type ProjectStatus,
} from '@lc/domain';
import { enumObject } from '../../common/enum-object';
import { StoredFile } from '../../common/stored-file.entity';

export const ProjectStatusEnum = enumObject(PROJECT_STATUSES);
registerEnumType(ProjectStatusEnum, { name: 'ProjectStatus' });
export const MeetingKindEnum = enumObject(MEETING_KINDS);
registerEnumType(MeetingKindEnum, { name: 'MeetingKind', description: '三会: 听证会, 协调会, 评议会' });
export const MeetingOutcomeEnum = enumObject(MEETING_OUTCOMES);
registerEnumType(MeetingOutcomeEnum, {
  name: 'MeetingOutcome',
  description:
    'what a meeting decided: a hearing APPROVED or REJECTED the project; NOTED records without deciding',
});

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** 项目: demands matched with resources, with budget and funding; public money passes the three meetings. */
@ObjectType({ description: '项目清单: demands matched with resources into a project' })
@Entity('project')
export class Project {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ProjectStatusEnum)
  @Column({ type: 'text' })
  status: ProjectStatus;

  @Field({ description: '财力出资的实事项目: paid from public money, so it must pass the three meetings' })
  @Column({ name: 'publicly_funded', type: 'boolean' })
  publiclyFunded: boolean;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'budget_yuan', type: 'numeric', nullable: true, transformer: numeric })
  budgetYuan: number | null;

  @Column({ name: 'center_id', type: 'int', nullable: true })
  centerId: number | null;

  @Column({ name: 'street_id', type: 'int' })
  streetId: number;

  @Column({ name: 'district_id', type: 'int' })
  districtId: number;

  @Column({ name: 'owner_id', type: 'int', nullable: true })
  ownerId: number | null;

  @Field(() => MeetingKindEnum, { nullable: true, description: 'the meeting announced next, if any' })
  @Column({ name: 'next_meeting_kind', type: 'text', nullable: true })
  nextMeetingKind: MeetingKind | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'next_meeting_at', type: 'timestamptz', nullable: true })
  nextMeetingAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'next_meeting_place', type: 'text', nullable: true })
  nextMeetingPlace: string | null;

  /** optimistic concurrency: bumped by every transition */
  @Column({ type: 'int' })
  version: number;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date)
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** 三会: a hearing, coordination or review meeting of a project. */
@ObjectType({ description: '三会: a public meeting of a project' })
@Entity('meeting')
export class Meeting {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Field(() => MeetingKindEnum)
  @Column({ type: 'text' })
  kind: MeetingKind;

  @Field(() => Date)
  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  attendees: number;

  @Field(() => [String], { description: "residents' representatives by name" })
  @Column({ type: 'text', array: true })
  representatives: string[];

  @Field()
  @Column({ type: 'text' })
  minutes: string;

  @Field(() => MeetingOutcomeEnum)
  @Column({ type: 'text' })
  outcome: MeetingOutcome;

  @Field({ description: 'the resolution as written in the minutes' })
  @Column({ type: 'text' })
  resolution: string;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'votes_for', type: 'int', nullable: true })
  votesFor: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'votes_against', type: 'int', nullable: true })
  votesAgainst: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'votes_abstain', type: 'int', nullable: true })
  votesAbstain: number | null;

  @Column({ name: 'recorded_by', type: 'int', nullable: true })
  recordedBy: number | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'a file attached to a meeting (minutes scan, sign-in sheet, photos)' })
@Entity('meeting_attachment')
export class MeetingAttachment extends StoredFile {
  @Column({ name: 'meeting_id', type: 'int' })
  meetingId: number;

  @Column({ name: 'uploaded_by', type: 'int', nullable: true })
  uploadedBy: number | null;
}

/** One entry of a project's timeline: created, a transition, or a meeting. */
@ObjectType({ description: "an entry of a project's timeline" })
@Entity('project_event')
export class ProjectEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'int' })
  projectId: number;

  @Field({ description: 'CREATED, TRANSITION or MEETING' })
  @Column({ type: 'text' })
  kind: string;

  @Field(() => ProjectStatusEnum, { nullable: true })
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ProjectStatus | null;

  @Field(() => ProjectStatusEnum, { nullable: true })
  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: ProjectStatus | null;

  @Column({ name: 'meeting_id', type: 'int', nullable: true })
  meetingId: number | null;

  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'who did it (staff name; residents see the role only)',
  })
  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;
}
