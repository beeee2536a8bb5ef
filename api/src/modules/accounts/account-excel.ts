// 人员管理 in Excel, like menus: export the accounts (or an empty template), then import a filled-in
// file in two steps — preview names every bad row and why; apply creates every account in one
// transaction (all rows or none), each with a one-time password shown once in the answer.
import ExcelJS from 'exceljs';
import {
  DISPLAY_NAME_MAX_LENGTH,
  ROLE_LABELS,
  STAFF_ROLES,
  USERNAME_PATTERN,
  maskPhone,
  normalizePhone,
  type Role,
  type StaffRole,
} from '@lc/domain';
import { canListAccounts, canManageAccount, requireViewer } from '../../auth/policy';
import { encryptPersonal } from '../../auth/phone-crypto';
import { hashPassword } from '../../auth/password';
import { AppError, badInput, forbidden, notFound } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { addTableSheet, newWorkbook, shanghaiDateStamp, workbookBuffer, XLSX_MIME } from '../../common/excel';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import { IGNORED_NODES, cellText } from '../menu-import/menu-excel';
import { zipProblem } from '../menu-import/zip-guard';
import { accountService, oneTimePassword } from './account.service';

export const ACCOUNT_IMPORT_MAX_ROWS = 500;
const MAX_BYTES = 2 * 1024 * 1024;

