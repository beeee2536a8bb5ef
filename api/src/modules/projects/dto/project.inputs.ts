import { Field, Float, ID, InputType, Int } from 'type-graphql';
import type { MeetingKind, MeetingOutcome, ProjectStatus } from '@lc/domain';
import { MeetingKindEnum, MeetingOutcomeEnum, ProjectStatusEnum } from '../project.entity';

@InputType()
export class ProjectFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'projects of this district or street, or touching this community',
  })
  regionId?: string | null;

  @Field(() => ProjectStatusEnum, { nullable: true })
  status?: ProjectStatus | null;

  @Field(() => String, { nullable: true, description: 'matches the title' })
  search?: string | null;
}

@InputType()
export class CreateProjectInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { description: 'the demands the project answers (one street)' })
  demandIds: string[];

  @Field(() => [ID], { description: 'the resources it uses' })
  resourceIds: string[];

  @Field({ description: '财力出资: paid from public money (then the three meetings apply)' })
  publiclyFunded: boolean;

  @Field(() => Float, { nullable: true })
  budgetYuan?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'the center running it; center staff: their own (default)',
  })
  centerId?: string | null;
}

@InputType()
export class RecordMeetingInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => MeetingKindEnum)
  kind: MeetingKind;

  @Field(() => Date)
  heldAt: Date;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => Int)
  attendees: number;

  @Field(() => [String], { nullable: true, description: "residents' representatives by name" })
  representatives?: string[] | null;

  @Field()
  minutes: string;

  @Field(() => MeetingOutcomeEnum)
  outcome: MeetingOutcome;

  @Field()
  resolution: string;

  @Field(() => Int, { nullable: true })
  votesFor?: number | null;

  @Field(() => Int, { nullable: true })
  votesAgainst?: number | null;

  @Field(() => Int, { nullable: true })
  votesAbstain?: number | null;
}

@InputType({ description: 'announce the next meeting of a project (shown to its residents)' })
export class PlanMeetingInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => MeetingKindEnum)
  kind: MeetingKind;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  place?: string | null;
}
