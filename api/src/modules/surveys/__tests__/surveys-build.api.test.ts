// Building surveys: validation naming every field, scope, draft → open → closed, and reading.
import { createTestResident, type TestApi } from '../../../testing/harness';
import {
  CLOSE,
  CREATE,
  OPEN,
  SURVEY_FIELDS,
  codeOf,
  fieldsOf,
  makeSurvey,
  setUp,
  surveyInput,
  uniq,
  type Places,
  type User,
} from './survey-testing';

let api: TestApi;
let tokens: Record<User, string>;
let places: Places;

beforeAll(async () => {
  ({ api, tokens, places } = await setUp());
});
afterAll(() => api.close());

const UPDATE = `mutation($id: ID!, $input: SurveyInput!) { updateSurvey(id: $id, input: $input) { ${SURVEY_FIELDS} } }`;
const LIST = `query($centerId: ID, $status: SurveyStatus) { surveys(centerId: $centerId, status: $status) { id status } }`;
const ONE = `query($id: ID!) { survey(id: $id) { id status viewerCanManage } }`;

describe('building a survey', () => {
  it('makes a DRAFT whose district, street and center come from its center', async () => {
    const input = surveyInput(places.taopudongCenter, {
      anonymous: true,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const r = await api.gql(CREATE, { input }, tokens.taopu_admin);
    expect(r.errors).toBeUndefined();
    const s = r.data!.createSurvey;
    expect(s).toMatchObject({
      title: input.title,
      status: 'DRAFT',
      scopeKind: 'CENTER',
      anonymous: true,
      center: { id: String(places.taopudongCenter) },
      responseCount: 0,
      viewerCanManage: true,
      acceptingResponses: false,
    });
    expect(s.questions.map((q: { kind: string; position: number }) => [q.kind, q.position])).toEqual([
      ['SCORE', 1],
      ['SINGLE_CHOICE', 2],
      ['MULTIPLE_CHOICE', 3],
      ['TEXT', 4],
    ]);
    expect(s.questions[0]).toMatchObject({ dimension: 'RESIDENT_PERCEPTION', required: true, options: null });
    expect(s.questions[2]).toMatchObject({ required: false, options: ['助餐', '助浴', '文体活动'] });
    const [row] = await api.db.query(`SELECT district_id, street_id, center_id FROM survey WHERE id = $1`, [
      s.id,
    ]);
    expect(row).toEqual({
      district_id: places.district,
      street_id: places.taopu,
      center_id: places.taopudongCenter,
    });
  });

  it('names every bad field by its path and stores nothing', async () => {
    const title = uniq('坏问卷');
    const r = await api.gql(
      CREATE,
      {
        input: {
          title: `${title}${'长'.repeat(100)}`,
          scopeKind: 'CENTER',
          centerId: String(places.taopudongCenter),
          regionId: String(places.taopu),
          opensAt: new Date(Date.now() + 86_400_000).toISOString(),
          closesAt: new Date().toISOString(),
          questions: [
            { kind: 'SINGLE_CHOICE', text: '只有一个选项', options: ['是', ' 是 '] },
            { kind: 'TEXT', text: '文字题', dimension: 'PARTY_LEADERSHIP' },
            { kind: 'SCORE', text: '打分题', options: ['1', '2'] },
            { kind: 'MULTIPLE_CHOICE', text: '多选题', options: ['甲'] },
            { kind: 'SCORE', text: '打分题' },
          ],
        },
      },
      tokens.taopu_admin,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(r)).toEqual(
      [
        'input.title',
        'input.regionId',
        'input.closesAt',
        'input.questions.0.options',
        'input.questions.1.dimension',
        'input.questions.2.options',
        'input.questions.3.options',
        'input.questions.4.text',
      ].sort(),
    );
    for (const f of r.errors![0].extensions!.fields!)
      expect(f.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM survey WHERE title LIKE $1`, [
      `${title}%`,
    ]);
    expect(n).toBe(0);
  });

  it('needs at least one question and the id its scope names', async () => {
    const r = await api.gql(
      CREATE,
      { input: { title: uniq('空问卷'), scopeKind: 'REGION', questions: [] } },
      tokens.putuo_admin,
    );
    expect(fieldsOf(r)).toEqual(['input.questions', 'input.regionId']);
  });

  it('derives the placement of service, project and region surveys', async () => {
    const street = await makeSurvey(
      api,
      tokens.taopu_admin,
      { ...surveyInput(0), scopeKind: 'REGION', centerId: null, regionId: String(places.taopu) },
      false,
    );
    const [item] = await api.db.query(
      `SELECT id, district_id FROM service_item WHERE menu = 'DISTRICT' AND district_id = $1 LIMIT 1`,
      [places.district],
    );
    const service = await makeSurvey(
      api,
      tokens.taopudong_staff,
      { ...surveyInput(places.taopudongCenter), scopeKind: 'SERVICE', serviceId: String(item.id) },
      false,
    );
    const [project] = await api.db.query(
      `INSERT INTO project (title, status, publicly_funded, center_id, street_id, district_id)
       VALUES ($1, 'PROPOSED', false, $2, $3, $4) RETURNING id`,
      [uniq('测试项目'), places.taopudongCenter, places.taopu, places.district],
    );
    const proj = await makeSurvey(
      api,
      tokens.taopu_admin,
      { ...surveyInput(0), scopeKind: 'PROJECT', centerId: null, projectId: String(project.id) },
      false,
    );
    expect(street).toMatchObject({ region: { id: String(places.taopu) }, center: null });
    expect(service).toMatchObject({
      service: { id: String(item.id) },
      center: { id: String(places.taopudongCenter) },
    });
    expect(proj).toMatchObject({
      project: { id: String(project.id) },
      center: { id: String(places.taopudongCenter) },
    });
    const rows = await api.db.query(
      `SELECT id, district_id, street_id, center_id FROM survey WHERE id = ANY($1::int[]) ORDER BY id`,
      [[street.id, service.id, proj.id]],
    );
    expect(rows.map((r: Record<string, number>) => [r.district_id, r.street_id, r.center_id])).toEqual([
      [places.district, places.taopu, null],
      [places.district, places.taopu, places.taopudongCenter],
      [places.district, places.taopu, places.taopudongCenter],
    ]);
  });

  it('is refused outside the caller’s scope', async () => {
    const otherStreet = await api.gql(
      CREATE,
      { input: surveyInput(places.taopudongCenter) },
      tokens.changzheng_admin,
    );
    expect(codeOf(otherStreet)).toBe('FORBIDDEN');
    const staffRegion = await api.gql(
      CREATE,
      { input: { ...surveyInput(0), scopeKind: 'REGION', centerId: null, regionId: String(places.taopu) } },
      tokens.taopudong_staff,
    );
    expect(codeOf(staffRegion)).toBe('FORBIDDEN');
    const evaluator = await api.gql(CREATE, { input: surveyInput(places.taopudongCenter) }, tokens.evaluator);
    expect(codeOf(evaluator)).toBe('FORBIDDEN');
    const resident = await createTestResident(api);
    expect(
      codeOf(await api.gql(CREATE, { input: surveyInput(places.taopudongCenter) }, resident.token)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(CREATE, { input: surveyInput(places.taopudongCenter) }))).toBe(
      'UNAUTHENTICATED',
    );
    // center staff build surveys of their own center
    const own = await api.gql(CREATE, { input: surveyInput(places.taopudongCenter) }, tokens.taopudong_staff);
    expect(own.errors).toBeUndefined();
  });
});

describe('draft, open, closed', () => {
  it('changes a draft only; opens; closes; refuses the wrong moves', async () => {
    const draft = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter), false);
    const changed = await api.gql(
      UPDATE,
      {
        id: draft.id,
        input: {
          ...surveyInput(places.taopudongCenter),
          title: '改过的标题',
          questions: [{ kind: 'SCORE', text: '满意度' }],
        },
      },
      tokens.taopu_admin,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.updateSurvey).toMatchObject({ title: '改过的标题', status: 'DRAFT' });
    expect(changed.data!.updateSurvey.questions).toHaveLength(1);

    expect(codeOf(await api.gql(CLOSE, { id: draft.id }, tokens.taopu_admin))).toBe('CONFLICT');
    expect(codeOf(await api.gql(OPEN, { id: draft.id }, tokens.changzheng_admin))).toBe('NOT_FOUND');
    const opened = await api.gql(OPEN, { id: draft.id }, tokens.taopu_admin);
    expect(opened.data!.openSurvey).toMatchObject({ status: 'OPEN', acceptingResponses: true });
    // opening again changes nothing
    expect((await api.gql(OPEN, { id: draft.id }, tokens.taopu_admin)).data!.openSurvey.status).toBe('OPEN');
    // an open survey is public: another office reads it but may not close it
    expect(codeOf(await api.gql(CLOSE, { id: draft.id }, tokens.changzheng_admin))).toBe('FORBIDDEN');
    const edit = await api.gql(
      UPDATE,
      { id: draft.id, input: surveyInput(places.taopudongCenter) },
      tokens.taopu_admin,
    );
    expect(codeOf(edit)).toBe('CONFLICT');
    const closed = await api.gql(CLOSE, { id: draft.id }, tokens.taopudong_staff);
    expect(closed.data!.closeSurvey).toMatchObject({ status: 'CLOSED', acceptingResponses: false });
    expect(codeOf(await api.gql(OPEN, { id: draft.id }, tokens.taopu_admin))).toBe('CONFLICT');
  });

  it('will not open a survey whose closing time has passed', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter), false);
    await api.db.query(`UPDATE survey SET closes_at = now() - interval '1 minute' WHERE id = $1`, [s.id]);
    const r = await api.gql(OPEN, { id: s.id }, tokens.taopu_admin);
    expect(fieldsOf(r)).toEqual(['id']);
  });
});

describe('reading surveys', () => {
  it('shows residents and anonymous callers the open surveys only; officials their scope', async () => {
    const draft = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter), false);
    const open = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter));
    const resident = await createTestResident(api, places.ownCenter);
    const ids = async (token?: string, status?: string) =>
      (
        (await api.gql(LIST, { centerId: String(places.ownCenter), status }, token)).data!.surveys as {
          id: string;
        }[]
      ).map((s) => s.id);
    expect(await ids(resident.token)).toEqual([open.id]);
    expect(await ids(undefined)).toEqual([open.id]);
    expect(await ids(resident.token, 'DRAFT')).toEqual([]);
    expect(await ids(tokens.taopu_admin)).toEqual([open.id, draft.id]);
    expect(await ids(tokens.taopu_admin, 'DRAFT')).toEqual([draft.id]);
    expect(await ids(tokens.putuo_admin, 'DRAFT')).toEqual([draft.id]);
    expect(await ids(tokens.changzheng_admin)).toEqual([]);
    // taopudong staff keep another center
    expect(await ids(tokens.taopudong_staff)).toEqual([]);

    expect((await api.gql(ONE, { id: draft.id }, resident.token)).data!.survey).toBeNull();
    expect((await api.gql(ONE, { id: draft.id }, tokens.changzheng_admin)).data!.survey).toBeNull();
    expect((await api.gql(ONE, { id: draft.id }, tokens.evaluator)).data!.survey).toMatchObject({
      viewerCanManage: false,
    });
    expect((await api.gql(ONE, { id: open.id }, resident.token)).data!.survey).toMatchObject({
      status: 'OPEN',
      viewerCanManage: false,
    });
  });

  it('batches the survey fields of a list', async () => {
    for (let i = 0; i < 3; i++) await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter));
    const resident = await createTestResident(api, places.ownCenter);
    const r = await api.gql(
      `query($c: ID) { surveys(centerId: $c) { ${SURVEY_FIELDS} } }`,
      { c: String(places.ownCenter) },
      resident.token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.surveys.length).toBeGreaterThanOrEqual(3);
  });
});
