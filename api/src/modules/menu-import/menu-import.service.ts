// Excel export and import of the service menus. Import is two steps: preview parses and checks the
// file and keeps the plan in menu_import; apply writes the whole plan in one transaction (all rows
// or none), with bulk statements and a change-log row per changed field (action IMPORT).
import type { EntityManager } from 'typeorm';
import {
  MENU_IMPORT_MAX_BYTES,
  MENU_IMPORT_MAX_ROWS,
  SERVICE_MENU_LABELS,
  type ServiceMenu,
} from '@lc/domain';
import { assertCanEditMenuItem, canEditMenuItem, isOfficial, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { badInput, conflict, forbidden, notFound } from '../../common/app-error';
import { shanghaiDateStamp } from '../../common/excel';
import { parseId } from '../../common/connection';
import type { Context } from '../../context';
import { diffFields } from '../audit/change-log.service';
import type { Region } from '../places/region.entity';
import { ITEM_FIELDS } from '../services/service-menu.service';
import { MenuImport, type MenuImportStatus } from './menu-import.entity';
import { planImport, type ExistingItem, type PlannedRow, type RowError } from './menu-import.plan';
import type { PreviewMenuImportInput } from './menu-import.types';
import { readMenuWorkbook, SheetProblem, writeMenuWorkbook, XLSX_MIME } from './menu-excel';
import { zipProblem } from './zip-guard';

const LIMITS = { maxRows: MENU_IMPORT_MAX_ROWS, maxBytes: MENU_IMPORT_MAX_BYTES };
/** what an accepted .xlsx may unpack to (10,000 rows of long text stay well below) */
const ZIP_LIMITS = { maxEntries: 1000, maxTotalBytes: 64 * 1024 * 1024 };
const FILE_NAME_MAX_LENGTH = 200;
/** rows per bulk statement; progress is reported after each */
const BATCH = 250;

/** How long a finished apply's progress stays readable for pollers that loaded the row before it ended. */
const PROGRESS_LINGER_MS = 60_000;
/** Apply progress (0..1) of the imports this process is writing, by import id. */
const progress = new Map<number, number>();

const ITEM_COLUMNS = `id, code, name, category, description, audience, fee, provider, department`;

type Owner = { owner: Region; districtId: number };

/** The region owning the menu: a district for DISTRICT and MOBILE (a street or community given
 * stands for its district), a street for STREET_FEATURE (a community stands for its street). */
async function ownerFor(ctx: Context, menu: ServiceMenu, regionId: string, field: string): Promise<Owner> {
  const load = async (id: number | null) =>
    id === null ? undefined : ((await ctx.loaders.places.regionById.load(id)) ?? undefined);
  let region = await load(parseId(regionId));
  if (!region) throw badInput([{ field, message: '未知区域 / unknown region' }]);
  if (menu === 'STREET_FEATURE') {
    if (region.level === 'COMMUNITY') region = await load(region.streetId);
    if (!region || region.level !== 'STREET')
      throw badInput([
        { field, message: '街镇特色清单属于街镇，请选择街镇 / a STREET_FEATURE menu belongs to a street' },
      ]);
  } else if (region.level !== 'DISTRICT') {
    region = await load(region.districtId);
    if (!region) throw badInput([{ field, message: '未知区域 / unknown region' }]);
  }
  return {
    owner: region,
    districtId: region.level === 'DISTRICT' ? region.id : (region.districtId as number),
  };
}

const unreadable = (
  why = '无法读取文件，请上传 .xlsx 格式的 Excel 文件 / unreadable file: upload an .xlsx workbook',
) => badInput([{ field: 'input.contentBase64', message: why }]);
const tooLarge = () =>
  badInput([
    {
      field: 'input.contentBase64',
      message: `文件不能超过${MENU_IMPORT_MAX_BYTES / 1024 / 1024}MB / the file must be at most ${MENU_IMPORT_MAX_BYTES / 1024 / 1024} MB`,
    },
  ]);

/** The uploaded bytes, checked for size before and after decoding. */
function decodeFile(contentBase64: string): Buffer {
  let s = contentBase64.trim();
  const dataUrl = /^data:[^,]{0,200};base64,/.exec(s);
  if (dataUrl) s = s.slice(dataUrl[0].length);
  if (s.length > (Math.ceil(MENU_IMPORT_MAX_BYTES / 3) + 1) * 4 + 1024) throw tooLarge();
  s = s.replace(/\s+/g, '');
  if (!s) throw unreadable('文件为空 / the file is empty');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s) || s.length % 4 === 1) throw unreadable();
  const buf = Buffer.from(s, 'base64');
  if (buf.length > MENU_IMPORT_MAX_BYTES) throw tooLarge();
  return buf;
}

