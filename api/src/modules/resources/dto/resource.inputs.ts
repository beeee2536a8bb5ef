import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { SEARCH_MAX_LENGTH, type ResourceKind, type ServiceCategory } from '@lc/domain';
import { ServiceCategoryEnum } from '../../services/service-item.entity';
import { ResourceKindEnum } from '../resource.entity';

@InputType({ description: 'a new resource (资源)' })
export class CreateResourceInput {
  @Field()
  name: string;

  @Field(() => ResourceKindEnum)
  kind: ResourceKind;

  @Field(() => ServiceCategoryEnum)
  category: ServiceCategory;

  @Field(() => ID, {
    description:
      'the area served: a district, street or community; the resource belongs to its street (a district-wide one to the district)',
  })
  regionId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'how many projects it can serve at once; null when not limited',
  })
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true, description: 'personal data: stored encrypted, answered masked' })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'when it is available, e.g. 周末、工作日晚上' })
  availability?: string | null;
}

@InputType({ description: 'fields of a resource to change; omitted fields stay as they are, null clears' })
export class UpdateResourceInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ResourceKindEnum, { nullable: true })
  kind?: ResourceKind | null;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => ID, { nullable: true, description: 'the area served (a district, street or community)' })
  regionId?: string | null;

  @Field(() => Int, { nullable: true })
  capacity?: number | null;

  @Field(() => String, { nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  contactPhone?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  availability?: string | null;
}

@InputType()
export class ResourceFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'resources serving this region: a district → all of it; a street → those serving the street, one of its communities or the whole district; a community → those serving it, its street or the whole district',
  })
  regionId?: string | null;

  @Field(() => ServiceCategoryEnum, { nullable: true })
  category?: ServiceCategory | null;

  @Field(() => String, { nullable: true, description: 'matches name or description' })
  @IsOptional()
  @MaxLength(SEARCH_MAX_LENGTH, {
    message: `搜索词不能超过${SEARCH_MAX_LENGTH}个字 / search must be at most ${SEARCH_MAX_LENGTH} characters`,
  })
  search?: string | null;

  @Field(() => ResourceKindEnum, { nullable: true })
  kind?: ResourceKind | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description: 'only active resources (default)',
  })
  activeOnly?: boolean | null;
}
