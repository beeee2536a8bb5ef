import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { SEARCH_MAX_LENGTH, type DemandSource, type DemandStatus, type ServiceCategory } from '@lc/domain';
import { ServiceCategoryEnum } from '../../services/service-item.entity';
import { DemandSourceEnum, DemandStatusEnum } from '../demand.entity';

@InputType({ description: 'a new demand of a community (需求)' })
export class CreateDemandInput {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ServiceCategoryEnum)
  category: ServiceCategory;

  @Field(() => ID, { description: 'the community (居委/村委) the demand is for' })
  communityId: string;

  @Field(() => DemandSourceEnum, {
    nullable: true,
    description:
      'where it was gathered: residents raise with RESIDENT_APP (the default); staff must give VISIT, SURVEY_COMMENT, HOTLINE or OTHER',
  })
  source?: DemandSource | null;
}

@InputType()
export class DemandFilter {
  @Field(() => ID, { nullable: true, description: 'demands of this district, street or community' })
  regionId?: string | null;

  @Field(() => DemandStatusEnum, { nullable: true })
  status?: DemandStatus | null;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => String, { nullable: true, description: 'matches title or description' })
  @IsOptional()
  @MaxLength(SEARCH_MAX_LENGTH, {
    message: `搜索词不能超过${SEARCH_MAX_LENGTH}个字 / search must be at most ${SEARCH_MAX_LENGTH} characters`,
  })
  search?: string | null;

  @Field(() => DemandSourceEnum, { nullable: true })
  source?: DemandSource | null;
}
