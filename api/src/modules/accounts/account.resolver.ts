import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Center } from '../places/center.entity';
import { Region } from '../places/region.entity';
import { accountService } from './account.service';
import {
  CreateStaffAccountInput,
  OneTimePasswordResult,
  PasswordChangePayload,
  StaffAccount,
  StaffAccountConnection,
  StaffAccountFilter,
  UpdateStaffAccountInput,
} from './account.types';

@Resolver(() => StaffAccount)
export class StaffAccountResolver {
  @Authorized()
  @Query(() => StaffAccountConnection, {
    description:
      '人员管理: the accounts the caller manages, newest first (district admin: street admins, center staff and evaluators of the district; street admin: center staff of the street)',
  })
  staffAccounts(
    @Ctx() ctx: Context,
    @Arg('filter', () => StaffAccountFilter, { nullable: true }) filter?: StaffAccountFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<StaffAccount>> {
    return accountService.list(ctx, filter, first, after);
  }

  @Authorized()
  @Query(() => StaffAccount, { nullable: true, description: 'an account the caller manages, else null' })
  staffAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<StaffAccount | null> {
    return accountService.byId(ctx, id);
  }

  @Authorized()
  @Mutation(() => OneTimePasswordResult, {
    description:
      'creates an account within the caller’s scope with a one-time password (shown once or sent by SMS)',
  })
  createStaffAccount(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateStaffAccountInput) input: CreateStaffAccountInput,
  ): Promise<OneTimePasswordResult> {
    return accountService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => StaffAccount, {
    description: 'changes name, mobile, role or place of an account the caller manages',
  })
  updateStaffAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStaffAccountInput) input: UpdateStaffAccountInput,
  ): Promise<StaffAccount> {
    return accountService.update(ctx, id, input);
  }

  @Authorized()
  @Mutation(() => StaffAccount, {
    description: 'disables an account: its tokens stop working on the next request',
  })
  disableStaffAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<StaffAccount> {
    return accountService.setActive(ctx, id, false);
  }

  @Authorized()
  @Mutation(() => StaffAccount)
  enableStaffAccount(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<StaffAccount> {
    return accountService.setActive(ctx, id, true);
  }

  @Authorized()
  @Mutation(() => OneTimePasswordResult, {
    description:
      'a new one-time password for an account the caller manages; every existing token stops working',
  })
  resetStaffPassword(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('sendBySms', () => Boolean, { nullable: true, defaultValue: false }) sendBySms: boolean | null,
  ): Promise<OneTimePasswordResult> {
    return accountService.resetPassword(ctx, id, !!sendBySms);
  }

  @Mutation(() => PasswordChangePayload, {
    description:
      'the signed-in user sets a new password (at least 10 characters, letters and digits, not common, not the username); returns a new token, older ones stop working',
  })
  changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<PasswordChangePayload> {
    return accountService.changePassword(ctx, currentPassword, newPassword);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'the district or street the account acts in' })
  scope(@Ctx() ctx: Context, @Root() a: StaffAccount): Promise<Region | null> {
    return a.scopeRegionId === null
      ? Promise.resolve(null)
      : ctx.loaders.places.regionById.load(a.scopeRegionId);
  }

  @FieldResolver(() => Center, { nullable: true, description: 'center staff: their center' })
  center(@Ctx() ctx: Context, @Root() a: StaffAccount): Promise<Center | null> {
    return a.centerId === null ? Promise.resolve(null) : ctx.loaders.places.centerById.load(a.centerId);
  }

  @FieldResolver(() => Boolean, { description: 'the caller may change this account' })
  viewerCanManage(@Ctx() ctx: Context, @Root() a: StaffAccount): boolean {
    return accountService.viewerCanManage(ctx, a);
  }
}
