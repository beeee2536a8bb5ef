// Paper responses by Excel (template, check, all-or-none import, no doubles on re-import) and the
// free-text answers: scope (a street admin cannot read another street's) and turning one into a demand.
import ExcelJS from 'exceljs';
import { createTestResident, type TestApi } from '../../../testing/harness';
import {
  SUBMIT,
  answersTo,
  codeOf,
  fieldsOf,
  key,
  makeSurvey,
  setUp,
  surveyInput,
  uniq,
  type Places,
  type SurveyOut,
  type User,
} from './survey-testing';

let api: TestApi;
let tokens: Record<User, string>;
let places: Places;

beforeAll(async () => {
  ({ api, tokens, places } = await setUp());
});
afterAll(() => api.close());

const TEMPLATE = `query($s: ID!) { surveyResponseTemplate(surveyId: $s) { fileName mimeType contentBase64 } }`;
const IMPORT = `mutation($s: ID!, $f: String!, $c: String!, $d: Boolean) {
  importSurveyResponses(surveyId: $s, fileName: $f, contentBase64: $c, dryRun: $d) {
    dryRun totalRows importedCount alreadyImportedCount errors { row field message } } }`;

/** The survey's template filled with rows (cells in question order). */
async function filled(s: SurveyOut, rows: (string | number | null)[][]): Promise<string> {
  const t = await api.gql(TEMPLATE, { s: s.id }, tokens.taopu_admin);
  if (!t.data) throw new Error(JSON.stringify(t.errors));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    Buffer.from(t.data.surveyResponseTemplate.contentBase64, 'base64') as unknown as ExcelJS.Buffer,
  );
  const ws = wb.getWorksheet('问卷回答')!;
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== null) ws.getRow(i + 2).getCell(j + 1).value = v;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const stored = async (surveyId: string) =>
  api.db.query(
    `SELECT channel, entry_method, score::float AS score FROM survey_response WHERE survey_id = $1 ORDER BY id`,
    [surveyId],
  );

