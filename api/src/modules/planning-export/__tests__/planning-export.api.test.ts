// Excel export of the three lists: readable workbooks with Chinese headers and the right rows,
// within the caller's scope. The database is shared with other test files: rows are found by
// unique names, never counted in total.
import ExcelJS from 'exceljs';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
let putuo: number;
let taopu: number;
let changzheng: number;
let xincun: number;
let meichuan: number;

const EXPORT = `query($list: PlanningList!, $r: ID!) { exportPlanningList(list: $list, regionId: $r) { fileName mimeType contentBase64 } }`;
const uniq = (s: string) => `${s}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
const codes = (r: { errors?: { extensions?: { code?: string } }[] }) =>
  r.errors?.map((e) => e.extensions?.code);

async function readSheet(b64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, string>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      Object.fromEntries(header.map((h, i) => [h, values[i] === undefined ? '' : String(values[i])])),
    );
  });
  return { sheets: wb.worksheets.map((w) => w.name), header, rows };
}

async function exported(list: string, regionId: number, token: string) {
  const r = await api.gql(EXPORT, { list, r: String(regionId) }, token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return { file: r.data.exportPlanningList, sheet: await readSheet(r.data.exportPlanningList.contentBase64) };
}

async function demand(token: string, title: string, communityId: number) {
  const r = await api.gql(
    `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
    { input: { title, category: 'HEALTH', communityId: String(communityId), source: 'VISIT' } },
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return Number(r.data.createDemand.id);
}

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  const region = async (name: string, level: string) =>
    (await one(`SELECT id FROM region WHERE name = $1 AND level = $2`, [name, level])).id as number;
  putuo = await region('普陀区', 'DISTRICT');
  taopu = await region('桃浦镇', 'STREET');
  changzheng = await region('长征镇', 'STREET');
  xincun = (await one(`SELECT id FROM region WHERE street_id = $1 AND name = '桃浦新村居民区'`, [taopu])).id;
  meichuan = (await one(`SELECT id FROM region WHERE street_id = $1 AND name = '梅川路居民区'`, [changzheng]))
    .id;
});
afterAll(() => api.close());

describe('exporting the demand list', () => {
  it('a street admin gets their street’s demands with Chinese headers', async () => {
    const tag = uniq('导出');
    await demand(tokens.taopu_admin, `${tag}桃浦`, xincun);
    await demand(tokens.changzheng_admin, `${tag}长征`, meichuan);
    const { file, sheet } = await exported('DEMANDS', taopu, tokens.taopu_admin);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toMatch(/^桃浦镇需求清单-\d{8}\.xlsx$/);
    expect(sheet.sheets).toEqual(['需求清单']);
    expect(sheet.header).toEqual([
      '编号',
      '标题',
      '描述',
      '类别',
      '居村委',
      '街镇',
      '来源',
      '状态',
      '附议数',
      '提出日期',
    ]);
    const mine = sheet.rows.filter((r) => r['标题'].startsWith(tag));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      标题: `${tag}桃浦`,
      类别: '健康',
      居村委: '桃浦新村居民区',
      街镇: '桃浦镇',
      来源: '走访收集',
      状态: '待对接',
      附议数: '0',
    });
    expect(sheet.rows.every((r) => r['街镇'] === '桃浦镇')).toBe(true);
    const district = await exported('DEMANDS', putuo, tokens.putuo_admin);
    expect(district.sheet.rows.filter((r) => r['标题'].startsWith(tag))).toHaveLength(2);
    const community = await exported('DEMANDS', meichuan, tokens.changzheng_admin);
    expect(community.sheet.rows.filter((r) => r['标题'].startsWith(tag)).map((r) => r['标题'])).toEqual([
      `${tag}长征`,
    ]);
  });

  it('only officials, only within their scope', async () => {
    const resident = await createTestResident(api);
    const q = (list: string, r: number, token?: string) => api.gql(EXPORT, { list, r: String(r) }, token);
    expect(codes(await q('DEMANDS', taopu, tokens.changzheng_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await q('DEMANDS', xincun, tokens.changzheng_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await q('PROJECTS', putuo, tokens.taopu_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await q('DEMANDS', taopu, tokens.jiading_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await q('RESOURCES', putuo, tokens.jiading_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await q('DEMANDS', taopu, resident.token))).toEqual(['FORBIDDEN']);
    expect(codes(await q('DEMANDS', taopu))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await q('DEMANDS', 999999999, tokens.putuo_admin))).toEqual(['BAD_USER_INPUT']);
    expect((await q('DEMANDS', taopu, tokens.evaluator)).errors).toBeUndefined();
    expect((await q('DEMANDS', xincun, tokens.taopudong_staff)).errors).toBeUndefined();
  });
});

describe('exporting the resource list', () => {
  it('masked contacts only; resources serving the region', async () => {
    const tag = uniq('资源导出');
    const add = (token: string, input: Record<string, unknown>) =>
      api.gql(
        `mutation($input: CreateResourceInput!) { createResource(input: $input) { id } }`,
        { input: { kind: 'TALENT', category: 'CULTURE', ...input } },
        token,
      );
    await add(tokens.taopu_admin, {
      name: `${tag}桃浦`,
      regionId: String(xincun),
      capacity: 2,
      contactName: '周九',
      contactPhone: '13800007777',
    });
    await add(tokens.changzheng_admin, { name: `${tag}长征`, regionId: String(meichuan) });
    const { file, sheet } = await exported('RESOURCES', taopu, tokens.changzheng_admin);
    expect(file.fileName).toMatch(/^桃浦镇资源清单-\d{8}\.xlsx$/);
    expect(sheet.header).toEqual([
      '编号',
      '名称',
      '类型',
      '类别',
      '服务区域',
      '容量',
      '在办项目数',
      '可服务时间',
      '联系人（脱敏）',
      '状态',
      '简介',
    ]);
    const mine = sheet.rows.filter((r) => r['名称'].startsWith(tag));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      类型: '能人达人',
      类别: '文化',
      服务区域: '桃浦新村居民区',
      容量: '2',
      在办项目数: '0',
      '联系人（脱敏）': '周* 138****7777',
      状态: '在用',
    });
    expect(JSON.stringify(sheet.rows)).not.toContain('13800007777');
  });
});

