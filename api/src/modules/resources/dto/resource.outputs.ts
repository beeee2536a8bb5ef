import { Field, Float, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/connection';
import { Resource } from '../resource.entity';

export const { EdgeType: ResourceEdge, ConnectionType: ResourceConnection } = connectionTypes(
  Resource,
  'Resource',
);

@ObjectType({ description: "a resource's contact person, revealed to the owning street's staff (recorded)" })
export class ResourceContact {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType({ description: "who saw a resource's contact, when and why" })
export class ResourceContactReveal {
  @Field(() => ID)
  id: number;

  @Field()
  actorName: string;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => Date)
  at: Date;
}

@ObjectType({ description: 'one part of a match score, with its reason' })
export class MatchReason {
  @Field({ description: 'CATEGORY | AREA | CAPACITY | REVIEWS' })
  factor: string;

  @Field(() => Float)
  points: number;

  @Field({ description: '中文 / English' })
  explanation: string;
}

@ObjectType({ description: 'a resource suggested for a demand, with a score its reasons add up to' })
export class ResourceMatch {
  @Field(() => Resource)
  resource: Resource;

  @Field(() => Float, { description: '0–100: CATEGORY 40 + AREA 30 + CAPACITY 15 + REVIEWS 15 at most' })
  score: number;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}
