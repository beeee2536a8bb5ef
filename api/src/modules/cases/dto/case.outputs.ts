import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { CaseLevel, CaseStatus } from '@lc/domain';
import { connectionTypes } from '../../../common/connection';
import { Case, CaseLevelEnum, CaseStatusEnum } from '../case.entity';

export const { EdgeType: CaseEdge, ConnectionType: CaseConnection } = connectionTypes(Case, 'Case');

@ObjectType({
  description: 'how many cases are in a status (or at a level), and how many of them are overdue',
})
export class CaseCount {
  @Field(() => CaseStatusEnum, { nullable: true })
  status: CaseStatus | null;

  @Field(() => CaseLevelEnum, { nullable: true })
  level: CaseLevel | null;

  @Field(() => Int)
  count: number;

  @Field(() => Int)
  overdue: number;
}

@ObjectType({ description: 'the board of a street or center: unfinished cases by status and level' })
export class CaseBoard {
  @Field(() => Int, { description: 'unfinished cases (not closed or rejected)' })
  total: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int, { description: 'due within the next 4 working hours … a day: due today or tomorrow' })
  dueSoon: number;

  @Field(() => [CaseCount])
  byStatus: CaseCount[];

  @Field(() => [CaseCount])
  byLevel: CaseCount[];
}

@ObjectType({ description: 'case figures of a street (or district) over a period, for the 运营看板' })
export class CaseFigures {
  regionId: number;

  @Field(() => Int, { description: 'cases reported in the period' })
  reported: number;

  @Field(() => Int, { description: 'unfinished now (clock running)' })
  open: number;

  @Field(() => Int, { description: 'overdue now' })
  overdue: number;

  @Field(() => Int, { description: 'of those reported in the period, resolved (or closed after resolution)' })
  resolved: number;

  @Field(() => Float, { nullable: true, description: 'median hours from report to resolution' })
  medianHoursToResolve: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'share of the resolved ones resolved at community level (0–1)',
  })
  communityShare: number | null;

  @Field(() => Float, { nullable: true, description: "the reporters' average follow-up rating (1–5)" })
  followUpRating: number | null;

  @Field(() => Float, { nullable: true, description: 'share of follow-ups that said fixed (0–1)' })
  fixedShare: number | null;

  @Field(() => Int, { description: 'follow-ups answered' })
  followUps: number;
}

@ObjectType({ description: 'an unfinished case on the map' })
export class CaseMapPoint {
  @Field(() => ID)
  id: number;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => CaseStatusEnum)
  status: CaseStatus;

  @Field(() => CaseLevelEnum)
  level: CaseLevel;

  @Field()
  category: string;

  @Field()
  overdue: boolean;

  @Field(() => Date, { nullable: true })
  deadlineAt: Date | null;
}

@ObjectType({ description: 'a staff member a case can be assigned to' })
export class CaseAssignee {
  @Field(() => ID)
  id: number;

  @Field()
  displayName: string;

  @Field({ description: 'CENTER_STAFF or STREET_ADMIN' })
  role: string;

  @Field({ description: 'the community secretary (兜底) of the case' })
  secretary: boolean;

  @Field(() => Int, { description: 'unfinished cases they hold now' })
  openCases: number;
}

@ObjectType({ description: 'an open case that may be the same problem' })
export class SimilarCase {
  @Field(() => Case)
  case: Case;

  @Field(() => Float, { description: 'text similarity 0–1' })
  similarity: number;

  @Field(() => Int)
  distanceMeters: number;
}
