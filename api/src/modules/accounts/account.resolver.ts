import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../common/connection';
import type { Context } from '../../context';
import { Center } from '../places/center.entity';
import { Region } from '../places/region.entity';
import { FileDownload } from '../menu-import/menu-import.types';
import { accountExcelService } from './account-excel';
import { accountService } from './account.service';
import {
  AccountImportPreview,
  ImportedAccount,
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

@Resolver()
export class StaffAccountExcelResolver {
  @Authorized()
  @Query(() => FileDownload, {
    description:
      'the accounts the caller manages as .xlsx (recorded in the audit log); templateOnly: the empty template',
  })
  exportStaffAccounts(
    @Ctx() ctx: Context,
    @Arg('templateOnly', () => Boolean, { nullable: true, defaultValue: false }) templateOnly: boolean | null,
  ): Promise<FileDownload> {
    return accountExcelService.export(ctx, !!templateOnly);
  }

  @Authorized()
  @Mutation(() => AccountImportPreview, {
    description: 'checks a staff list (.xlsx, base64); nothing is created',
  })
  previewStaffImport(
    @Ctx() ctx: Context,
    @Arg('fileName', () => String) fileName: string,
    @Arg('contentBase64', () => String, { description: 'the .xlsx file, base64 (at most 2 MB)' })
    contentBase64: string,
  ): Promise<AccountImportPreview> {
    return accountExcelService.preview(ctx, fileName, contentBase64);
  }

  @Authorized()
  @Mutation(() => [ImportedAccount], {
    description:
      'creates every account of a previewed list without errors in one transaction; the one-time passwords are in this answer only',
  })
  applyStaffImport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ImportedAccount[]> {
    return accountExcelService.apply(ctx, id);
  }
}
