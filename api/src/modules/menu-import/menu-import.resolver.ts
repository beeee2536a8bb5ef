import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ServiceMenu } from '@lc/domain';
import { badInput } from '../../common/app-error';
import type { Context } from '../../context';
import { Region } from '../places/region.entity';
import { ServiceMenuEnum } from '../services/service-item.entity';
import { MenuImport, MenuImportStatusEnum, type MenuImportStatus } from './menu-import.entity';
import { MENU_IMPORT_MAX_ROWS } from '@lc/domain';
import { menuImportService } from './menu-import.service';
import { FileDownload, ImportRowError, ImportRowPreview, PreviewMenuImportInput } from './menu-import.types';

@Resolver(() => MenuImport)
export class MenuImportResolver {
  @Query(() => FileDownload, {
    description:
      "a menu as an .xlsx workbook (items of the owner region, not retired, plus an explanation sheet); templateOnly: just the headers and the explanation. Officials of the menu's district.",
  })
  exportServiceMenu(
    @Ctx() ctx: Context,
    @Arg('menu', () => ServiceMenuEnum) menu: ServiceMenu,
    @Arg('regionId', () => ID, {
      description: 'the district for DISTRICT and MOBILE, the street for STREET_FEATURE',
    })
    regionId: string,
    @Arg('templateOnly', () => Boolean, { nullable: true, defaultValue: false })
    templateOnly: boolean | null,
  ): Promise<FileDownload> {
    return menuImportService.exportMenu(ctx, menu, regionId, templateOnly ?? false);
  }

  @Query(() => MenuImport, {
    nullable: true,
    description: 'an import, for its preview and to poll apply progress',
  })
  menuImport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MenuImport | null> {
    return menuImportService.byId(ctx, id);
  }

  @Mutation(() => MenuImport, {
    description:
      'reads an .xlsx file and checks every row against the menu; nothing is written to the menu. Caller: whoever keeps the menu.',
  })
  previewMenuImport(
    @Ctx() ctx: Context,
    @Arg('input', () => PreviewMenuImportInput) input: PreviewMenuImportInput,
  ): Promise<MenuImport> {
    return menuImportService.preview(ctx, input);
  }

  @Mutation(() => MenuImport, {
    description:
      'writes a previewed import without errors in one transaction (all rows or none); applying it again returns it unchanged',
  })
  applyMenuImport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MenuImport> {
    return menuImportService.apply(ctx, id);
  }

  @FieldResolver(() => Region, { description: 'the district or street whose menu it is' })
  ownerRegion(@Ctx() ctx: Context, @Root() imp: MenuImport): Promise<Region> {
    return ctx.loaders.places.regionById.load(imp.ownerRegionId) as Promise<Region>;
  }

  @FieldResolver(() => MenuImportStatusEnum)
  status(@Root() imp: MenuImport): MenuImportStatus {
    return menuImportService.status(imp);
  }

  @FieldResolver(() => Float, { description: 'apply progress, 0 to 1 (1 once applied)' })
  progress(@Root() imp: MenuImport): number {
    return menuImportService.progress(imp);
  }

  @FieldResolver(() => Int, { description: 'rows without errors' })
  async validRows(@Ctx() ctx: Context, @Root() imp: MenuImport): Promise<number> {
    return (await menuImportService.details(ctx, imp)).plan.length;
  }

  @FieldResolver(() => Int, { description: 'valid rows that create an item' })
  async createRows(@Ctx() ctx: Context, @Root() imp: MenuImport): Promise<number> {
    return (await menuImportService.details(ctx, imp)).plan.filter((r) => r.action === 'CREATE').length;
  }

  @FieldResolver(() => Int, { description: 'valid rows that change an existing item' })
  async updateRows(@Ctx() ctx: Context, @Root() imp: MenuImport): Promise<number> {
    return (await menuImportService.details(ctx, imp)).plan.filter((r) => r.action === 'UPDATE').length;
  }

  @FieldResolver(() => Int, { description: 'valid rows that match an existing item with the same values' })
  async unchangedRows(@Ctx() ctx: Context, @Root() imp: MenuImport): Promise<number> {
    return (await menuImportService.details(ctx, imp)).plan.filter((r) => r.action === 'UNCHANGED').length;
  }

  @FieldResolver(() => [ImportRowError], {
    description: 'every problem found, by row; an import with any cannot be applied',
  })
  async errors(@Ctx() ctx: Context, @Root() imp: MenuImport): Promise<ImportRowError[]> {
    return (await menuImportService.details(ctx, imp)).errors;
  }

  @FieldResolver(() => [ImportRowPreview], { description: 'the valid rows in file order' })
  async rows(
    @Ctx() ctx: Context,
    @Root() imp: MenuImport,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) firstArg: number | null,
  ): Promise<ImportRowPreview[]> {
    const first = firstArg ?? 50;
    if (!Number.isInteger(first) || first < 0 || first > MENU_IMPORT_MAX_ROWS)
      throw badInput([
        {
          field: 'first',
          message: `first 应在 0–${MENU_IMPORT_MAX_ROWS} 之间 / first must be 0–${MENU_IMPORT_MAX_ROWS}`,
        },
      ]);
    const { plan } = await menuImportService.details(ctx, imp);
    return plan.slice(0, first).map((r) => ({
      row: r.row,
      code: r.code,
      name: r.fields.name,
      category: r.fields.category as ImportRowPreview['category'],
      action: r.action,
    }));
  }
}
