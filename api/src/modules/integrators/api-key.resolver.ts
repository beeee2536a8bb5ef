import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { apiKeyService } from './api-key.service';
import { ApiKey, ApiKeyConnection, IssueApiKeyInput, IssuedApiKey } from './api-key.types';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized('DISTRICT_ADMIN')
  @Query(() => ApiKeyConnection, {
    description: '开放接口: the district’s API keys, newest first (district admins)',
  })
  apiKeys(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ApiKey>> {
    return apiKeyService.list(ctx, first, after);
  }

  @Authorized('DISTRICT_ADMIN')
  @Mutation(() => IssuedApiKey, {
    description:
      'issues a key for a named integrator: region, permissions, optional expiry; the secret is shown once',
  })
  issueApiKey(
    @Ctx() ctx: Context,
    @Arg('input', () => IssueApiKeyInput) input: IssueApiKeyInput,
  ): Promise<IssuedApiKey> {
    return apiKeyService.issue(ctx, input);
  }

  @Authorized('DISTRICT_ADMIN')
  @Mutation(() => ApiKey, { description: 'revokes a key at once: the next request with it is refused' })
  revokeApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiKey> {
    return apiKeyService.revoke(ctx, id);
  }

  @FieldResolver(() => Region, { description: 'the district or street the key works in' })
  region(@Ctx() ctx: Context, @Root() key: ApiKey): Promise<Region> {
    return ctx.loaders.places.regionById.load(key.regionId) as Promise<Region>;
  }
}
