import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { API_PERMISSIONS, type ApiPermission } from '@lc/domain';
import { connectionTypes } from '../../common/connection';
import { enumObject } from '../../common/enum-object';

export const ApiPermissionEnum = enumObject(API_PERMISSIONS);
registerEnumType(ApiPermissionEnum, { name: 'ApiPermission', description: 'what an API key may do' });

@ObjectType({ description: 'an API key of an integrator (the secret itself is shown only when issued)' })
export class ApiKey {
  @Field(() => ID)
  id: number;

  @Field({ description: 'the integrator it was issued to' })
  name: string;

  @Field({ description: 'the visible start of the key, e.g. lck_3f9a1c0b7e' })
  prefix: string;

  regionId: number;

  districtId: number;

  @Field(() => [ApiPermissionEnum])
  permissions: ApiPermission[];

  @Field(() => Int)
  rateLimitPerMinute: number;

  @Field(() => Int, { description: 'query-cost points per minute' })
  costBudgetPerMinute: number;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;

  @Field({ description: 'not revoked and not expired' })
  active: boolean;
}

export const { EdgeType: ApiKeyEdge, ConnectionType: ApiKeyConnection } = connectionTypes(ApiKey, 'ApiKey');

@InputType()
export class IssueApiKeyInput {
  @Field({ description: 'the integrator’s name' })
  name: string;

  @Field(() => ID, { description: 'the district or street the key reads and writes in' })
  regionId: string;

  @Field(() => [ApiPermissionEnum])
  permissions: ApiPermission[];

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'requests per minute (default 120)' })
  rateLimitPerMinute?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'query-cost points per minute (default 2000000; one operation at most the signed-in budget)',
  })
  costBudgetPerMinute?: number | null;
}

@ObjectType()
export class IssuedApiKey {
  @Field(() => ApiKey)
  key: ApiKey;

  @Field({ description: 'the whole key, shown this once: send it as `Authorization: ApiKey <key>`' })
  secret: string;
}
