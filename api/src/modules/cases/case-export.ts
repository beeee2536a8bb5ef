// Excel export of the board (诉求工单), the same filter and order as the screen, like the other
// exports (common/excel.ts). Contacts and reporters stay out: the sheet carries no personal data.
import {
  CASE_LEVEL_LABELS,
  CASE_RESPONSIBILITY_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  JOINT_FORCE_LABELS,
  shanghaiDateTime,
} from '@lc/domain';
import { requireViewer } from '../../auth/policy';
import { XLSX_MIME, addTableSheet, newWorkbook, shanghaiDateStamp, workbookBuffer } from '../../common/excel';
import type { Context } from '../../context';
import type { FileDownload } from '../menu-import/menu-import.types';
import { boardRows, caseWhere } from './case-board';
import type { CaseFilter } from './dto/case.inputs';

/** The most rows one export carries. */
export const CASE_EXPORT_MAX_ROWS = 10_000;

const COLUMNS = [
  { key: 'id', header: '编号', width: 8 },
  { key: 'category', header: '分类', width: 12 },
  { key: 'description', header: '问题描述', width: 40 },
  { key: 'address', header: '地址', width: 24 },
  { key: 'street', header: '街镇', width: 12 },
  { key: 'community', header: '居村委', width: 14 },
  { key: 'center', header: '服务阵地', width: 18 },
  { key: 'source', header: '来源', width: 10 },
  { key: 'status', header: '状态', width: 12 },
  { key: 'level', header: '层级', width: 14 },
  { key: 'force', header: '联勤力量', width: 12 },
  { key: 'responsibility', header: '责任', width: 10 },
  { key: 'owner', header: '负责人', width: 12 },
  { key: 'reportedAt', header: '反映时间', width: 17 },
  { key: 'deadlineAt', header: '办理时限', width: 17 },
  { key: 'overdue', header: '超时', width: 6 },
  { key: 'resolvedAt', header: '办结时间', width: 17 },
  { key: 'resolution', header: '处理结果', width: 30 },
  { key: 'rating', header: '回访评分', width: 8 },
] as const;

type Key = (typeof COLUMNS)[number]['key'];

export async function exportCases(
  ctx: Context,
  filter: CaseFilter | null | undefined,
): Promise<FileDownload> {
  const viewer = requireViewer(ctx.viewer);
  const where = await caseWhere(ctx, viewer, filter);
  const cases = await boardRows(ctx, where, null, CASE_EXPORT_MAX_ROWS);
  const [categories, regions, centers, owners] = await Promise.all([
    ctx.loaders.cases.categoriesByDistrict.loadMany([...new Set(cases.map((c) => c.districtId))]),
    ctx.loaders.places.regionById.loadMany([
      ...new Set(cases.flatMap((c) => [c.streetId, c.communityId].filter((x): x is number => x !== null))),
    ]),
    ctx.loaders.places.centerById.loadMany([
      ...new Set(cases.map((c) => c.centerId).filter((x): x is number => x !== null)),
    ]),
    ctx.loaders.delivery.userById.loadMany([
      ...new Set(cases.map((c) => c.ownerId).filter((x): x is number => x !== null)),
    ]),
  ]);
  const ok = <T>(xs: (T | Error | null)[]) => xs.filter((x): x is T => !!x && !(x instanceof Error));
  const categoryName = new Map(
    ok(categories)
      .flat()
      .map((c) => [c.code, c.name]),
  );
  const regionName = new Map(ok(regions).map((r) => [r.id, r.name]));
  const centerName = new Map(ok(centers).map((c) => [c.id, c.name]));
  const ownerName = new Map(ok(owners).map((u) => [u.id, u.displayName]));
  const at = (d: Date | null) => (d ? shanghaiDateTime(d) : '');
  const rows: Partial<Record<Key, string | number>>[] = cases.map((c) => ({
    id: c.id,
    category: categoryName.get(c.categoryCode) ?? c.categoryCode,
    description: c.description,
    address: c.address ?? '',
    street: regionName.get(c.streetId) ?? '',
    community: c.communityId === null ? '' : (regionName.get(c.communityId) ?? ''),
    center: c.centerId === null ? '' : (centerName.get(c.centerId) ?? ''),
    source: CASE_SOURCE_LABELS[c.source]['zh-CN'],
    status: CASE_STATUS_LABELS[c.status]['zh-CN'],
    level: CASE_LEVEL_LABELS[c.level]['zh-CN'],
    force: c.jointForce ? JOINT_FORCE_LABELS[c.jointForce]['zh-CN'] : '',
    responsibility: CASE_RESPONSIBILITY_LABELS[c.responsibility]['zh-CN'],
    owner: c.ownerId === null ? '' : (ownerName.get(c.ownerId) ?? ''),
    reportedAt: at(c.reportedAt),
    deadlineAt: at(c.deadlineAt),
    overdue: c.overdueAt ? '是' : '',
    resolvedAt: at(c.resolvedAt),
    resolution: c.resolution ?? '',
    rating: c.followUpRating ?? '',
  }));
  const wb = newWorkbook();
  addTableSheet(wb, '诉求工单', COLUMNS, rows);
  const data = await workbookBuffer(wb);
  return {
    fileName: `诉求工单-${shanghaiDateStamp()}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: data.toString('base64'),
  };
}