const COLUMNS = [
  { key: 'username', header: '用户名', width: 22 },
  { key: 'displayName', header: '姓名', width: 18 },
  { key: 'role', header: '角色', width: 16 },
  { key: 'street', header: '街镇', width: 16 },
  { key: 'center', header: '服务中心', width: 26 },
  { key: 'mobile', header: '手机号码', width: 16 },
  { key: 'status', header: '状态', width: 10 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

export interface AccountImportRow {
  row: number;
  username: string;
  displayName: string;
  role: StaffRole;
  regionId: number | null;
  centerId: number | null;
  districtId: number | null;
  streetId: number | null;
  mobile: string | null;
}

export interface AccountImportError {
  row: number;
  field: string | null;
  message: string;
}

function roleOf(text: string): StaffRole | null {
  const t = text.trim();
  for (const r of STAFF_ROLES) {
    const zh = ROLE_LABELS[r]['zh-CN'];
    // 评估专家/体验官: either word, or the whole label, or the code or English name
    if (
      t === r ||
      t === zh ||
      zh.split('/').includes(t) ||
      t.toLowerCase() === ROLE_LABELS[r].en.toLowerCase()
    )
      return r;
  }
  return null;
}

const unreadable = (
  why = '无法读取文件，请上传 .xlsx 格式的 Excel 文件 / unreadable file: upload an .xlsx workbook',
) => badInput([{ field: 'contentBase64', message: why }]);

export const accountExcelService = {
  /** The accounts the caller manages (or only the headers) as .xlsx; a list export is recorded
   * (it holds masked mobile numbers and names). */
  async export(ctx: Context, templateOnly: boolean) {
    const viewer = requireViewer(ctx.viewer);
    if (!canListAccounts(viewer))
      throw forbidden('人员管理仅供区、街镇管理员 / for district and street admins');
    const rows: Record<Key, string>[] = [];
    if (!templateOnly) {
      let after: string | null = null;
      for (;;) {
        const page = await accountService.list(ctx, null, 100, after);
        const accounts = page.edges.map((e) => e.node);
        // one statement each for the page's regions and centers (loaders batch loadMany)
        const [regions, centers] = await Promise.all([
          ctx.loaders.places.regionById.loadMany(accounts.map((a) => a.scopeRegionId ?? -1)),
          ctx.loaders.places.centerById.loadMany(accounts.map((a) => a.centerId ?? -1)),
        ]);
        accounts.forEach((a, i) => {
          const region = regions[i] instanceof Error ? null : regions[i];
          const center = centers[i] instanceof Error ? null : centers[i];
          rows.push({
            username: a.username,
            displayName: a.displayName,
            role: ROLE_LABELS[a.role]['zh-CN'],
            street: a.role === 'STREET_ADMIN' || a.role === 'CENTER_STAFF' ? (region?.name ?? '') : '',
            center: center?.name ?? '',
            mobile: a.phoneMasked ?? '',
            status: a.active ? '在用' : '停用',
          });
        });
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      await recordAudit(ctx.db, ctx, {
        action: 'PERSONAL_DATA_EXPORTED',
        targetType: 'ACCOUNTS',
        districtId: viewer.districtId,
        streetId: viewer.role === 'STREET_ADMIN' ? viewer.streetId : null,
        detail: { what: 'STAFF_ACCOUNTS', rows: rows.length },
      });
    }
    const wb = newWorkbook();
    addTableSheet(wb, '人员', COLUMNS, rows);
    const help = wb.addWorksheet('填写说明');
    for (const line of [
      '每行一个新账号；导入时“状态”列不读取，手机号码可留空。',
      `角色：${STAFF_ROLES.map((r) => ROLE_LABELS[r]['zh-CN']).join('、')}（只能填您有权创建的角色）。`,
      '街镇管理员填“街镇”；中心工作人员填“服务中心”（名称与系统一致）；评估专家两者都不填。',
      `用户名：3–40位小写字母、数字或 _ . -，以字母开头，不能与已有账号重复。每个文件最多${ACCOUNT_IMPORT_MAX_ROWS}行。`,
      '导入后每个账号得到一个初始密码，只在导入结果中显示一次；首次登录须修改密码。',
    ])
      help.addRow([line]);
    help.getColumn(1).width = 90;
    return {
      fileName: `人员${templateOnly ? '导入模板' : ''}-${shanghaiDateStamp()}.xlsx`,
      mimeType: XLSX_MIME,
      contentBase64: (await workbookBuffer(wb)).toString('base64'),
    };
  },

  /** Reads and checks a file; nothing is created. */
  async preview(ctx: Context, fileName: string, contentBase64: string) {
    const viewer = requireViewer(ctx.viewer);
    if (!canListAccounts(viewer))
      throw forbidden('人员管理仅供区、街镇管理员 / for district and street admins');
    const buf = Buffer.from(contentBase64.replace(/^data:[^,]{0,200};base64,/, ''), 'base64');
    if (!buf.length) throw unreadable('文件为空 / the file is empty');
    if (buf.length > MAX_BYTES) throw unreadable('文件不能超过2MB / the file must be at most 2 MB');
    if (zipProblem(buf, { maxEntries: 200, maxTotalBytes: 32 * 1024 * 1024 })) throw unreadable();
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES });
    } catch {
      throw unreadable();
    }
    const sheet = wb.worksheets.find((ws) => cellText(ws.getRow(1).getCell(1).value).trim() === '用户名');
    if (!sheet)
      throw unreadable('找不到表头（第1行“用户名”…），请使用下载的模板 / no header row: use the template');
    const col = new Map<Key, number>();
    sheet.getRow(1).eachCell((cell, n) => {
      const c = COLUMNS.find(
        (x) =>
          x.header ===
          cellText(cell.value)
            .trim()
            .replace(/[*＊]$/, ''),
      );
      if (c) col.set(c.key, n);
    });
    const errors: AccountImportError[] = [];
    const rows: AccountImportRow[] = [];
    const seen = new Set<string>();
    const raw: { row: number; v: (k: Key) => string }[] = [];
    sheet.eachRow((r, n) => {
      if (n === 1) return;
      const v = (k: Key) => (col.has(k) ? cellText(r.getCell(col.get(k) as number).value).trim() : '');
      if (COLUMNS.every((c) => !v(c.key))) return;
      raw.push({ row: n, v });
    });
    if (raw.length > ACCOUNT_IMPORT_MAX_ROWS)
      throw unreadable(`每个文件最多${ACCOUNT_IMPORT_MAX_ROWS}行 / at most ${ACCOUNT_IMPORT_MAX_ROWS} rows`);
    const usernames = raw.map((x) => x.v('username').toLowerCase());
    const taken = new Set(
      (
        (await ctx.db.query(`SELECT lower(username) AS u FROM app_user WHERE lower(username) = ANY($1)`, [
          usernames,
        ])) as { u: string }[]
      ).map((x) => x.u),
    );
    const streets: { id: number; name: string; district_id: number }[] = await ctx.db.query(
      `SELECT id, name, district_id FROM region WHERE level = 'STREET' AND district_id = $1`,
      [viewer.districtId ?? -1],
    );
    const centerNames = [...new Set(raw.map((x) => x.v('center')).filter(Boolean))];
    const centers: { id: number; name: string; street_id: number; district_id: number }[] = centerNames.length
      ? await ctx.db.query(
          `SELECT id, name, street_id, district_id FROM center WHERE name = ANY($1) AND district_id = $2`,
          [centerNames, viewer.districtId ?? -1],
        )
      : [];
    for (const { row, v } of raw) {
      const problems: AccountImportError[] = [];
      const add = (field: string, message: string) => problems.push({ row, field, message });
      const username = v('username').toLowerCase();
      if (!USERNAME_PATTERN.test(username))
        add('用户名 (username)', '用户名须为3–40位小写字母、数字或 _ . -，以字母开头');
      else if (taken.has(username)) add('用户名 (username)', '用户名已被使用');
      else if (seen.has(username)) add('用户名 (username)', '文件中用户名重复');
      seen.add(username);
      const displayName = v('displayName');
      if (!displayName || displayName.length > DISPLAY_NAME_MAX_LENGTH)
        add('姓名 (displayName)', '请填写姓名（40字以内）');
      const role = roleOf(v('role'));
      let place: Pick<AccountImportRow, 'regionId' | 'centerId' | 'districtId' | 'streetId'> | null = null;
      if (!role)
        add('角色 (role)', `角色须为：${STAFF_ROLES.map((r) => ROLE_LABELS[r]['zh-CN']).join('、')}`);
      else if (role === 'CENTER_STAFF') {
        const matches = centers.filter((c) => c.name === v('center'));
        if (matches.length !== 1)
          add(
            '服务中心 (center)',
            matches.length ? '有重名的服务中心，请联系区管理员' : '未找到该服务中心（本区）',
          );
        else
          place = {
            regionId: matches[0].street_id,
            centerId: matches[0].id,
            districtId: matches[0].district_id,
            streetId: matches[0].street_id,
          };
      } else if (role === 'STREET_ADMIN') {
        const s = streets.find((x) => x.name === v('street'));
        if (!s) add('街镇 (street)', '未找到该街镇（本区）');
        else place = { regionId: s.id, centerId: null, districtId: s.district_id, streetId: s.id };
      } else
        place = {
          regionId: viewer.districtId,
          centerId: null,
          districtId: viewer.districtId,
          streetId: null,
        };
      if (role && place && !canManageAccount(viewer, { role, ...place }))
        add('角色 (role)', '超出您的管理范围（角色或地点） / outside your scope');
      const mobileText = v('mobile');
      const mobile = mobileText ? normalizePhone(mobileText) : null;
      if (mobileText && !mobile) add('手机号码 (mobile)', '请输入11位手机号码');
      if (problems.length) errors.push(...problems);
      else
        rows.push({
          row,
          username,
          displayName,
          role: role as StaffRole,
          ...(place as NonNullable<typeof place>),
          mobile,
        });
    }
    if (!raw.length) errors.push({ row: 1, field: null, message: '文件中没有数据行 / the file has no rows' });
    const [saved]: { id: number }[] = await ctx.db.query(
      `INSERT INTO account_import (region_id, actor_id, file_name, status, rows, errors)
       VALUES ($1, $2, $3, 'PREVIEWED', $4::jsonb, $5::jsonb) RETURNING id`,
      [
        viewer.streetId ?? viewer.districtId,
        viewer.userId,
        fileName.slice(0, 200),
        JSON.stringify(rows),
        JSON.stringify(errors),
      ],
    );
    return {
      id: String(saved.id),
      totalRows: raw.length,
      validRows: rows.length,
      errors,
      rows: rows.map((r) => ({ row: r.row, username: r.username, displayName: r.displayName, role: r.role })),
    };
  },

  /** Creates every account of a previewed file without errors, in one transaction. */
  async apply(ctx: Context, id: string) {
    const viewer = requireViewer(ctx.viewer);
    const iid = parseId(id);
    return ctx.db.transaction(async (em) => {
      const found: {
        actor_id: number;
        status: string;
        rows: AccountImportRow[];
        errors: AccountImportError[];
      }[] =
        iid === null
          ? []
          : await em.query(
              `SELECT actor_id, status, rows, errors FROM account_import WHERE id = $1 FOR UPDATE`,
              [iid],
            );
      const imp = found[0];
      if (!imp || imp.actor_id !== viewer.userId) throw notFound('import');
      if (imp.status === 'APPLIED')
        throw new AppError('CONFLICT', '该文件已导入 / the file was imported already');
      if (imp.errors.length)
        throw badInput([
          {
            field: 'id',
            message: `文件有${imp.errors.length}处错误，不能导入；请改正后重新上传 / fix the file and upload it again`,
          },
        ]);
      const created: { username: string; displayName: string; role: Role; oneTimePassword: string }[] = [];
      for (const r of imp.rows) {
        if (
          !canManageAccount(viewer, {
            role: r.role,
            districtId: r.districtId,
            streetId: r.streetId,
            centerId: r.centerId,
          })
        )
          throw forbidden('超出您的管理范围 / outside your scope');
        const password = oneTimePassword();
        try {
          await em.query(
            `INSERT INTO app_user (username, display_name, role, password_hash, scope_region_id, center_id,
                                   phone_enc, phone_masked, must_change_password, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9)`,
            [
              r.username,
              r.displayName,
              r.role,
              await hashPassword(password),
              r.regionId,
              r.centerId,
              r.mobile ? encryptPersonal(r.mobile) : null,
              r.mobile ? maskPhone(r.mobile) : null,
              viewer.userId,
            ],
          );
        } catch (e) {
          if ((e as { code?: string }).code === '23505')
            throw new AppError(
              'CONFLICT',
              `第${r.row}行的用户名已被使用，请重新上传 / the username of row ${r.row} was taken meanwhile`,
            );
          throw e;
        }
        created.push({
          username: r.username,
          displayName: r.displayName,
          role: r.role,
          oneTimePassword: password,
        });
      }
      await em.query(`UPDATE account_import SET status = 'APPLIED', applied_at = now() WHERE id = $1`, [iid]);
      await recordAudit(em, ctx, {
        action: 'ACCOUNTS_IMPORTED',
        targetType: 'ACCOUNT_IMPORT',
        targetId: iid,
        districtId: viewer.districtId,
        streetId: viewer.role === 'STREET_ADMIN' ? viewer.streetId : null,
        after: { accounts: created.map((c) => ({ username: c.username, role: c.role })) },
      });
      return created;
    });
  },
};