describe('exporting the project list', () => {
  it('one row per project with counts, funding and the three meetings’ dates', async () => {
    const tag = uniq('项目导出');
    const d1 = await demand(tokens.taopu_admin, `${tag}需求1`, xincun);
    const d2 = await demand(tokens.taopu_admin, `${tag}需求2`, xincun);
    const [p] = await api.db.query(
      `INSERT INTO project (title, status, publicly_funded, budget_yuan, street_id, district_id)
       VALUES ($1, 'COMPLETED', true, 120000.5, $2, $3) RETURNING id`,
      [`${tag}加装电梯`, taopu, putuo],
    );
    await api.db.query(`INSERT INTO project_demand (project_id, demand_id) VALUES ($1, $2), ($1, $3)`, [
      p.id,
      d1,
      d2,
    ]);
    const meeting = (kind: string, at: string) =>
      api.db.query(
        `INSERT INTO meeting (project_id, kind, held_at, attendees, minutes, outcome, resolution)
         VALUES ($1, $2, $3, 30, '会议记录', 'APPROVED', '同意')`,
        [p.id, kind, at],
      );
    await meeting('HEARING', '2024-03-01T02:00:00Z');
    await meeting('COORDINATION', '2024-05-10T02:00:00Z');
    await meeting('COORDINATION', '2024-06-12T02:00:00Z');
    await meeting('REVIEW', '2024-09-20T02:00:00Z');
    const [other] = await api.db.query(
      `INSERT INTO project (title, status, publicly_funded, street_id, district_id)
       VALUES ($1, 'PROPOSED', false, $2, $3) RETURNING id`,
      [`${tag}长征项目`, changzheng, putuo],
    );

    const { file, sheet } = await exported('PROJECTS', taopu, tokens.taopudong_staff);
    expect(file.fileName).toMatch(/^桃浦镇项目清单-\d{8}\.xlsx$/);
    expect(sheet.header).toEqual([
      '项目名称',
      '状态',
      '财力出资',
      '预算(元)',
      '街镇',
      '需求数',
      '资源数',
      '听证会',
      '协调会',
      '评议会',
    ]);
    const mine = sheet.rows.filter((r) => r['项目名称'].startsWith(tag));
    expect(mine).toEqual([
      {
        项目名称: `${tag}加装电梯`,
        状态: '已完成',
        财力出资: '是',
        '预算(元)': '120000.5',
        街镇: '桃浦镇',
        需求数: '2',
        资源数: '0',
        听证会: '2024-03-01',
        协调会: '2024-05-10、2024-06-12',
        评议会: '2024-09-20',
      },
    ]);
    const community = await exported('PROJECTS', xincun, tokens.taopu_admin);
    expect(community.sheet.rows.filter((r) => r['项目名称'].startsWith(tag))).toHaveLength(1);
    const district = await exported('PROJECTS', putuo, tokens.evaluator);
    const both = district.sheet.rows.filter((r) => r['项目名称'].startsWith(tag));
    expect(both.map((r) => r['项目名称']).sort()).toEqual([`${tag}加装电梯`, `${tag}长征项目`].sort());
    expect(both.find((r) => r['项目名称'] === `${tag}长征项目`)).toMatchObject({
      财力出资: '否',
      '预算(元)': '',
    });
    expect(other.id).toBeTruthy();
  });
});
