import { Field, Float, InputType, Int } from 'type-graphql';
import type { Dimension } from '@lc/domain';
import { DimensionEnum } from '../satisfaction.enums';

@InputType()
export class DimensionWeightInput {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => Float, { description: '0–100; the eight weights must not all be 0' })
  weight: number;
}

@InputType()
export class DimensionIndicatorInput {
  @Field(() => DimensionEnum)
  dimension: Dimension;

  @Field(() => String, { nullable: true, description: 'empty or null clears the description' })
  description?: string | null;
}

@InputType({
  description:
    'changes to a district’s settings; fields left out keep their value, listed dimensions change alone',
})
export class UpdateDistrictSettingsInput {
  @Field(() => Int, { nullable: true, description: '0–10' })
  satisfiedThreshold?: number | null;

  @Field(() => Float, { nullable: true, description: '0–1' })
  complianceTarget?: number | null;

  @Field(() => Float, { nullable: true, description: '0–1' })
  satisfactionWeight?: number | null;

  @Field(() => [DimensionWeightInput], { nullable: true })
  dimensionWeights?: DimensionWeightInput[] | null;

  @Field(() => [DimensionIndicatorInput], { nullable: true })
  indicators?: DimensionIndicatorInput[] | null;
}
