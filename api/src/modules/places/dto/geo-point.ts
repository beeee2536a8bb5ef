import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';

@ObjectType({ description: 'a WGS-84 point' })
export class GeoPoint {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;
}

@InputType({ description: 'a WGS-84 point' })
export class GeoPointInput {
  @Field(() => Float)
  @Min(-90, { message: '纬度须在 -90 到 90 之间 / lat must be between -90 and 90' })
  @Max(90, { message: '纬度须在 -90 到 90 之间 / lat must be between -90 and 90' })
  lat: number;

  @Field(() => Float)
  @Min(-180, { message: '经度须在 -180 到 180 之间 / lng must be between -180 and 180' })
  @Max(180, { message: '经度须在 -180 到 180 之间 / lng must be between -180 and 180' })
  lng: number;
}

export function pointOf(row: { lat: number | null; lng: number | null }): GeoPoint | null {
  return row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng };
}
