import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, MaxLength, MinLength } from 'class-validator';
import { ADDRESS_MAX_LENGTH, OPENING_HOURS_MAX_LENGTH, SEARCH_MAX_LENGTH, type CenterKind } from '@lc/domain';
import { CenterKindEnum } from '../center.entity';

@InputType()
export class CenterFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'the district, street or community the center lies in or covers',
  })
  regionId?: string | null;

  @Field(() => CenterKindEnum, { nullable: true })
  kind?: CenterKind | null;

  @Field(() => String, { nullable: true, description: 'matches name or address; Chinese text included' })
  @IsOptional()
  @MaxLength(SEARCH_MAX_LENGTH, {
    message: `搜索词不能超过${SEARCH_MAX_LENGTH}个字 / search must be at most ${SEARCH_MAX_LENGTH} characters`,
  })
  search?: string | null;
}

@InputType({ description: 'fields of a center its managers may change; omitted fields stay as they are' })
export class UpdateCenterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1, { message: '地址不能为空 / address must not be empty' })
  @MaxLength(ADDRESS_MAX_LENGTH, {
    message: `地址不能超过${ADDRESS_MAX_LENGTH}个字 / address must be at most ${ADDRESS_MAX_LENGTH} characters`,
  })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(OPENING_HOURS_MAX_LENGTH, {
    message: `开放时间不能超过${OPENING_HOURS_MAX_LENGTH}个字 / openingHours must be at most ${OPENING_HOURS_MAX_LENGTH} characters`,
  })
  openingHours?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'the center’s public phone number (an empty string removes it)',
  })
  @IsOptional()
  @MaxLength(40, { message: '电话不能超过40个字 / phone must be at most 40 characters' })
  phone?: string | null;

  @Field(() => [String], { nullable: true, description: 'facility codes' })
  @IsOptional()
  @ArrayMaxSize(50)
  facilities?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'zone codes' })
  @IsOptional()
  @ArrayMaxSize(50)
  zones?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "communities of the center's street it is responsible for",
  })
  @IsOptional()
  @ArrayMaxSize(500)
  coveredCommunityIds?: string[] | null;
}
