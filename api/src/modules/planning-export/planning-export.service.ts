// Excel export of the three lists (需求清单、资源清单、项目清单) of a region, with Chinese headers.
// Officials only, within their scope: demands and projects of a street or community by whoever
// reads in that street, of a whole district by its admin and evaluators; resources (shared across
// the district) by any official of the district. Projects and meetings are read straight from
// their tables (read-only).
import {
  DEMAND_SOURCE_LABELS,
  DEMAND_STATUS_LABELS,
  PROJECT_STATUS_LABELS,
  RESOURCE_KIND_LABELS,
  SERVICE_CATEGORY_LABELS,
  type DemandSource,
  type DemandStatus,
  type MeetingKind,
  type ProjectStatus,
  type ResourceKind,
  type ServiceCategory,
} from '@lc/domain';
import type ExcelJS from 'exceljs';
import { canReadRegionLists, isOfficial, officialScopeSql, requireViewer } from '../../auth/policy';
import { badInput, forbidden } from '../../common/app-error';
import { parseId } from '../../common/connection';
import {
  XLSX_MIME,
  addTableSheet,
  newWorkbook,
  shanghaiDateStamp,
  workbookBuffer,
  type SheetColumn,
} from '../../common/excel';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import type { FileDownload } from '../menu-import/menu-import.types';
import type { Region } from '../places/region.entity';

export const PLANNING_LISTS = ['DEMANDS', 'RESOURCES', 'PROJECTS'] as const;
export type PlanningList = (typeof PLANNING_LISTS)[number];

/** Most rows one export writes; a larger list asks for a smaller region. */
export const EXPORT_MAX_ROWS = 20_000;

const SHEET_NAMES: Record<PlanningList, string> = {
  DEMANDS: '需求清单',
  RESOURCES: '资源清单',
  PROJECTS: '项目清单',
};

const zh = <T extends string>(labels: Record<T, { 'zh-CN': string }>, code: T): string =>
  labels[code]?.['zh-CN'] ?? code;

/** A date as YYYY-MM-DD in Shanghai. */
const day = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

type Rows = Record<string, ExcelJS.CellValue>[];

const DEMAND_COLUMNS: SheetColumn[] = [
  { key: 'id', header: '编号', width: 8 },
  { key: 'title', header: '标题', width: 30 },
  { key: 'description', header: '描述', width: 50 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'community', header: '居村委', width: 18 },
  { key: 'street', header: '街镇', width: 14 },
  { key: 'source', header: '来源', width: 14 },
  { key: 'status', header: '状态', width: 12 },
  { key: 'seconds', header: '附议数', width: 8 },
  { key: 'createdAt', header: '提出日期', width: 12 },
];

const RESOURCE_COLUMNS: SheetColumn[] = [
  { key: 'id', header: '编号', width: 8 },
  { key: 'name', header: '名称', width: 30 },
  { key: 'kind', header: '类型', width: 16 },
  { key: 'category', header: '类别', width: 12 },
  { key: 'area', header: '服务区域', width: 18 },
  { key: 'capacity', header: '容量', width: 8 },
  { key: 'activeProjects', header: '在办项目数', width: 10 },
  { key: 'availability', header: '可服务时间', width: 20 },
  { key: 'contact', header: '联系人（脱敏）', width: 22 },
  { key: 'active', header: '状态', width: 8 },
  { key: 'description', header: '简介', width: 40 },
];

const PROJECT_COLUMNS: SheetColumn[] = [
  { key: 'title', header: '项目名称', width: 30 },
  { key: 'status', header: '状态', width: 12 },
  { key: 'publiclyFunded', header: '财力出资', width: 10 },
  { key: 'budget', header: '预算(元)', width: 14 },
  { key: 'street', header: '街镇', width: 14 },
  { key: 'demands', header: '需求数', width: 8 },
  { key: 'resources', header: '资源数', width: 8 },
  { key: 'HEARING', header: '听证会', width: 14 },
  { key: 'COORDINATION', header: '协调会', width: 14 },
  { key: 'REVIEW', header: '评议会', width: 14 },
];