describe('Excel import of paper responses', () => {
  it('gives a template with one column per question, headed by its text', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter));
    const t = await api.gql(TEMPLATE, { s: s.id }, tokens.taopu_admin);
    expect(t.data!.surveyResponseTemplate.fileName).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(t.data!.surveyResponseTemplate.contentBase64, 'base64') as unknown as ExcelJS.Buffer,
    );
    const header = wb.getWorksheet('问卷回答')!.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(s.questions.map((q) => q.text));
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    // an open survey is public, but only its managers get the template
    expect(codeOf(await api.gql(TEMPLATE, { s: s.id }, tokens.changzheng_admin))).toBe('FORBIDDEN');
    const draft = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter), false);
    expect(codeOf(await api.gql(TEMPLATE, { s: draft.id }, tokens.changzheng_admin))).toBe('NOT_FOUND');
  });

  it('checks, imports all rows or none, and does not double a re-imported file', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter));
    const bad = await filled(s, [
      [9, '每天', '助餐、助浴', '很好'],
      [11, '每年', '理发', null],
      [null, null, null, '只写了意见'],
    ]);
    const checked = await api.gql(
      IMPORT,
      { s: s.id, f: '纸质问卷.xlsx', c: bad, d: false },
      tokens.taopu_admin,
    );
    expect(checked.errors).toBeUndefined();
    const result = checked.data!.importSurveyResponses;
    expect(result).toMatchObject({ dryRun: false, totalRows: 3, importedCount: 0 });
    expect(result.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, '总体满意度'],
      [3, '您多久来一次'],
      [3, '您常用的服务'],
      [4, '总体满意度'],
      [4, '您多久来一次'],
    ]);
    expect(await stored(s.id)).toEqual([]);

    const good = await filled(s, [
      [9, '每天', '助餐、助浴', '很好'],
      [6, '每月', null, null],
      [null, null, null, null],
      ['10', '每周', '文体活动', '希望多办活动'],
    ]);
    const dry = await api.gql(IMPORT, { s: s.id, f: '纸质问卷.xlsx', c: good }, tokens.taopu_admin);
    expect(dry.data!.importSurveyResponses).toEqual({
      dryRun: true,
      totalRows: 3,
      importedCount: 0,
      alreadyImportedCount: 0,
      errors: [],
    });
    expect(await stored(s.id)).toEqual([]);
    const applied = await api.gql(
      IMPORT,
      { s: s.id, f: '纸质问卷.xlsx', c: good, d: false },
      tokens.taopu_admin,
    );
    expect(applied.data!.importSurveyResponses).toMatchObject({ totalRows: 3, importedCount: 3, errors: [] });
    expect(await stored(s.id)).toEqual([
      { channel: 'OFFLINE', entry_method: 'EXCEL', score: 9 },
      { channel: 'OFFLINE', entry_method: 'EXCEL', score: 6 },
      { channel: 'OFFLINE', entry_method: 'EXCEL', score: 10 },
    ]);
    const choices = await api.db.query(
      `SELECT a.choices FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
       WHERE r.survey_id = $1 AND a.question_id = $2 ORDER BY a.id`,
      [s.id, s.questions[2].id],
    );
    expect(choices.map((c: { choices: string[] }) => c.choices)).toEqual([['助餐', '助浴'], ['文体活动']]);

    const again = await api.gql(IMPORT, { s: s.id, f: '又一次.xlsx', c: good, d: false }, tokens.taopu_admin);
    expect(again.data!.importSurveyResponses).toMatchObject({ importedCount: 0, alreadyImportedCount: 3 });
    expect(await stored(s.id)).toHaveLength(3);
  });

  it('refuses files it cannot read and callers who do not manage the survey', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter));
    const notXlsx = await api.gql(
      IMPORT,
      { s: s.id, f: 'a.xlsx', c: Buffer.from('not a zip').toString('base64'), d: false },
      tokens.taopu_admin,
    );
    expect(fieldsOf(notXlsx)).toEqual(['contentBase64']);
    const csv = await api.gql(IMPORT, { s: s.id, f: 'a.csv', c: 'YQ==', d: false }, tokens.taopu_admin);
    expect(fieldsOf(csv)).toEqual(['fileName']);
    const c = await filled(s, [[9, '每天', null, null]]);
    expect(codeOf(await api.gql(IMPORT, { s: s.id, f: 'a.xlsx', c, d: false }, tokens.evaluator))).toBe(
      'FORBIDDEN',
    );
    expect(await stored(s.id)).toEqual([]);
  });
});

const COMMENTS = `query($f: SurveyCommentFilter, $first: Int, $after: String) {
  surveyComments(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id text question surveyTitle submittedAt channel score center { id } survey { id } demand { id } } } } }`;
const TURN = `mutation($a: ID!, $c: ServiceCategory!, $community: ID!, $t: String) {
  turnCommentIntoDemand(answerId: $a, category: $c, communityId: $community, title: $t) { id title description source category } }`;

