import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { SEARCH_MAX_LENGTH, type ServiceCategory, type ServiceMenu } from '@lc/domain';
import { ServiceCategoryEnum, ServiceMenuEnum } from '../service-item.entity';

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
}