/** SQL condition on a record's district/street/community columns for the chosen region. */
function regionCondition(
  region: Region,
  cols: { district: string; street: string; community: string },
  param: number,
) {
  const col =
    region.level === 'DISTRICT' ? cols.district : region.level === 'STREET' ? cols.street : cols.community;
  return `${col} = $${param}`;
}

async function query(ctx: Context, sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = await ctx.db.query(`${sql} LIMIT ${EXPORT_MAX_ROWS + 1}`, params);
  if (rows.length > EXPORT_MAX_ROWS) {
    throw badInput([
      {
        field: 'regionId',
        message: `超过${EXPORT_MAX_ROWS}行，请选择较小的区域 / more than ${EXPORT_MAX_ROWS} rows: choose a smaller region`,
      },
    ]);
  }
  return rows;
}

async function demandRows(
  ctx: Context,
  region: Region,
  scope: { sql: string; value: number },
): Promise<Rows> {
  const rows = await query(
    ctx,
    `SELECT d.id, d.title, d.description, d.category, d.source, d.status, d.seconds, d.created_at,
            c.name AS community, s.name AS street
     FROM demand d JOIN region c ON c.id = d.community_id JOIN region s ON s.id = d.street_id
     WHERE ${scope.sql} AND ${regionCondition(region, { district: 'd.district_id', street: 'd.street_id', community: 'd.community_id' }, 2)}
     ORDER BY d.id`,
    [scope.value, region.id],
  );
  return rows.map((r) => ({
    id: r.id as number,
    title: r.title as string,
    description: (r.description as string | null) ?? '',
    category: zh(SERVICE_CATEGORY_LABELS, r.category as ServiceCategory),
    community: r.community as string,
    street: r.street as string,
    source: zh(DEMAND_SOURCE_LABELS, r.source as DemandSource),
    status: zh(DEMAND_STATUS_LABELS, r.status as DemandStatus),
    seconds: r.seconds as number,
    createdAt: day(r.created_at as Date),
  }));
}