describe('free-text answers', () => {
  let survey: SurveyOut;
  let texts: string[];
  beforeAll(async () => {
    survey = await makeSurvey(
      api,
      tokens.taopu_admin,
      surveyInput(places.taopudongCenter, { anonymous: true }),
    );
    texts = [uniq('希望延长开放时间'), uniq('食堂菜品少')];
    for (const t of texts) {
      const resident = await createTestResident(api);
      const r = await api.gql(
        SUBMIT,
        { input: { surveyId: survey.id, answers: answersTo(survey, 5, t), idempotencyKey: key() } },
        resident.token,
      );
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
  });

  const list = (
    token: string,
    f: Record<string, unknown> = { surveyId: survey.id },
    first?: number,
    after?: string,
  ) => api.gql(COMMENTS, { f, first, after }, token);

  it('are listed newest first for the street, the center and the district, with nothing personal', async () => {
    for (const who of ['taopu_admin', 'taopudong_staff', 'putuo_admin', 'evaluator'] as const) {
      const r = await list(tokens[who]);
      expect(r.errors).toBeUndefined();
      expect(r.data!.surveyComments.totalCount).toBe(2);
      expect(r.data!.surveyComments.edges.map((e: { node: { text: string } }) => e.node.text)).toEqual(
        [...texts].reverse(),
      );
    }
    const r = await list(tokens.taopu_admin, {
      surveyId: survey.id,
      search: texts[0].slice(0, 8),
      regionId: String(places.taopu),
    });
    expect(r.data!.surveyComments.edges).toHaveLength(1);
    expect(r.data!.surveyComments.edges[0].node).toEqual({
      id: expect.any(String),
      text: texts[0],
      question: '您的意见和建议',
      surveyTitle: expect.any(String),
      submittedAt: expect.any(String),
      channel: 'ONLINE',
      score: 5,
      center: { id: String(places.taopudongCenter) },
      survey: { id: survey.id },
      demand: null,
    });
    const page1 = await list(tokens.taopu_admin, { surveyId: survey.id }, 1);
    expect(page1.data!.surveyComments.pageInfo.hasNextPage).toBe(true);
    const page2 = await list(
      tokens.taopu_admin,
      { surveyId: survey.id },
      1,
      page1.data!.surveyComments.pageInfo.endCursor,
    );
    expect(page2.data!.surveyComments.edges[0].node.text).toBe(texts[0]);
  });

  it('are not readable by another street, and not at all by residents', async () => {
    const other = await list(tokens.changzheng_admin);
    expect(other.errors).toBeUndefined();
    expect(other.data!.surveyComments).toMatchObject({ totalCount: 0, edges: [] });
    const byRegion = await list(tokens.changzheng_admin, { regionId: String(places.taopu) });
    expect(byRegion.data!.surveyComments.totalCount).toBe(0);
    const resident = await createTestResident(api);
    expect(codeOf(await list(resident.token))).toBe('FORBIDDEN');
    expect(codeOf(await list(''))).toBe('UNAUTHENTICATED');
  });

  it('turn into a demand once per community, by whoever may read them', async () => {
    const first = await list(tokens.taopu_admin);
    const answerId = first.data!.surveyComments.edges[1].node.id;
    const vars = { a: answerId, c: 'DAILY_LIFE', community: String(places.taopuCommunity) };
    expect(codeOf(await api.gql(TURN, vars, tokens.changzheng_admin))).toBe('NOT_FOUND');
    const [one, two] = await Promise.all([
      api.gql(TURN, vars, tokens.taopu_admin),
      api.gql(TURN, vars, tokens.taopu_admin),
    ]);
    expect(one.errors).toBeUndefined();
    expect(two.data!.turnCommentIntoDemand.id).toBe(one.data!.turnCommentIntoDemand.id);
    expect(one.data!.turnCommentIntoDemand).toMatchObject({
      title: texts[0],
      source: 'SURVEY_COMMENT',
      category: 'DAILY_LIFE',
      description: `${texts[0]}\n\n来自问卷意见 #${answerId}`,
    });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM demand WHERE description LIKE $1 AND community_id = $2`,
      [`%来自问卷意见 #${answerId}`, places.taopuCommunity],
    );
    expect(n).toBe(1);
    const after = await list(tokens.taopu_admin);
    expect(after.data!.surveyComments.edges[1].node.demand).toEqual({
      id: one.data!.turnCommentIntoDemand.id,
    });
    // the demands module's own rules apply, named by this mutation's arguments
    const badTitle = await api.gql(
      TURN,
      { ...vars, community: String(places.taopuCommunity), t: '长'.repeat(200) },
      tokens.taopu_admin,
    );
    expect(badTitle.data!.turnCommentIntoDemand.id).toBe(one.data!.turnCommentIntoDemand.id);
    const otherCommunity = await api.gql(
      TURN,
      { ...vars, community: String(places.taopu), t: '长'.repeat(200) },
      tokens.taopu_admin,
    );
    expect(fieldsOf(otherCommunity)).toEqual(['communityId', 'title']);
  });
});
