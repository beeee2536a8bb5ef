import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { OFFERING_CAPACITY_MAX, SEARCH_MAX_LENGTH, type ServiceCategory, type ServiceMenu } from '@lc/domain';
import { ServiceCategoryEnum, ServiceMenuEnum } from '../service-item.entity';
import { ScheduleRule } from '../service-offering.entity';

@InputType()
export class ServiceFilter {
  @Field(() => ServiceMenuEnum, { nullable: true })
  menu?: ServiceMenu | null;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => ID, { nullable: true, description: 'items available in this region' })
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: 'matches name or description' })
  @IsOptional()
  @MaxLength(SEARCH_MAX_LENGTH, {
    message: `搜索词不能超过${SEARCH_MAX_LENGTH}个字 / search must be at most ${SEARCH_MAX_LENGTH} characters`,
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'only items for this audience code' })
  audience?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'include retired items' })
  includeRetired?: boolean | null;
}

@InputType({ description: 'a new item of one of the menus' })
export class CreateServiceItemInput {
  @Field(() => ServiceMenuEnum)
  menu: ServiceMenu;

  @Field(() => ID, {
    nullable: true,
    description:
      "the owning district (DISTRICT, MOBILE) or street (STREET_FEATURE); defaults to the caller's",
  })
  ownerRegionId?: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ServiceCategoryEnum)
  category: ServiceCategory;

  @Field(() => [String], { nullable: true, description: 'audience codes' })
  audience?: string[] | null;

  @Field(() => String, { nullable: true })
  fee?: string | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'the department the item came from' })
  department?: string | null;
}

@InputType({ description: 'fields of an item to change; omitted fields stay as they are' })
export class UpdateServiceItemInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => [String], { nullable: true })
  audience?: string[] | null;

  @Field(() => String, { nullable: true })
  fee?: string | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => String, { nullable: true })
  department?: string | null;
}

@InputType({ description: 'a center offers an item: schedule, capacity and fee (creates or replaces)' })
export class SetOfferingInput {
  @Field(() => ID)
  centerId: string;

  @Field(() => ID)
  serviceId: string;

  @Field(() => [ScheduleRule], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  schedule?: ScheduleRule[] | null;

  @Field(() => Int, { nullable: true, description: 'places per session; null when not limited' })
  @IsOptional()
  @Min(0, { message: '名额不能为负 / capacity must not be negative' })
  @Max(OFFERING_CAPACITY_MAX, { message: `名额不能超过${OFFERING_CAPACITY_MAX} / capacity too large` })
  capacity?: number | null;

  @Field(() => String, { nullable: true, description: "fee override; the item's fee applies when null" })
  @IsOptional()
  @MaxLength(100, { message: '收费说明不能超过100个字 / fee must be at most 100 characters' })
  fee?: string | null;
}

@InputType()
export class OfferingFilter {
  @Field(() => ID, { nullable: true })
  centerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'offerings of the centers of this district or street' })
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;
}
