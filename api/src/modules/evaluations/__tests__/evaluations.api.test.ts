// 八度空间: recording evaluations (all eight dimensions, 0–10 with one decimal), weights, photos,
// scope; the composite score and the ranking moving when an evaluation is recorded; training
// tracks; the radar and the dashboard in one call. Evaluations of this file lie in 2015–2017 (and
// recent days for the scope checks), apart from the demo data and other files.
import { DIMENSIONS, type Dimension } from '@lc/domain';
import { queryCounter } from '../../../db/query-counter';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';
import {
  figuresPlaces,
  respond,
  settle,
  shanghai,
  type TestCenter,
} from '../../satisfaction/__tests__/fixtures';
import { shanghaiDate } from '../../satisfaction/period';

let api: TestApi;
const tokens: Record<string, string> = {};
let putuo: number;
let jiading: number;
let taopu: number;
let taopudong: TestCenter;
let taopuOther: TestCenter;
let changzhengCenter: TestCenter;
let jd: TestCenter[];

const RECORD = `mutation($input: RecordEvaluationInput!) { recordEvaluation(input: $input) {
  id phase evaluatedOn evaluatorKind evaluatorName total suggestions
  center { id name } scores { dimension score } findings { track text } photos { id } } }`;
const RANKING = `query($r: ID!, $from: DateTime!, $to: DateTime!) { centerRanking(regionId: $r, from: $from, to: $to) {
  center { id name } satisfaction { responses averageScore } satisfactionScore evaluationScore evaluations composite
  streetRank districtRank previousComposite previousStreetRank previousDistrictRank compositeChange streetRankChange districtRankChange } }`;

const day = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const today = () => shanghaiDate(new Date());

const all = (score: number, over: Partial<Record<Dimension, number>> = {}) =>
  DIMENSIONS.map((dimension) => ({ dimension, score: over[dimension] ?? score }));

function input(center: TestCenter, extra: Record<string, unknown> = {}) {
  return {
    centerId: String(center.id),
    phase: 'BEFORE',
    evaluatedOn: today(),
    evaluatorKind: 'EXPERIENCE_OFFICER',
    scores: all(8),
    findings: [{ track: 'BRAND_PROMOTION', text: '门头标识不清晰' }],
    suggestions: '统一标识',
    ...extra,
  };
}

