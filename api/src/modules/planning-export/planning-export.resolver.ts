import { Arg, Ctx, ID, Query, Resolver, registerEnumType } from 'type-graphql';
import { enumObject } from '../../common/enum-object';
import type { Context } from '../../context';
import { FileDownload } from '../menu-import/menu-import.types';
import { PLANNING_LISTS, planningExportService, type PlanningList } from './planning-export.service';

export const PlanningListEnum = enumObject(PLANNING_LISTS);
registerEnumType(PlanningListEnum, {
  name: 'PlanningList',
  description: '三张清单: the demand, resource and project lists',
});

@Resolver()
export class PlanningExportResolver {
  @Query(() => FileDownload, {
    description:
      'one of the three lists of a region as an .xlsx workbook with Chinese headers; officials, within their scope (resources: any official of the district)',
  })
  exportPlanningList(
    @Ctx() ctx: Context,
    @Arg('list', () => PlanningListEnum) list: PlanningList,
    @Arg('regionId', () => ID, { description: 'a district, street or community' }) regionId: string,
  ): Promise<FileDownload> {
    return planningExportService.export(ctx, list, regionId);
  }
}