function cleanFileName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!name || name.length > FILE_NAME_MAX_LENGTH)
    throw badInput([
      {
        field: 'input.fileName',
        message: `文件名不能为空或超过${FILE_NAME_MAX_LENGTH}字 / the file name must be 1–${FILE_NAME_MAX_LENGTH} characters`,
      },
    ]);
  return name;
}

interface ItemRow {
  id: number;
  code: string;
  name: string;
  category: string;
  description: string | null;
  audience: string[];
  fee: string | null;
  provider: string | null;
  department: string | null;
}

/** Inserts change-log rows in one statement (one JSON parameter, however many rows). */
async function insertChangeLog(
  em: EntityManager,
  viewer: Viewer,
  at: Date,
  importId: number,
  rows: { entityId: number; field: string; oldValue: unknown; newValue: unknown }[],
): Promise<void> {
  if (!rows.length) return;
  await em.query(
    `INSERT INTO change_log (entity, entity_id, service_id, center_id, actor_id, actor_name, at, action,
                             field, old_value, new_value, import_id)
     SELECT 'SERVICE_ITEM', r.entity_id, r.entity_id, NULL, $2, $3, $4, 'IMPORT', r.field, r.old_value, r.new_value, $5
     FROM jsonb_to_recordset($1::jsonb) AS r(entity_id int, field text, old_value jsonb, new_value jsonb)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          entity_id: r.entityId,
          field: r.field,
          old_value: r.oldValue ?? null,
          new_value: r.newValue ?? null,
        })),
      ),
      viewer.userId,
      viewer.displayName,
      at,
      importId,
    ],
  );
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const heavy = new WeakMap<MenuImport, Promise<{ plan: PlannedRow[]; errors: RowError[] }>>();

export const menuImportService = {
  async exportMenu(
    ctx: Context,
    menu: ServiceMenu,
    regionId: string,
    templateOnly: boolean,
  ): Promise<{ fileName: string; mimeType: string; contentBase64: string }> {
    const viewer = requireViewer(ctx.viewer);
    if (!isOfficial(viewer)) throw forbidden('menus are exported by officials');
    const { owner, districtId } = await ownerFor(ctx, menu, regionId, 'regionId');
    if (viewer.districtId !== districtId) throw forbidden('this menu belongs to another district');
    const items: ItemRow[] = templateOnly
      ? []
      : await ctx.db.query(
          `SELECT ${ITEM_COLUMNS} FROM service_item
           WHERE menu = $1 AND owner_region_id = $2 AND retired_at IS NULL ORDER BY id`,
          [menu, owner.id],
        );
    const buf = await writeMenuWorkbook({ regionName: owner.name, menu }, items, LIMITS);
    const label = SERVICE_MENU_LABELS[menu]['zh-CN'];
    return {
      fileName: `${owner.name}${label}${templateOnly ? '导入模板' : ''}-${shanghaiDateStamp()}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: buf.toString('base64'),
    };
  },

  async preview(ctx: Context, input: PreviewMenuImportInput): Promise<MenuImport> {
    const viewer = requireViewer(ctx.viewer);
    const { owner, districtId } = await ownerFor(ctx, input.menu, input.regionId, 'input.regionId');
    assertCanEditMenuItem(viewer, { menu: input.menu, districtId, ownerRegionId: owner.id });
    const fileName = cleanFileName(input.fileName);
    const buf = decodeFile(input.contentBase64);
    if (zipProblem(buf, ZIP_LIMITS)) throw unreadable();
    let sheet;
    try {
      sheet = await readMenuWorkbook(buf, LIMITS);
    } catch (e) {
      if (e instanceof SheetProblem) throw unreadable(e.message);
      throw e;
    }
    const existing: ExistingItem[] = await ctx.db.query(
      `SELECT ${ITEM_COLUMNS}, retired_at IS NOT NULL AS retired FROM service_item
       WHERE menu = $1 AND owner_region_id = $2`,
      [input.menu, owner.id],
    );
    const plan = planImport(sheet.rows, sheet.columns, existing);
    const [saved]: { id: number; created_at: Date }[] = await ctx.db.query(
      `INSERT INTO menu_import (menu, owner_region_id, actor_id, file_name, status, total_rows, rows, errors)
       VALUES ($1, $2, $3, $4, 'PREVIEWED', $5, $6::jsonb, $7::jsonb) RETURNING id, created_at`,
      [
        input.menu,
        owner.id,
        viewer.userId,
        fileName,
        plan.totalRows,
        JSON.stringify(plan.rows),
        JSON.stringify(plan.errors),
      ],
    );
    return Object.assign(new MenuImport(), {
      id: saved.id,
      menu: input.menu,
      ownerRegionId: owner.id,
      actorId: viewer.userId,
      fileName,
      status: 'PREVIEWED' as const,
      totalRows: plan.totalRows,
      plan: plan.rows,
      rowErrors: plan.errors,
      createdCount: 0,
      updatedCount: 0,
      createdAt: saved.created_at,
      appliedAt: null,
    });
  },

  /** The import, if the caller may see it: whoever may edit its menu, and whoever uploaded it. */
  async byId(ctx: Context, id: string, forApply = false): Promise<MenuImport | null> {
    const viewer = requireViewer(ctx.viewer);
    const pid = parseId(id);
    const imp = pid === null ? null : await ctx.db.getRepository(MenuImport).findOneBy({ id: pid });
    if (!imp) return null;
    const owner = await ctx.loaders.places.regionById.load(imp.ownerRegionId);
    const districtId = owner?.level === 'DISTRICT' ? owner.id : (owner?.districtId ?? -1);
    const scope = { menu: imp.menu, districtId, ownerRegionId: imp.ownerRegionId };
    if (forApply) assertCanEditMenuItem(viewer, scope);
    else if (!canEditMenuItem(viewer, scope) && imp.actorId !== viewer.userId)
      throw forbidden('this import belongs to a menu kept by another office');
    return imp;
  },

  /** Writes a previewed import: all rows in one transaction. Applying an applied import returns it
   * unchanged; concurrent applies queue on the import's row lock and the later ones find it applied. */
  async apply(ctx: Context, id: string): Promise<MenuImport> {
    const viewer = requireViewer(ctx.viewer);
    const imp = await this.byId(ctx, id, true);
    if (!imp) throw notFound('import');
    if (imp.status === 'APPLIED') return imp;
    const [{ bad }]: { bad: number }[] = await ctx.db.query(
      `SELECT count(DISTINCT e->>'row')::int AS bad FROM menu_import, jsonb_array_elements(errors) e WHERE id = $1`,
      [imp.id],
    );
    if (bad > 0)
      throw badInput([
        {
          field: 'id',
          message: `文件有${bad}行有错误，不能导入；请改正后重新上传 / ${bad} rows have errors: fix the file and upload it again`,
        },
      ]);
    // Visible to pollers at once (the transaction's own writes are not, until it commits).
    const [claimed]: [unknown[], number] = await ctx.db.query(
      `UPDATE menu_import SET status = 'APPLYING' WHERE id = $1 AND status <> 'APPLIED' RETURNING id`,
      [imp.id],
    );
    if (!claimed.length) return (await this.byId(ctx, id, true)) as MenuImport;

    let mine = false;
    try {
      await ctx.db.transaction(async (em) => {
        const [locked]: { status: MenuImportStatus; rows: PlannedRow[] }[] = await em.query(
          `SELECT status, rows FROM menu_import WHERE id = $1 FOR UPDATE`,
          [imp.id],
        );
        if (locked.status === 'APPLIED') return; // a concurrent apply finished first
        mine = true;
        progress.set(imp.id, 0);
        const { owner, districtId } = await ownerFor(ctx, imp.menu, String(imp.ownerRegionId), 'id');
        const plan = locked.rows;

        // The items the file changes, locked, as they are now.
        const ids = plan.filter((r) => r.itemId !== null).map((r) => r.itemId as number);
        const current: (ItemRow & { menu: string; owner_region_id: number })[] = ids.length
          ? await em.query(
              `SELECT ${ITEM_COLUMNS}, menu, owner_region_id FROM service_item WHERE id = ANY($1::int[])
               ORDER BY id FOR UPDATE`,
              [ids],
            )
          : [];
        const byId = new Map(current.map((c) => [c.id, c]));
        const creates: PlannedRow[] = [];
        const updates: { item: ItemRow; changes: ReturnType<typeof diffFields> }[] = [];
        for (const r of plan) {
          if (r.itemId === null) {
            creates.push(r);
            continue;
          }
          const cur = byId.get(r.itemId);
          if (!cur || cur.menu !== imp.menu || cur.owner_region_id !== imp.ownerRegionId)
            throw conflict(
              `第${r.row}行的项目已被删除或移出本清单，请重新导出后再导入 / the item of row ${r.row} left the menu since the preview: upload the file again`,
            );
          const after: ItemRow = { ...cur };
          for (const f of ITEM_FIELDS) {
            const v = r.fields[f];
            if (v !== undefined) (after as unknown as Record<string, unknown>)[f] = v;
          }
          const changes = diffFields(cur as ItemRow, after, ITEM_FIELDS);
          if (changes.length) updates.push({ item: after, changes });
        }

        const total = creates.length + updates.length;
        let done = 0;
        const at = new Date();
        const step = (n: number) => {
          done += n;
          progress.set(imp.id, total ? done / total : 1);
        };

        for (const chunk of chunks(creates, BATCH)) {
          const data = chunk.map((r) => ({
            code: `IMP-${imp.menu[0]}-${owner.code}-${imp.id}-${r.row}`,
            name: r.fields.name,
            category: r.fields.category,
            description: r.fields.description ?? null,
            audience: r.fields.audience ?? [],
            fee: r.fields.fee ?? null,
            provider: r.fields.provider ?? null,
            department: r.fields.department ?? null,
          }));
          const inserted: { id: number; code: string }[] = await em.query(
            `INSERT INTO service_item (code, name, description, category, menu, owner_region_id, district_id,
                                       provider, department, audience, fee)
             SELECT r.code, r.name, r.description, r.category, $2, $3, $4, r.provider, r.department,
                    r.audience, r.fee
             FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, description text, category text,
                                                     provider text, department text, audience text[], fee text)
             RETURNING id, code`,
            [JSON.stringify(data), imp.menu, owner.id, districtId],
          );
          const idOf = new Map(inserted.map((x) => [x.code, x.id]));
          await insertChangeLog(
            em,
            viewer,
            at,
            imp.id,
            data.flatMap((d) =>
              ITEM_FIELDS.map((f) => ({
                entityId: idOf.get(d.code) as number,
                field: f,
                oldValue: null,
                newValue: d[f],
              })).filter((c) => c.newValue !== null && !(Array.isArray(c.newValue) && !c.newValue.length)),
            ),
          );
          step(chunk.length);
        }

        for (const chunk of chunks(updates, BATCH)) {
          await em.query(
            `UPDATE service_item s
             SET name = r.name, description = r.description, category = r.category, audience = r.audience,
                 fee = r.fee, provider = r.provider, department = r.department, updated_at = now()
             FROM jsonb_to_recordset($1::jsonb) AS r(id int, name text, description text, category text,
                                                     audience text[], fee text, provider text, department text)
             WHERE s.id = r.id`,
            [JSON.stringify(chunk.map((u) => u.item))],
          );
          await insertChangeLog(
            em,
            viewer,
            at,
            imp.id,
            chunk.flatMap((u) => u.changes.map((c) => ({ entityId: u.item.id, ...c }))),
          );
          step(chunk.length);
        }

        await em.query(
          `UPDATE menu_import SET status = 'APPLIED', created_count = $2, updated_count = $3, applied_at = now()
           WHERE id = $1`,
          [imp.id, creates.length, updates.length],
        );
      });
      if (mine) {
        // Pollers that loaded the row before the commit still see it APPLYING: answer them 1, not 0.
        progress.set(imp.id, 1);
        setTimeout(() => progress.delete(imp.id), PROGRESS_LINGER_MS).unref();
        mine = false;
      }
    } catch (e) {
      // Nothing of the file was written; say so on the import in its own statement.
      await ctx.db.query(`UPDATE menu_import SET status = 'FAILED' WHERE id = $1 AND status = 'APPLYING'`, [
        imp.id,
      ]);
      if ((e as { code?: string }).code === '23505')
        throw conflict(
          '清单在预览后有变化，有名称已被占用；请重新导出后再导入 / the menu changed since the preview and a name is taken: upload the file again',
        );
      throw e;
    } finally {
      if (mine) progress.delete(imp.id);
    }
    return (await this.byId(ctx, id, true)) as MenuImport;
  },

  /** The valid rows and the errors (kept out of the row loads polling does). */
  details(ctx: Context, imp: MenuImport): Promise<{ plan: PlannedRow[]; errors: RowError[] }> {
    if (imp.plan && imp.rowErrors) return Promise.resolve({ plan: imp.plan, errors: imp.rowErrors });
    let p = heavy.get(imp);
    if (!p) {
      p = ctx.db
        .query(`SELECT rows, errors FROM menu_import WHERE id = $1`, [imp.id])
        .then(([r]: { rows: PlannedRow[]; errors: RowError[] }[]) => ({ plan: r.rows, errors: r.errors }));
      heavy.set(imp, p);
    }
    return p;
  },

  status(imp: MenuImport): MenuImportStatus {
    return progress.has(imp.id) && imp.status !== 'APPLIED' ? 'APPLYING' : imp.status;
  },

  progress(imp: MenuImport): number {
    if (imp.status === 'APPLIED') return 1;
    return progress.get(imp.id) ?? 0;
  },
};