async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const r = await api.gql<T>(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

const errorOf = async (query: string, variables: Record<string, unknown>, token?: string) =>
  (await api.gql(query, variables, token)).errors?.[0]?.extensions;

const record = async (center: TestCenter, extra: Record<string, unknown>, token = tokens.evaluator) =>
  (await ok(RECORD, { input: input(center, extra) }, token)).recordEvaluation;

beforeAll(async () => {
  api = await startTestApi();
  Object.assign(tokens, await api.loginAll(DEMO_OFFICIALS));
  const places = await figuresPlaces(api);
  ({ putuo, jiading, taopu, taopudong, taopuOther, changzhengCenter } = places);
  jd = places.jd.slice(0, 2);
}, 60000);

afterAll(async () => {
  await api?.close();
});

describe('recording an evaluation', () => {
  it('keeps the eight scores, findings and suggestions; the total is the mean × 10 with equal weights', async () => {
    const e = await record(taopudong, {
      phase: 'DURING',
      evaluatorKind: 'EXPERT',
      evaluatorName: '王专家',
      scores: all(8, { PARTY_LEADERSHIP: 9.5, SOCIAL_VISIBILITY: 6.1 }),
      findings: [
        { track: 'SERVICE_PROFESSIONAL', text: ' 助老服务记录不完整 ' },
        { track: 'GOVERNANCE_INNOVATION', text: '居民参与议事不足' },
      ],
    });
    expect(e).toMatchObject({
      phase: 'DURING',
      evaluatedOn: today(),
      evaluatorKind: 'EXPERT',
      evaluatorName: '王专家',
      suggestions: '统一标识',
      center: { id: String(taopudong.id), name: '桃浦东片区' },
      photos: [],
    });
    expect(e.scores.map((s: any) => s.dimension)).toEqual([...DIMENSIONS]);
    expect(e.scores[0].score).toBe(9.5);
    expect(e.total).toBeCloseTo(((8 * 6 + 9.5 + 6.1) / 8) * 10, 2);
    expect(e.findings).toEqual([
      { track: 'SERVICE_PROFESSIONAL', text: '助老服务记录不完整' },
      { track: 'GOVERNANCE_INNOVATION', text: '居民参与议事不足' },
    ]);
  });

  it('the evaluator’s name defaults to the signed-in user', async () => {
    const e = await record(taopudong, { evaluatorName: null });
    expect(e.evaluatorName).toBe('普陀区片区体验官');
  });

  it('refuses incomplete or out-of-range scores and bad days, naming the fields; nothing is stored', async () => {
    const [{ n: before }] = await api.db.query(`SELECT count(*)::int AS n FROM evaluation`);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ scores: all(8).slice(1) }, ['input.scores']],
      [{ scores: all(8, { SITE_RECOGNITION: 10.5 }) }, ['input.scores[1].score']],
      [{ scores: all(8, { SITE_RECOGNITION: -1 }) }, ['input.scores[1].score']],
      [{ scores: all(8, { PARTY_LEADERSHIP: 7.25 }) }, ['input.scores[0].score']],
      [{ scores: [...all(8), { dimension: 'PARTY_LEADERSHIP', score: 5 }] }, ['input.scores[8].dimension']],
      [{ evaluatedOn: '2099-01-01' }, ['input.evaluatedOn']],
      [{ evaluatedOn: '2019-02-30' }, ['input.evaluatedOn']],
      [{ findings: [{ track: 'BRAND_PROMOTION', text: '  ' }] }, ['input.findings[0].text']],
      [{ suggestions: 'x'.repeat(5001), scores: all(11) }, ['input.suggestions', 'input.scores[0].score']],
    ];
    for (const [extra, fields] of cases) {
      const ext = await errorOf(RECORD, { input: input(taopudong, extra) }, tokens.evaluator);
      expect(ext?.code).toBe('BAD_USER_INPUT');
      expect((ext?.fields as { field: string }[]).map((f) => f.field)).toEqual(
        expect.arrayContaining(fields),
      );
    }
    const missing = await errorOf(
      RECORD,
      { input: input(taopudong, { scores: all(8).slice(0, 6) }) },
      tokens.evaluator,
    );
    expect((missing?.fields as { message: string }[])[0].message).toContain(
      'RESIDENT_PERCEPTION, SOCIAL_VISIBILITY',
    );
    const [{ n: after }] = await api.db.query(`SELECT count(*)::int AS n FROM evaluation`);
    // other files may record meanwhile, but never fewer: compare our own center
    expect(after).toBeGreaterThanOrEqual(before);
    const [{ n: bad }] = await api.db.query(
      `SELECT count(*)::int AS n FROM evaluation WHERE center_id = $1 AND evaluated_on IN ('2099-01-01')`,
      [taopudong.id],
    );
    expect(bad).toBe(0);
  });

  it('evaluators and the admin of the district write; nobody else', async () => {
    expect(await record(taopudong, {}, tokens.putuo_admin)).toMatchObject({ phase: 'BEFORE' });
    for (const who of ['taopu_admin', 'taopudong_staff', 'jiading_admin'])
      expect((await errorOf(RECORD, { input: input(taopudong) }, tokens[who]))?.code).toBe('FORBIDDEN');
    const resident = await createTestResident(api);
    expect((await errorOf(RECORD, { input: input(taopudong) }, resident.token))?.code).toBe('FORBIDDEN');
    expect((await errorOf(RECORD, { input: input(taopudong) }))?.code).toBe('UNAUTHENTICATED');
    expect(
      (await errorOf(RECORD, { input: { ...input(taopudong), centerId: '999999' } }, tokens.evaluator))?.code,
    ).toBe('NOT_FOUND');
  });
});

