import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(['putuo_admin', 'taopu_admin']);
});
afterAll(() => api.close());

async function workbook(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['用户名', '姓名', '角色', '街镇', '服务中心', '手机号码', '状态']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const PREVIEW = `mutation($f: String!, $c: String!) { previewStaffImport(fileName: $f, contentBase64: $c) { id totalRows validRows errors { row field message } rows { row username role } } }`;
const APPLY = `mutation($id: ID!) { applyStaffImport(id: $id) { username role oneTimePassword } }`;

describe('staff lists in Excel', () => {
  const s = Date.now().toString(36);
  it('exports the template and the list, previews naming every bad row, and applies all rows or none', async () => {
    const tpl: any = await api.gql(
      `{ exportStaffAccounts(templateOnly: true) { fileName contentBase64 } }`,
      {},
      tokens.putuo_admin,
    );
    expect(tpl.data.exportStaffAccounts.fileName).toMatch(/人员导入模板-\d{8}\.xlsx/);
    const list: any = await api.gql(`{ exportStaffAccounts { contentBase64 } }`, {}, tokens.putuo_admin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(list.data.exportStaffAccounts.contentBase64, 'base64') as any);
    const names: string[] = [];
    wb.getWorksheet('人员')!.eachRow((r, n) => n > 1 && names.push(String(r.getCell(1).value)));
    expect(names).toEqual(expect.arrayContaining(['taopu_admin', 'taopudong_staff', 'evaluator']));

    const bad = await workbook([
      [`imp_a_${s}`, '导入甲', '街镇管理员', '长征镇', '', '13911110001', ''],
      ['Bad Name', '', '神仙', '', '', '123', ''],
      [`imp_b_${s}`, '导入乙', '中心工作人员', '', '不存在的中心', '', ''],
      [`imp_a_${s}`, '重复', '评估专家', '', '', '', ''],
    ]);
    const p1: any = await api.gql(PREVIEW, { f: 'people.xlsx', c: bad }, tokens.putuo_admin);
    expect(p1.data.previewStaffImport).toMatchObject({ totalRows: 4, validRows: 1 });
    expect([...new Set(p1.data.previewStaffImport.errors.map((e: any) => e.row))].sort()).toEqual([3, 4, 5]);
    const refused: any = await api.gql(APPLY, { id: p1.data.previewStaffImport.id }, tokens.putuo_admin);
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM app_user WHERE username LIKE $1`, [
      `imp_%_${s}`,
    ]);
    expect(n).toBe(0);

    const good = await workbook([
      [`imp_a_${s}`, '导入甲', '街镇管理员', '长征镇', '', '13911110001', ''],
      [`imp_b_${s}`, '导入乙', '中心工作人员', '', '桃浦东片区', '', ''],
      [`imp_c_${s}`, '导入丙', '评估专家', '', '', '', ''],
    ]);
    const p2: any = await api.gql(PREVIEW, { f: 'people.xlsx', c: good }, tokens.putuo_admin);
    expect(p2.data.previewStaffImport.errors).toEqual([]);
    const applied: any = await api.gql(APPLY, { id: p2.data.previewStaffImport.id }, tokens.putuo_admin);
    expect(applied.data.applyStaffImport.map((a: any) => a.role)).toEqual([
      'STREET_ADMIN',
      'CENTER_STAFF',
      'EVALUATOR',
    ]);
    const otp = applied.data.applyStaffImport[0].oneTimePassword;
    expect(await api.login(`imp_a_${s}`, otp)).toBeTruthy();
    const again: any = await api.gql(APPLY, { id: p2.data.previewStaffImport.id }, tokens.putuo_admin);
    expect(again.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('refuses rows outside the importer’s scope', async () => {
    const file = await workbook([[`imp_d_${s}`, '越权', '评估专家', '', '', '', '']]);
    const p: any = await api.gql(PREVIEW, { f: 'p.xlsx', c: file }, tokens.taopu_admin);
    expect(p.data.previewStaffImport.validRows).toBe(0);
    expect(p.data.previewStaffImport.errors[0].message).toMatch(/范围/);
  });
});
