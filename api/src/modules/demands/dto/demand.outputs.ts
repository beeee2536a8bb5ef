import { Field, Float, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/connection';
import { Demand } from '../demand.entity';

export const { EdgeType: DemandEdge, ConnectionType: DemandConnection } = connectionTypes(Demand, 'Demand');

@ObjectType({
  description: 'an open demand like the one being written: second it instead of raising a new one',
})
export class SimilarDemand {
  @Field(() => Demand)
  demand: Demand;

  @Field(() => Float, {
    description:
      'similarity 0–1: Dice coefficient of character bigrams, title 70 % and title+description 30 % (@lc/domain demandSimilarity)',
  })
  score: number;
}