describe('reading evaluations', () => {
  let taopuEval: string;
  let changzhengEval: string;

  beforeAll(async () => {
    taopuEval = (await record(taopudong, { phase: 'AFTER' })).id;
    changzhengEval = (await record(changzhengCenter, { phase: 'AFTER' })).id;
  });

  const LIST = `query($f: EvaluationFilter, $first: Int, $after: String) { evaluations(filter: $f, first: $first, after: $after) {
    totalCount edges { node { id center { id } phase } } pageInfo { hasNextPage endCursor } } }`;
  const ONE = `query($id: ID!) { evaluation(id: $id) { id total } }`;

  it('street officials read their street’s evaluations only; the district reads all', async () => {
    for (const who of ['taopu_admin', 'taopudong_staff']) {
      const { evaluations } = await ok(LIST, { f: { phase: 'AFTER' }, first: 100 }, tokens[who]);
      const ids = evaluations.edges.map((e: any) => e.node.id);
      expect(ids).toContain(taopuEval);
      expect(ids).not.toContain(changzhengEval);
      expect((await errorOf(ONE, { id: changzhengEval }, tokens[who]))?.code).toBe('NOT_FOUND');
    }
    for (const who of ['putuo_admin', 'evaluator']) {
      const { evaluations } = await ok(
        LIST,
        { f: { regionId: String(putuo), phase: 'AFTER' }, first: 100 },
        tokens[who],
      );
      const ids = evaluations.edges.map((e: any) => e.node.id);
      expect(ids).toEqual(expect.arrayContaining([taopuEval, changzhengEval]));
    }
    expect((await errorOf(ONE, { id: taopuEval }, tokens.jiading_admin))?.code).toBe('NOT_FOUND');
    const resident = await createTestResident(api);
    expect((await errorOf(LIST, {}, resident.token))?.code).toBe('FORBIDDEN');
  });

  it('filters by center, phase and days, newest first, with cursors', async () => {
    const f = { centerId: String(taopudong.id), from: day(today()) };
    const first = await ok(LIST, { f, first: 2 }, tokens.evaluator);
    expect(first.evaluations.totalCount).toBeGreaterThanOrEqual(4);
    expect(first.evaluations.edges.every((e: any) => e.node.center.id === String(taopudong.id))).toBe(true);
    const [a, b] = first.evaluations.edges.map((e: any) => Number(e.node.id));
    expect(a).toBeGreaterThan(b);
    const next = await ok(
      LIST,
      { f, first: 2, after: first.evaluations.pageInfo.endCursor },
      tokens.evaluator,
    );
    expect(Number(next.evaluations.edges[0].node.id)).toBeLessThan(b);
    const none = await ok(
      LIST,
      { f: { ...f, from: day('2001-01-01'), to: day('2001-02-01') } },
      tokens.evaluator,
    );
    expect(none.evaluations.totalCount).toBe(0);
  });

  it('keeps photos through the storage interface, once per content', async () => {
    const ADD = `mutation($e: ID!, $f: Upload!) { addEvaluationPhoto(evaluationId: $e, file: $f) {
      id fileName mimeType sizeBytes sha256 } }`;
    const bytes = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const png = bytes.toString('base64');
    const add = (vars: { e: string; n: string }, token: string) =>
      api.upload<any>(ADD, { e: vars.e }, { variable: 'f', name: vars.n, data: bytes }, token);
    const okAdd = async (vars: { e: string; n: string }, token: string) => {
      const r = await add(vars, token);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const errAdd = async (vars: { e: string; n: string }, token: string) =>
      (await add(vars, token)).errors?.[0].extensions;
    const one = (await okAdd({ e: taopuEval, n: '门头.png' }, tokens.evaluator)).addEvaluationPhoto;
    expect(one).toMatchObject({ fileName: '门头.png', mimeType: 'image/png', sizeBytes: 16 });
    const again = (await okAdd({ e: taopuEval, n: '门头2.png' }, tokens.evaluator)).addEvaluationPhoto;
    expect(again.id).toBe(one.id);
    const back = await ok(
      `query($id: ID!) { evaluationPhotoContent(id: $id) { fileName contentBase64 } }`,
      { id: one.id },
      tokens.taopu_admin,
    );
    expect(back.evaluationPhotoContent).toEqual({ fileName: '门头.png', contentBase64: png });
    const listed = await ok(
      `query($id: ID!) { evaluation(id: $id) { photos { id } } }`,
      { id: taopuEval },
      tokens.taopudong_staff,
    );
    expect(listed.evaluation.photos).toEqual([{ id: one.id }]);
    const bad = await errAdd({ e: taopuEval, n: 'x.exe' }, tokens.evaluator);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'file' }] });
    expect((await errAdd({ e: taopuEval, n: 'a.png' }, tokens.taopu_admin))?.code).toBe('FORBIDDEN');
    expect((await errAdd({ e: taopuEval, n: 'a.png' }, tokens.changzheng_admin))?.code).toBe('NOT_FOUND');
    const other = `query($id: ID!) { evaluationPhotoContent(id: $id) { fileName } }`;
    expect((await errorOf(other, { id: one.id }, tokens.changzheng_admin))?.code).toBe('NOT_FOUND');
  });
});

