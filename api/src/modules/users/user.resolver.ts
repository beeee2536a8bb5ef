import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { User } from './user.entity';
import { userService } from './user.service';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'a JWT bearer token: send it as `Authorization: Bearer <token>`' })
  token: string;

  @Field(() => User)
  user: User;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: 'the signed-in user, or null' })
  me(@Ctx() ctx: Context): Promise<User | null> {
    return userService.me(ctx);
  }

  @Mutation(() => AuthPayload)
  login(
    @Ctx() ctx: Context,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return userService.login(ctx, username, password);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description:
      "the region (or, for center staff, the center's street) the user may act in; null for residents",
  })
  scope(@Ctx() ctx: Context, @Root() user: User): Promise<Region | null> {
    return userService.scope(ctx, user);
  }
}