async function resourceRows(ctx: Context, region: Region, districtId: number): Promise<Rows> {
  // resources serving the region, as the resource list's region filter has it
  const where =
    region.level === 'DISTRICT'
      ? 'TRUE'
      : region.level === 'STREET'
        ? '(r.street_id = $2 OR r.region_id = r.district_id)'
        : 'r.region_id = ANY($2::int[])';
  const params: unknown[] = [districtId];
  if (region.level === 'STREET') params.push(region.id);
  if (region.level === 'COMMUNITY') params.push([region.id, region.streetId, region.districtId]);
  const rows = await query(
    ctx,
    `SELECT r.id, r.name, r.kind, r.category, r.capacity, r.availability, r.contact_masked, r.active,
            r.description, g.name AS area,
            (SELECT count(*)::int FROM project_resource pr JOIN project p ON p.id = pr.project_id
             WHERE pr.resource_id = r.id AND p.status IN ('PROPOSED','HEARING','APPROVED','IN_PROGRESS','REVIEW')) AS busy
     FROM resource r JOIN region g ON g.id = r.region_id
     WHERE r.district_id = $1 AND ${where}
     ORDER BY r.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id as number,
    name: r.name as string,
    kind: zh(RESOURCE_KIND_LABELS, r.kind as ResourceKind),
    category: zh(SERVICE_CATEGORY_LABELS, r.category as ServiceCategory),
    area: r.area as string,
    capacity: r.capacity === null ? '不限' : (r.capacity as number),
    activeProjects: r.busy as number,
    availability: (r.availability as string | null) ?? '',
    contact: (r.contact_masked as string | null) ?? '',
    active: r.active ? '在用' : '停用',
    description: (r.description as string | null) ?? '',
  }));
}

async function projectRows(
  ctx: Context,
  region: Region,
  scope: { sql: string; value: number },
): Promise<Rows> {
  const inRegion =
    region.level === 'COMMUNITY'
      ? 'EXISTS (SELECT 1 FROM project_demand pd JOIN demand d ON d.id = pd.demand_id WHERE pd.project_id = p.id AND d.community_id = $2)'
      : regionCondition(region, { district: 'p.district_id', street: 'p.street_id', community: '' }, 2);
  const rows = await query(
    ctx,
    `SELECT p.id, p.title, p.status, p.publicly_funded, p.budget_yuan, s.name AS street,
            (SELECT count(*)::int FROM project_demand pd WHERE pd.project_id = p.id) AS demands,
            (SELECT count(*)::int FROM project_resource pr WHERE pr.project_id = p.id) AS resources,
            (SELECT coalesce(json_agg(json_build_object('kind', m.kind, 'at', m.held_at) ORDER BY m.held_at), '[]')
             FROM meeting m WHERE m.project_id = p.id) AS meetings
     FROM project p JOIN region s ON s.id = p.street_id
     WHERE ${scope.sql} AND ${inRegion}
     ORDER BY p.id`,
    [scope.value, region.id],
  );
  return rows.map((r) => {
    const meetings = r.meetings as { kind: MeetingKind; at: string }[];
    const dates = (kind: MeetingKind) =>
      meetings
        .filter((m) => m.kind === kind)
        .map((m) => day(new Date(m.at)))
        .join('、');
    return {
      title: r.title as string,
      status: zh(PROJECT_STATUS_LABELS, r.status as ProjectStatus),
      publiclyFunded: r.publicly_funded ? '是' : '否',
      budget: r.budget_yuan === null ? '' : Number(r.budget_yuan),
      street: r.street as string,
      demands: r.demands as number,
      resources: r.resources as number,
      HEARING: dates('HEARING'),
      COORDINATION: dates('COORDINATION'),
      REVIEW: dates('REVIEW'),
    };
  });
}

export const planningExportService = {
  async export(ctx: Context, list: PlanningList, regionId: string): Promise<FileDownload> {
    const viewer = requireViewer(ctx.viewer);
    if (!isOfficial(viewer))
      throw forbidden('清单导出仅供工作人员使用 / the lists are exported by officials');
    const rid = parseId(regionId);
    const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
    if (!region || region.districtId === null) {
      throw badInput([{ field: 'regionId', message: '未知区域 / unknown region' }]);
    }
    let rows: Rows;
    let columns: SheetColumn[];
    if (list === 'RESOURCES') {
      if (viewer.districtId !== region.districtId)
        throw forbidden('这个区域不在您的工作范围内 / this region is outside your scope');
      rows = await resourceRows(ctx, region, region.districtId);
      columns = RESOURCE_COLUMNS;
    } else {
      if (!canReadRegionLists(viewer, region))
        throw forbidden('这个区域不在您的工作范围内 / this region is outside your scope');
      const cols =
        list === 'DEMANDS'
          ? { district: 'd.district_id', street: 'd.street_id' }
          : { district: 'p.district_id', street: 'p.street_id' };
      const scope = officialScopeSql(viewer, cols, 1);
      if (!scope) throw forbidden('清单导出仅供工作人员使用 / the lists are exported by officials');
      rows =
        list === 'DEMANDS' ? await demandRows(ctx, region, scope) : await projectRows(ctx, region, scope);
      columns = list === 'DEMANDS' ? DEMAND_COLUMNS : PROJECT_COLUMNS;
    }
    const wb = newWorkbook();
    addTableSheet(wb, SHEET_NAMES[list], columns, rows);
    const buf = await workbookBuffer(wb);
    // the lists carry residents' demands and resources' (masked) contacts: every export is recorded
    await recordAudit(ctx.db, ctx, {
      action: 'PERSONAL_DATA_EXPORTED',
      targetType: 'PLANNING_LIST',
      targetId: region.id,
      targetLabel: `${region.name}${SHEET_NAMES[list]}`,
      districtId: region.districtId,
      streetId: region.level === 'DISTRICT' ? null : region.streetId,
      detail: { what: list, regionId: region.id, rows: rows.length },
    });
    return {
      fileName: `${region.name}${SHEET_NAMES[list]}-${shanghaiDateStamp()}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: buf.toString('base64'),
    };
  },
};