describe('dimension weights (Jiading)', () => {
  const UPDATE = `mutation($d: ID!, $input: UpdateDistrictSettingsInput!) { updateDistrictSettings(districtId: $d, input: $input) { satisfactionWeight } }`;

  afterAll(async () => {
    await ok(
      UPDATE,
      {
        d: String(jiading),
        input: { dimensionWeights: DIMENSIONS.map((dimension) => ({ dimension, weight: 1 })) },
      },
      tokens.jiading_admin,
    );
  });

  it('the total is Σ weight × score / Σ weight × 10', async () => {
    await ok(
      UPDATE,
      { d: String(jiading), input: { dimensionWeights: [{ dimension: 'PARTY_LEADERSHIP', weight: 3 }] } },
      tokens.jiading_admin,
    );
    const e = await record(
      jd[0],
      { scores: all(5, { PARTY_LEADERSHIP: 10 }), evaluatedOn: '2015-06-01' },
      tokens.jiading_admin,
    );
    expect(e.total).toBe(65);
  });
});

describe('composite score and ranking (Putuo, 2017 against the second half of 2016)', () => {
  const period = { r: '', from: day('2017-01-01'), to: day('2017-07-01') };

  beforeAll(async () => {
    period.r = String(putuo);
    // previous period: taopudong 60, the other taopu center 80
    await record(taopudong, { scores: all(6), evaluatedOn: '2016-09-01' });
    await record(taopuOther, { scores: all(8), evaluatedOn: '2016-10-01' });
    // current period: the other center 70; taopudong's residents average 8 (two responses)
    await record(taopuOther, { scores: all(7), evaluatedOn: '2017-02-01' });
    await respond(api, taopudong, {
      at: shanghai('2017-03-05 09:00'),
      score: 7,
      dimensions: [{ dimension: 'SITE_RECOGNITION', score: 7 }],
    });
    await respond(api, taopudong, {
      at: shanghai('2017-03-06 09:00'),
      score: 9,
      dimensions: [{ dimension: 'SITE_RECOGNITION', score: 9 }],
    });
    await settle(api);
  });

  const rankOf = (list: any[], center: TestCenter) => list.find((r) => r.center.id === String(center.id));

  it('ranks by composite; recording an evaluation moves the ranking', async () => {
    const before = (await ok(RANKING, period, tokens.putuo_admin)).centerRanking;
    const a0 = rankOf(before, taopudong);
    const b0 = rankOf(before, taopuOther);
    // taopudong: satisfaction alone (80); the other: its evaluation alone (70)
    expect(a0).toMatchObject({ satisfactionScore: 80, evaluationScore: null, evaluations: 0, composite: 80 });
    expect(b0).toMatchObject({ satisfactionScore: null, evaluationScore: 70, evaluations: 1, composite: 70 });
    expect(a0.streetRank).toBeLessThan(b0.streetRank);

    // two phases in the period both count: (50 + 70) / 2 = 60; composite 0.5 × 80 + 0.5 × 60 = 70
    await record(taopudong, { scores: all(5), evaluatedOn: '2017-04-01', phase: 'BEFORE' });
    await record(taopudong, { scores: all(7), evaluatedOn: '2017-06-30', phase: 'AFTER' });
    const mid = rankOf((await ok(RANKING, period, tokens.putuo_admin)).centerRanking, taopudong);
    expect(mid).toMatchObject({ evaluationScore: 60, evaluations: 2, composite: 70 });

    // one more evaluation at 1.0 everywhere: (50 + 70 + 10) / 3 = 43.33…, composite 61.67 < the other’s 70
    await record(taopudong, { scores: all(1), evaluatedOn: '2017-05-01', phase: 'DURING' });
    const after = (await ok(RANKING, period, tokens.putuo_admin)).centerRanking;
    const a1 = rankOf(after, taopudong);
    const b1 = rankOf(after, taopuOther);
    expect(a1.composite).toBeCloseTo(61.67, 2);
    expect(a1.streetRank).toBe(b1.streetRank + 1);
    expect(a1.districtRank).toBeGreaterThan(b1.districtRank);
    // against the previous period (taopudong 60, the other 80)
    expect(a1).toMatchObject({ previousComposite: 60, compositeChange: 1.67 });
    expect(b1).toMatchObject({ previousComposite: 80, compositeChange: -10 });
    expect(a1.streetRankChange).toBe(a1.previousStreetRank - a1.streetRank);
    expect(b1.districtRankChange).toBe(b1.previousDistrictRank - b1.districtRank);
    expect(after.map((r: any) => r.districtRank).filter((r: any) => r !== null)).toEqual(
      [...after.map((r: any) => r.districtRank).filter((r: any) => r !== null)].sort((x, y) => x - y),
    );
  });

  it('a street sees its centers with ranks within the street and the district', async () => {
    const street = (await ok(RANKING, { ...period, r: String(taopu) }, tokens.taopu_admin)).centerRanking;
    const district = (await ok(RANKING, period, tokens.evaluator)).centerRanking;
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM center WHERE street_id = $1`, [taopu]);
    expect(street).toHaveLength(n);
    expect(rankOf(street, taopudong)).toEqual(rankOf(district, taopudong));
  });

  it('costs the same statements for a district of many centers as for one of few', async () => {
    const q = `query($r: ID!, $from: DateTime!, $to: DateTime!) { centerRanking(regionId: $r, from: $from, to: $to) {
      center { name street { name } satisfaction(from: $from, to: $to) { responses } } composite } }`;
    const count = async (r: number, token: string) => {
      queryCounter.reset();
      await ok(q, { ...period, r: String(r) }, token);
      return queryCounter.count;
    };
    const [{ n: putuoCenters }] = await api.db.query(
      `SELECT count(*)::int AS n FROM center WHERE district_id = $1`,
      [putuo],
    );
    const [{ n: jiadingCenters }] = await api.db.query(
      `SELECT count(*)::int AS n FROM center WHERE district_id = $1`,
      [jiading],
    );
    expect(putuoCenters).not.toBe(jiadingCenters);
    expect(await count(putuo, tokens.putuo_admin)).toBe(await count(jiading, tokens.jiading_admin));
  });

  it('the radar: the center’s scores against its street’s average, and residents’ answers', async () => {
    const q = `query($c: ID!, $from: DateTime!, $to: DateTime!) { centerDimensions(centerId: $c, from: $from, to: $to) {
      dimension evaluationScore streetAverage residentScore } }`;
    const { centerDimensions: radar } = await ok(
      q,
      { c: String(taopudong.id), from: period.from, to: period.to },
      tokens.taopu_admin,
    );
    expect(radar.map((d: any) => d.dimension)).toEqual([...DIMENSIONS]);
    const site = radar.find((d: any) => d.dimension === 'SITE_RECOGNITION');
    // taopudong (5 + 7 + 1) / 3; the other 7; street average of the two centers' means
    expect(site.evaluationScore).toBeCloseTo(13 / 3, 9);
    expect(site.streetAverage).toBeCloseTo((13 / 3 + 7) / 2, 9);
    expect(site.residentScore).toBe(8);
    expect(radar.find((d: any) => d.dimension === 'PARTY_LEADERSHIP').residentScore).toBeNull();
    const code = await errorOf(
      q,
      { c: String(taopudong.id), from: period.from, to: period.to },
      tokens.changzheng_admin,
    );
    expect(code?.code).toBe('FORBIDDEN');
  });

  it('the dashboard answers report, ranking, complaints and radar in one call', async () => {
    const q = `query($r: ID!, $from: DateTime!, $to: DateTime!, $c: ID!) { dashboard(regionId: $r, from: $from, to: $to) {
      region { name } from to
      report { summary { responses averageScore } byMonth { month responses } children { center { id } summary { responses } } }
      ranking { center { id } composite streetRank }
      latestComplaints(first: 5) { text }
      centerDimensions(centerId: $c) { dimension evaluationScore } } }`;
    const { dashboard: d } = await ok(
      q,
      { ...period, r: String(taopu), c: String(taopudong.id) },
      tokens.taopudong_staff,
    );
    expect(d).toMatchObject({ region: { name: '桃浦镇' }, from: '2017-01-01', to: '2017-07-01' });
    expect(d.report.summary).toEqual({ responses: 2, averageScore: 8 });
    expect(d.report.byMonth).toHaveLength(6);
    expect(d.ranking.find((r: any) => r.center.id === String(taopudong.id)).composite).toBeCloseTo(61.67, 2);
    expect(d.latestComplaints).toEqual([]);
    expect(d.centerDimensions).toHaveLength(8);
  });
});

describe('training tracks (Jiading, 2015)', () => {
  const Q = `query($d: ID!, $from: DateTime, $to: DateTime) { trainingNeeds(districtId: $d, from: $from, to: $to) { track findings centers { id } } }`;

  it('counts findings per track and lists the centers', async () => {
    const vars = { d: String(jiading), from: day('2015-01-01'), to: day('2015-04-01') };
    const before = (await ok(Q, vars, tokens.jiading_admin)).trainingNeeds;
    expect(before.map((t: any) => t.track)).toEqual([
      'GOVERNANCE_INNOVATION',
      'SERVICE_PROFESSIONAL',
      'STANDARD_OPERATION',
      'BRAND_PROMOTION',
    ]);
    await record(
      jd[0],
      {
        evaluatedOn: '2015-02-01',
        findings: [
          { track: 'GOVERNANCE_INNOVATION', text: '议事协商流于形式' },
          { track: 'GOVERNANCE_INNOVATION', text: '居民自治组织不健全' },
          { track: 'BRAND_PROMOTION', text: '宣传不足' },
        ],
      },
      tokens.jiading_admin,
    );
    await record(
      jd[1],
      { evaluatedOn: '2015-03-01', findings: [{ track: 'GOVERNANCE_INNOVATION', text: '缺少议事规则' }] },
      tokens.jiading_admin,
    );
    const after = (await ok(Q, vars, tokens.jiading_admin)).trainingNeeds;
    const by = (list: any[], track: string) => list.find((t) => t.track === track);
    expect(by(after, 'GOVERNANCE_INNOVATION').findings - by(before, 'GOVERNANCE_INNOVATION').findings).toBe(
      3,
    );
    expect(
      by(after, 'GOVERNANCE_INNOVATION')
        .centers.map((c: any) => c.id)
        .sort(),
    ).toEqual([String(jd[0].id), String(jd[1].id)].sort());
    expect(by(after, 'BRAND_PROMOTION').centers).toEqual([{ id: String(jd[0].id) }]);
    expect(by(after, 'STANDARD_OPERATION')).toEqual({
      track: 'STANDARD_OPERATION',
      findings: 0,
      centers: [],
    });
  });

  it('is for the district’s admin and evaluators', async () => {
    expect(await errorOf(Q, { d: String(putuo) }, tokens.evaluator)).toBeUndefined();
    expect((await errorOf(Q, { d: String(putuo) }, tokens.taopu_admin))?.code).toBe('FORBIDDEN');
    expect((await errorOf(Q, { d: String(putuo) }, tokens.jiading_admin))?.code).toBe('FORBIDDEN');
    expect((await errorOf(Q, { d: String(taopu) }, tokens.putuo_admin))?.code).toBe('NOT_FOUND');
  });
});
