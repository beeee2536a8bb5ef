import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../../../common/connection';
import { Center } from '../center.entity';
import { Region } from '../region.entity';

export const { EdgeType: CenterEdge, ConnectionType: CenterConnection } = connectionTypes(Center, 'Center');

@ObjectType({ description: 'a center and how far it is on foot' })
export class CenterDistance {
  @Field(() => Center)
  center: Center;

  @Field(() => Float, { description: 'straight-line (great-circle) metres' })
  distanceMeters: number;

  @Field(() => Float, { description: 'minutes on foot at 4.5 km/h' })
  walkingMinutes: number;
}

@ObjectType({ description: '15-minute coverage of the communities in a region' })
export class CoverageReport {
  @Field(() => Region)
  region: Region;

  @Field(() => Int)
  withinMinutes: number;

  @Field(() => Int, { description: 'communities in the region' })
  communities: number;

  @Field(() => Int, { description: 'communities with a center within withinMinutes on foot' })
  covered: number;

  @Field(() => [Region], { description: 'communities with no center within withinMinutes on foot' })
  uncovered: Region[];
}
