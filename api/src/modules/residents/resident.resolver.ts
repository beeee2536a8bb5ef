import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../context';
import { Center } from '../places/center.entity';
import { Region } from '../places/region.entity';
import { User } from '../users/user.entity';
import { AuthPayload } from '../users/user.resolver';
import { residentService } from './resident.service';

@ObjectType({ description: 'a login code the development SMS sender "sent" (development only)' })
export class DevLoginCode {
  @Field({ description: 'the number it went to, masked' })
  phone: string;

  @Field()
  code: string;

  @Field()
  sentAt: Date;
}

@Resolver(() => User)
export class ResidentResolver {
  @Mutation(() => Boolean, {
    description: 'sends a one-time code to the phone; answers true whether or not the number is known',
  })
  requestLoginCode(@Ctx() ctx: Context, @Arg('phone', () => String) phone: string): Promise<boolean> {
    return residentService.requestLoginCode(ctx, phone);
  }

  @Mutation(() => AuthPayload, {
    description:
      'signs a resident in with the code sent to their phone; the account is made on first sign-in',
  })
  loginWithCode(
    @Ctx() ctx: Context,
    @Arg('phone', () => String) phone: string,
    @Arg('code', () => String) code: string,
  ): Promise<AuthPayload> {
    return residentService.loginWithCode(ctx, phone, code);
  }

  @Query(() => [DevLoginCode], {
    description: 'development only (FORBIDDEN in production): the codes sent to a number, newest first',
  })
  devLoginCodes(@Arg('phone', () => String) phone: string): DevLoginCode[] {
    return residentService.devLoginCodes(phone);
  }

  @Mutation(() => User, { description: 'a signed-in resident chooses the center they order for (我的中心)' })
  setHomeCenter(@Ctx() ctx: Context, @Arg('centerId', () => ID) centerId: string): Promise<User> {
    return residentService.setHomeCenter(ctx, centerId);
  }

  @Mutation(() => User, {
    description:
      'a signed-in resident chooses their community (居委/村委): they raise demands for it and see its projects; also sets their center when they have none',
  })
  setHomeCommunity(@Ctx() ctx: Context, @Arg('communityId', () => ID) communityId: string): Promise<User> {
    return residentService.setHomeCommunity(ctx, communityId);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'residents: their community (居委/村委)',
  })
  homeCommunity(@Ctx() ctx: Context, @Root() user: User): Promise<Region | null> {
    return residentService.homeCommunity(ctx, user);
  }

  @FieldResolver(() => Center, {
    nullable: true,
    description: 'residents: the center they order for (我的中心)',
  })
  homeCenter(@Ctx() ctx: Context, @Root() user: User): Promise<Center | null> {
    return residentService.homeCenter(ctx, user);
  }
}
