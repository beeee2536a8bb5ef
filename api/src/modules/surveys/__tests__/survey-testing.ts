// Shared set-up of the survey API tests: tokens, the seeded places they use, a fresh center of
// their own (so rollup rows are not shared with tests running in parallel) and survey builders.
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../../../testing/harness';

export interface Places {
  district: number;
  taopu: number;
  changzheng: number;
  taopuCommunity: number;
  taopudongCenter: number;
  /** a center made for this test file, in 桃浦镇 */
  ownCenter: number;
}

export const USERS = [
  'putuo_admin',
  'taopu_admin',
  'changzheng_admin',
  'taopudong_staff',
  'evaluator',
] as const;
export type User = (typeof USERS)[number];

export const uniq = (s: string) => `${s}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
export const key = () => randomUUID();

export const SURVEY_FIELDS = `id title description status scopeKind anonymous opensAt closesAt responseCount
  viewerHasAnswered viewerCanManage acceptingResponses center { id } region { id } service { id } project { id }
  questions { id kind text required options dimension position }`;

export interface SurveyOut {
  id: string;
  status: string;
  questions: { id: string; kind: string; text: string; required: boolean; options: string[] | null }[];
  [k: string]: unknown;
}

export async function setUp(): Promise<{ api: TestApi; tokens: Record<User, string>; places: Places }> {
  const api = await startTestApi();
  const tokens = Object.fromEntries(
    await Promise.all(USERS.map(async (u) => [u, await api.login(u)])),
  ) as Record<User, string>;
  const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
  const taopu = await one(`SELECT id, parent_id FROM region WHERE name = '桃浦镇'`);
  const changzheng = await one(`SELECT id FROM region WHERE name = '长征镇'`);
  const community = await one(`SELECT id FROM region WHERE parent_id = $1 ORDER BY id LIMIT 1`, [taopu.id]);
  const taopudong = await one(`SELECT id FROM center WHERE name = '桃浦东片区'`);
  const own = await one(
    `INSERT INTO center (code, name, kind, address, lat, lng, district_id, street_id)
     VALUES ($1, $2, 'COMMUNITY_STATION', '测试路1号', 31.28, 121.37, $3, $4) RETURNING id`,
    [uniq('TEST-SURVEY'), uniq('问卷测试站'), taopu.parent_id, taopu.id],
  );
  return {
    api,
    tokens,
    places: {
      district: taopu.parent_id,
      taopu: taopu.id,
      changzheng: changzheng.id,
      taopuCommunity: community.id,
      taopudongCenter: taopudong.id,
      ownCenter: own.id,
    },
  };
}

/** A survey input about a center: a score (counting toward a dimension), a single and a multiple
 * choice, an optional text. */
export function surveyInput(centerId: number, extra: Record<string, unknown> = {}) {
  return {
    title: uniq('服务满意度调查'),
    description: '请为本中心的服务打分',
    scopeKind: 'CENTER',
    centerId: String(centerId),
    questions: [
      { kind: 'SCORE', text: '总体满意度', dimension: 'RESIDENT_PERCEPTION' },
      { kind: 'SINGLE_CHOICE', text: '您多久来一次', options: ['每天', '每周', '每月'] },
      {
        kind: 'MULTIPLE_CHOICE',
        text: '您常用的服务',
        options: ['助餐', '助浴', '文体活动'],
        required: false,
      },
      { kind: 'TEXT', text: '您的意见和建议', required: false },
    ],
    ...extra,
  };
}

export const CREATE = `mutation($input: SurveyInput!) { createSurvey(input: $input) { ${SURVEY_FIELDS} } }`;
export const OPEN = `mutation($id: ID!) { openSurvey(id: $id) { ${SURVEY_FIELDS} } }`;
export const CLOSE = `mutation($id: ID!) { closeSurvey(id: $id) { ${SURVEY_FIELDS} } }`;
export const SUBMIT = `mutation($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { id submittedAt channel score } }`;

/** Creates (and by default opens) a survey; throws on errors. */
export async function makeSurvey(
  api: TestApi,
  token: string,
  input: Record<string, unknown>,
  open = true,
): Promise<SurveyOut> {
  const r = await api.gql(CREATE, { input }, token);
  if (!r.data?.createSurvey) throw new Error(JSON.stringify(r.errors));
  if (!open) return r.data.createSurvey;
  const o = await api.gql(OPEN, { id: r.data.createSurvey.id }, token);
  if (!o.data?.openSurvey) throw new Error(JSON.stringify(o.errors));
  return o.data.openSurvey;
}

/** Answers to the standard survey: score, choice, choices and text. */
export function answersTo(s: SurveyOut, score = 9, text: string | null = null) {
  const [q1, q2, q3, q4] = s.questions;
  return [
    { questionId: q1.id, score },
    { questionId: q2.id, choice: ['每周'] },
    { questionId: q3.id, choice: ['助餐', '文体活动'] },
    ...(text ? [{ questionId: q4.id, text }] : []),
  ];
}

export const fieldsOf = (r: { errors?: { extensions?: { fields?: { field: string }[] } }[] }) =>
  (r.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort();
export const codeOf = (r: { errors?: { extensions?: { code?: string } }[] }) =>
  r.errors?.[0]?.extensions?.code;
