// Satisfaction figures from the rollups: they equal a direct computation over the raw responses for
// random periods (partial months included), count Shanghai days, follow the district's threshold
// and compliance target, drill down district → street → center, keep their scope, and
// Center.satisfaction is batched. Responses of this file lie in 2019 (Putuo) and 2018 (Jiading),
// far from the demo data and from other files' responses (and 2014, for concurrent writes).
import { DIMENSIONS } from '@lc/domain';
import ExcelJS from 'exceljs';
import { queryCounter } from '../../../db/query-counter';
import { Rng } from '../../../db/seed/data/prng';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';
import { rawSatisfaction } from '../figures';
import { addDays, shanghaiDate } from '../period';
import { figuresPlaces, respond, settle, shanghai, type TestCenter } from './fixtures';

let api: TestApi;
const tokens: Record<string, string> = {};
let putuo: number;
let jiading: number;
let taopu: number;
let changzheng: number;
let taopudong: TestCenter;
let taopuOther: TestCenter;
let changzhengCenter: TestCenter;
let jd: TestCenter[];

const SUMMARY = 'responses averageScore satisfiedRate';
const SAT = `query($r: ID, $c: ID, $from: DateTime, $to: DateTime) {
  satisfaction(regionId: $r, centerId: $c, from: $from, to: $to) { ${SUMMARY} } }`;
const REPORT = `query($r: ID!, $from: DateTime!, $to: DateTime!) { satisfactionReport(regionId: $r, from: $from, to: $to) {
  from to satisfiedThreshold complianceTarget complianceRate compliantCenters assessedCenters
  summary { ${SUMMARY} }
  byMonth { month ${SUMMARY} }
  byChannel { channel ${SUMMARY} }
  byDimension { dimension answers averageScore }
  children { region { id name } center { id name } summary { ${SUMMARY} } meetsTarget } } }`;
const SETTINGS = `query($d: ID!) { districtSettings(districtId: $d) {
  districtId satisfiedThreshold complianceTarget satisfactionWeight viewerCanEdit
  dimensionWeights { dimension weight } indicators { dimension description } } }`;
const UPDATE = `mutation($d: ID!, $input: UpdateDistrictSettingsInput!) { updateDistrictSettings(districtId: $d, input: $input) {
  satisfiedThreshold complianceTarget satisfactionWeight dimensionWeights { dimension weight } indicators { dimension description } } }`;

const day = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();

async function ok<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const r = await api.gql<T>(query, variables, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}

const codeOf = async (query: string, variables: Record<string, unknown>, token?: string) =>
  (await api.gql(query, variables, token)).errors?.[0]?.extensions?.code;

beforeAll(async () => {
  api = await startTestApi();
  Object.assign(tokens, await api.loginAll(DEMO_OFFICIALS));
  const places = await figuresPlaces(api);
  ({ putuo, jiading, taopu, changzheng, taopudong, taopuOther, changzhengCenter } = places);
  jd = places.jd.slice(0, 3);
}, 60000);

afterAll(async () => {
  await api?.close();
});

describe('rollups equal the raw responses', () => {
  beforeAll(async () => {
    // 2019: scores with decimals, at month edges and at Shanghai midnight, some without a score
    const rng = new Rng('satisfaction-api-2019');
    const centers = [taopudong, taopuOther, changzhengCenter];
    for (let i = 0; i < 240; i++) {
      const center = centers[i % 3];
      const at = new Date(Date.UTC(2019, 0, 1) + rng.int(0, 364 * 24 * 60) * 60_000 - 8 * 3600_000);
      const score = rng.chance(0.08)
        ? null
        : rng.chance(0.3)
          ? rng.int(0, 10)
          : Math.round(rng.range(0, 10) * 1000) / 1000;
      await respond(api, center, {
        at,
        score,
        channel: rng.chance(0.3) ? 'OFFLINE' : 'ONLINE',
        dimensions: score === null ? [] : [{ dimension: 'RESIDENT_PERCEPTION', score: Math.round(score) }],
      });
    }
    // edges of a month in Shanghai time (UTC+8): 23:30 on 31 March is still March, 00:10 on 1 April is April
    await respond(api, changzhengCenter, { at: shanghai('2019-03-31 23:30'), score: 9 });
    await respond(api, changzhengCenter, { at: shanghai('2019-04-01 00:10'), score: 3 });
    // a score that PostgreSQL keeps as 8.00: the rollup must see it as satisfied too
    await respond(api, changzhengCenter, { at: shanghai('2019-06-15 12:00'), score: 7.996 });
    await settle(api);
  }, 120000);

  it('for random periods, whole months and edge days alike, at center, street and district level', async () => {
    const rng = new Rng('satisfaction-periods');
    const scopes = [
      { vars: { c: String(taopudong.id) }, raw: { centerIds: [taopudong.id] } },
      { vars: { r: String(taopu) }, raw: { streetId: taopu } },
      { vars: { r: String(changzheng) }, raw: { streetId: changzheng } },
      { vars: { r: String(putuo) }, raw: { districtId: putuo } },
    ];
    for (let i = 0; i < 24; i++) {
      const from = addDays('2018-12-20', rng.int(0, 380));
      const to = addDays(from, rng.int(1, 400));
      const scope = scopes[i % scopes.length];
      // odd instants on purpose: figures count whole Shanghai days
      const fromAt = new Date(new Date(day(from)).getTime() + rng.int(0, 23) * 3600_000);
      const toAt = new Date(new Date(day(to)).getTime() + rng.int(0, 23) * 3600_000);
      const data = await ok(SAT, { ...scope.vars, from: fromAt.toISOString(), to: toAt.toISOString() });
      const raw = await rawSatisfaction(api.db, scope.raw, fromAt, toAt);
      expect(shanghaiDate(fromAt)).toBe(from);
      expect(data.satisfaction.responses).toBe(raw.responses);
      if (raw.averageScore === null) expect(data.satisfaction.averageScore).toBeNull();
      else expect(data.satisfaction.averageScore).toBeCloseTo(raw.averageScore, 9);
      if (raw.satisfiedRate === null) expect(data.satisfaction.satisfiedRate).toBeNull();
      else expect(data.satisfaction.satisfiedRate).toBeCloseTo(raw.satisfiedRate, 9);
    }
  });

  it('each center in the ranking equals its raw responses, for whole-month and partial periods', async () => {
    // the centers' figures come from running totals (whole months) and day rollups (edges); the
    // 2019 responses above were added in random time order, so later months' running rows took
    // responses dated before them
    const RANKING = `query($r: ID!, $from: DateTime!, $to: DateTime!) {
      centerRanking(regionId: $r, from: $from, to: $to) { center { id } satisfaction { ${SUMMARY} } } }`;
    const rng = new Rng('satisfaction-ranking-periods');
    const periods = [
      ['2019-01-01', '2020-01-01'],
      ['2019-03-01', '2019-04-01'],
      ['2019-02-10', '2019-11-20'],
    ];
    for (let i = 0; i < 5; i++) {
      const from = addDays('2018-12-15', rng.int(0, 380));
      periods.push([from, addDays(from, rng.int(1, 200))]);
    }
    for (const [from, to] of periods) {
      const { centerRanking } = await ok(
        RANKING,
        { r: String(putuo), from: day(from), to: day(to) },
        tokens.putuo_admin,
      );
      for (const c of [taopudong, taopuOther, changzhengCenter]) {
        const row = centerRanking.find((x: any) => x.center.id === String(c.id));
        const raw = await rawSatisfaction(api.db, { centerIds: [c.id] }, from, to);
        expect([from, to, row.satisfaction.responses]).toEqual([from, to, raw.responses]);
        if (raw.averageScore === null) expect(row.satisfaction.averageScore).toBeNull();
        else expect(row.satisfaction.averageScore).toBeCloseTo(raw.averageScore, 9);
        if (raw.satisfiedRate === null) expect(row.satisfaction.satisfiedRate).toBeNull();
        else expect(row.satisfaction.satisfiedRate).toBeCloseTo(raw.satisfiedRate, 9);
      }
    }
  });

  it('the ranking answers any Center field: lean rows for ids and names, whole rows otherwise', async () => {
    const q = (center: string) => `query($r: ID!, $from: DateTime!, $to: DateTime!) {
      centerRanking(regionId: $r, from: $from, to: $to) { districtRank center { ${center} } } }`;
    const vars = { r: String(taopu), from: day('2019-01-01'), to: day('2020-01-01') };
    const lean = (await ok(q('id name kind street { id } location { lat lng }'), vars, tokens.taopu_admin))
      .centerRanking;
    const full = (await ok(q('id name kind address facilities street { id }'), vars, tokens.taopu_admin))
      .centerRanking;
    expect(lean.length).toBeGreaterThan(1);
    expect(lean.map((x: any) => [x.center.id, x.center.name, x.center.street.id, x.districtRank])).toEqual(
      full.map((x: any) => [x.center.id, x.center.name, x.center.street.id, x.districtRank]),
    );
    expect(lean.every((x: any) => typeof x.center.location.lat === 'number')).toBe(true);
    // through fragments, as the admin SPA asks
    const viaFragments = (
      await ok(
        `query($r: ID!, $from: DateTime!, $to: DateTime!) {
          centerRanking(regionId: $r, from: $from, to: $to) { ...Rank ... on CenterRank { center { kind } } } }
         fragment Rank on CenterRank { districtRank center { id name address } }`,
        vars,
        tokens.taopu_admin,
      )
    ).centerRanking;
    expect(viaFragments.map((x: any) => [x.center.id, x.center.address, x.center.kind])).toEqual(
      full.map((x: any) => [x.center.id, x.center.address, expect.any(String)]),
    );
    expect(
      full.every((x: any) => typeof x.center.address === 'string' && Array.isArray(x.center.facilities)),
    ).toBe(true);
  });

  it('concurrent responses to one center, in different months, all reach its running totals', async () => {
    // 2014: no other test file's responses lie there; months out of order, all at once
    const months = [6, 2, 9, 2, 11, 4, 6, 1, 12, 3];
    await Promise.all(
      months.map((m, i) =>
        respond(api, taopuOther, {
          at: shanghai(`2014-${String(m).padStart(2, '0')}-10 10:00`),
          score: i % 11,
        }),
      ),
    );
    await settle(api);
    const rows: { month: string; responses: number }[] = await api.db.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, responses FROM satisfaction_center_running
       WHERE center_id = $1 AND month < '2015-01-01' ORDER BY month`,
      [taopuOther.id],
    );
    // each month's running total counts every response of that month and before
    for (const r of rows) {
      const m = Number(r.month.slice(5));
      expect([r.month, r.responses]).toEqual([r.month, months.filter((x) => x <= m).length]);
    }
    expect(rows.map((r) => r.month)).toEqual(
      [...new Set(months)].sort((a, b) => a - b).map((m) => `2014-${String(m).padStart(2, '0')}`),
    );
  });

  it('counts Shanghai calendar days: a response at 23:30 on 31 March belongs to March', async () => {
    const c = String(changzhengCenter.id);
    const raw = (from: string, to: string) =>
      rawSatisfaction(api.db, { centerIds: [changzhengCenter.id] }, from, to).then((x) => x.responses);
    // the two edge responses are 15:30 and 16:10 UTC on 31 March: a UTC calendar would put both in March
    for (const [from, to] of [
      ['2019-03-01', '2019-04-01'],
      ['2019-04-01', '2019-05-01'],
      ['2019-03-31', '2019-04-01'],
      ['2019-04-01', '2019-04-02'],
      ['2019-03-31', '2019-04-02'],
    ]) {
      const data = await ok(SAT, { c, from: day(from), to: day(to) });
      expect([from, data.satisfaction.responses]).toEqual([from, await raw(from, to)]);
    }
    const lastDay = await ok(SAT, { c, from: day('2019-03-31'), to: day('2019-04-01') });
    const firstDay = await ok(SAT, { c, from: day('2019-04-01'), to: day('2019-04-02') });
    expect(lastDay.satisfaction.responses).toBeGreaterThanOrEqual(1);
    expect(firstDay.satisfaction.responses).toBeGreaterThanOrEqual(1);
  });

  it('a 7.996 stored as 8.00 is satisfied in the rollups as in the raw responses', async () => {
    const vars = { c: String(changzhengCenter.id), from: day('2019-06-15'), to: day('2019-06-16') };
    const raw = await rawSatisfaction(
      api.db,
      { centerIds: [changzhengCenter.id] },
      '2019-06-15',
      '2019-06-16',
    );
    const data = await ok(SAT, vars);
    expect(data.satisfaction.satisfiedRate).toBeCloseTo(raw.satisfiedRate!, 9);
    expect(raw.satisfiedRate).toBeGreaterThan(0);
  });

  it('the report adds up: months, channels and children make the summary', async () => {
    const vars = { r: String(putuo), from: day('2019-02-10'), to: day('2019-11-20') };
    const { satisfactionReport: r } = await ok(REPORT, vars, tokens.putuo_admin);
    expect(r.from).toBe('2019-02-10');
    expect(r.to).toBe('2019-11-20');
    expect(r.byMonth.map((m: any) => m.month)).toEqual([
      '2019-02',
      '2019-03',
      '2019-04',
      '2019-05',
      '2019-06',
      '2019-07',
      '2019-08',
      '2019-09',
      '2019-10',
      '2019-11',
    ]);
    const sum = (list: any[]) => list.reduce((a, x) => a + x.summary.responses, 0);
    const total = r.summary.responses;
    expect(total).toBeGreaterThan(100);
    expect(r.byMonth.reduce((a: number, m: any) => a + m.responses, 0)).toBe(total);
    expect(r.byChannel.map((c: any) => c.channel)).toEqual(['ONLINE', 'OFFLINE']);
    expect(r.byChannel.reduce((a: number, c: any) => a + c.responses, 0)).toBe(total);
    // a district drills down to its streets, all of them
    const streets: { id: number }[] = await api.db.query(`SELECT id FROM region WHERE parent_id = $1`, [
      putuo,
    ]);
    expect(r.children).toHaveLength(streets.length);
    expect(r.children.every((c: any) => c.region && !c.center)).toBe(true);
    expect(sum(r.children)).toBe(total);
    // the first and last months count only their days inside the period
    const feb = await rawSatisfaction(api.db, { districtId: putuo }, '2019-02-10', '2019-03-01');
    expect(r.byMonth[0].responses).toBe(feb.responses);
    const raw = await rawSatisfaction(api.db, { districtId: putuo }, '2019-02-10', '2019-11-20');
    expect(r.summary.averageScore).toBeCloseTo(raw.averageScore!, 9);
    // residents' dimension answers: all eight dimensions listed, ours under RESIDENT_PERCEPTION
    expect(r.byDimension.map((d: any) => d.dimension)).toEqual([...DIMENSIONS]);
    const perception = r.byDimension.find((d: any) => d.dimension === 'RESIDENT_PERCEPTION');
    expect(perception.answers).toBeGreaterThan(50);

    // street → its centers
    const { satisfactionReport: street } = await ok(
      REPORT,
      { ...vars, r: String(taopu) },
      tokens.taopu_admin,
    );
    const taopuChild = r.children.find((c: any) => c.region.id === String(taopu));
    expect(street.summary).toEqual(taopuChild.summary);
    expect(street.children.every((c: any) => c.center && !c.region)).toBe(true);
    expect(sum(street.children)).toBe(street.summary.responses);
    const own = street.children.find((c: any) => c.center.id === String(taopudong.id));
    const center = await ok(SAT, { c: String(taopudong.id), from: vars.from, to: vars.to });
    expect(own.summary).toEqual(center.satisfaction);
  });
});

describe('threshold and compliance (Jiading, 2018)', () => {
  const vars = () => ({ r: String(jiading), from: day('2018-01-01'), to: day('2019-01-01') });

  beforeAll(async () => {
    // center 0: 9 of 10 at 8 or more; center 1: 5 of 10; center 2: 10 at 6 and 7
    for (let i = 0; i < 10; i++) {
      await respond(api, jd[0], {
        at: shanghai(`2018-03-${10 + i} 10:00`),
        score: i === 0 ? 5 : 8 + (i % 3),
      });
      await respond(api, jd[1], {
        at: shanghai(`2018-05-${10 + i} 10:00`),
        score: i < 5 ? 9 : 4,
        text: i >= 5 ? `排队太久了 ${i}` : '很好',
      });
      await respond(api, jd[2], { at: shanghai(`2018-07-${10 + i} 10:00`), score: i % 2 ? 6 : 7 });
    }
    await settle(api);
  }, 60000);

  afterAll(async () => {
    await ok(
      UPDATE,
      { d: String(jiading), input: { satisfiedThreshold: 8, complianceTarget: 0.8 } },
      tokens.jiading_admin,
    );
  });

  it('uses the district’s threshold and target, and reports the compliance rate', async () => {
    const { satisfactionReport: r } = await ok(REPORT, vars(), tokens.jiading_admin);
    expect(r.satisfiedThreshold).toBe(8);
    expect(r.complianceTarget).toBe(0.8);
    expect(r.summary.responses).toBe(30);
    expect(r.summary.satisfiedRate).toBeCloseTo(14 / 30, 9);
    expect(r.assessedCenters).toBe(3);
    expect(r.compliantCenters).toBe(1);
    expect(r.complianceRate).toBeCloseTo(1 / 3, 9);

    // threshold 6: every response of center 2 is satisfied; target 0.5: center 1 meets it too
    await ok(
      UPDATE,
      { d: String(jiading), input: { satisfiedThreshold: 6, complianceTarget: 0.5 } },
      tokens.jiading_admin,
    );
    const { satisfactionReport: after } = await ok(REPORT, vars(), tokens.jiading_admin);
    expect(after.summary.satisfiedRate).toBeCloseTo(24 / 30, 9);
    expect(after.compliantCenters).toBe(3);
    expect(after.complianceRate).toBe(1);
    const raw = await rawSatisfaction(api.db, { districtId: jiading }, '2018-01-01', '2019-01-01', 6);
    expect(after.summary.satisfiedRate).toBeCloseTo(raw.satisfiedRate!, 9);
    // the public summary follows the setting too
    const pub = await ok(SAT, { c: String(jd[2].id), from: day('2018-01-01'), to: day('2019-01-01') });
    expect(pub.satisfaction.satisfiedRate).toBe(1);
    await ok(
      UPDATE,
      { d: String(jiading), input: { satisfiedThreshold: 8, complianceTarget: 0.8 } },
      tokens.jiading_admin,
    );
  });

  it('no scored response: rates are null, compliance is null', async () => {
    const { satisfactionReport: r } = await ok(
      REPORT,
      { r: String(jiading), from: day('2017-01-01'), to: day('2017-02-01') },
      tokens.jiading_admin,
    );
    expect(r.summary).toEqual({ responses: 0, averageScore: null, satisfiedRate: null });
    expect(r.complianceRate).toBeNull();
    expect(r.assessedCenters).toBe(0);
  });

  it('lists the newest low-score free text, not the satisfied ones', async () => {
    const q = `query($r: ID!) { latestComplaints(regionId: $r, first: 3) { text score channel surveyTitle question center { id } } }`;
    const street = String(jd[1].streetId);
    const { latestComplaints } = await ok(q, { r: street }, tokens.jiading_admin);
    expect(latestComplaints.map((c: any) => c.text)).toEqual([
      '排队太久了 9',
      '排队太久了 8',
      '排队太久了 7',
    ]);
    expect(latestComplaints[0]).toMatchObject({
      score: 4,
      question: '意见建议',
      center: { id: String(jd[1].id) },
    });
    const q2 = `query($r: ID!, $to: DateTime) { latestComplaints(regionId: $r, first: 2, to: $to) { text } }`;
    const earlier = await ok(q2, { r: street, to: day('2018-05-18') }, tokens.jiading_admin);
    expect(earlier.latestComplaints.map((c: any) => c.text)).toEqual(['排队太久了 7', '排队太久了 6']);
    expect(await codeOf(q, { r: street }, tokens.putuo_admin)).toBe('FORBIDDEN');
    expect(
      await codeOf(
        `query($r: ID!) { latestComplaints(regionId: $r, first: 51) { text } }`,
        { r: street },
        tokens.jiading_admin,
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('district settings', () => {
  it('defaults when nothing is set (Pudong)', async () => {
    const pudong = (await api.db.query(`SELECT id FROM region WHERE code = '310115'`))[0].id;
    const token = await api.login('pudong_admin');
    const { districtSettings: s } = await ok(SETTINGS, { d: String(pudong) }, token);
    expect(s).toMatchObject({
      satisfiedThreshold: 8,
      complianceTarget: 0.8,
      satisfactionWeight: 0.5,
      viewerCanEdit: true,
    });
    expect(s.dimensionWeights).toEqual(DIMENSIONS.map((dimension) => ({ dimension, weight: 1 })));
    expect(s.indicators).toEqual(DIMENSIONS.map((dimension) => ({ dimension, description: null })));
  });

  it('refuses bad values, naming the fields, and changes nothing', async () => {
    const r = await api.gql(
      UPDATE,
      {
        d: String(putuo),
        input: {
          satisfiedThreshold: 11,
          complianceTarget: 1.5,
          satisfactionWeight: -0.1,
          dimensionWeights: [
            { dimension: 'PARTY_LEADERSHIP', weight: -1 },
            { dimension: 'PARTY_LEADERSHIP', weight: 2 },
          ],
          indicators: [{ dimension: 'SITE_RECOGNITION', description: 'x'.repeat(5001) }],
        },
      },
      tokens.putuo_admin,
    );
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors![0].extensions!.fields!.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.satisfiedThreshold',
        'input.complianceTarget',
        'input.satisfactionWeight',
        'input.dimensionWeights[0].weight',
        'input.dimensionWeights[1].dimension',
        'input.indicators[0].description',
      ]),
    );
    expect(r.errors![0].extensions!.fields!.every((f) => f.message.includes(' / '))).toBe(true);
    const zero = await api.gql(
      UPDATE,
      {
        d: String(jiading),
        input: { dimensionWeights: DIMENSIONS.map((dimension) => ({ dimension, weight: 0 })) },
      },
      tokens.jiading_admin,
    );
    expect(zero.errors?.[0].extensions?.fields?.[0].field).toBe('input.dimensionWeights');
  });

  it('keeps indicators per dimension; officials of the district read them', async () => {
    const input = {
      indicators: [
        { dimension: 'SOCIAL_VISIBILITY', description: '媒体报道、获奖情况' },
        { dimension: 'PARTY_LEADERSHIP', description: '党建引领议事协商' },
      ],
    };
    await ok(UPDATE, { d: String(jiading), input }, tokens.jiading_admin);
    const cleared = await ok(
      UPDATE,
      { d: String(jiading), input: { indicators: [{ dimension: 'PARTY_LEADERSHIP', description: '' }] } },
      tokens.jiading_admin,
    );
    const ind = cleared.updateDistrictSettings.indicators;
    expect(ind.find((i: any) => i.dimension === 'SOCIAL_VISIBILITY').description).toBe('媒体报道、获奖情况');
    expect(ind.find((i: any) => i.dimension === 'PARTY_LEADERSHIP').description).toBeNull();
    const { districtSettings } = await ok(SETTINGS, { d: String(putuo) }, tokens.taopudong_staff);
    expect(districtSettings.viewerCanEdit).toBe(false);
  });

  it('only the district admin changes them; only its officials read them', async () => {
    const input = { satisfiedThreshold: 7 };
    for (const who of ['taopu_admin', 'evaluator', 'taopudong_staff', 'jiading_admin'])
      expect(await codeOf(UPDATE, { d: String(putuo), input }, tokens[who])).toBe('FORBIDDEN');
    expect(await codeOf(UPDATE, { d: String(putuo), input })).toBe('UNAUTHENTICATED');
    const resident = await createTestResident(api);
    expect(await codeOf(SETTINGS, { d: String(putuo) }, resident.token)).toBe('FORBIDDEN');
    expect(await codeOf(SETTINGS, { d: String(putuo) }, tokens.jiading_admin)).toBe('FORBIDDEN');
    expect(await codeOf(SETTINGS, { d: String(taopu) }, tokens.putuo_admin)).toBe('NOT_FOUND');
  });
});

describe('scope', () => {
  const vars = (r: number) => ({ r: String(r), from: day('2019-01-01'), to: day('2020-01-01') });

  it('district figures: its admin and evaluators; street figures: the street’s officials too', async () => {
    expect(await codeOf(REPORT, vars(putuo), tokens.putuo_admin)).toBeUndefined();
    expect(await codeOf(REPORT, vars(putuo), tokens.evaluator)).toBeUndefined();
    expect(await codeOf(REPORT, vars(putuo), tokens.taopu_admin)).toBe('FORBIDDEN');
    expect(await codeOf(REPORT, vars(putuo), tokens.taopudong_staff)).toBe('FORBIDDEN');
    expect(await codeOf(REPORT, vars(putuo), tokens.jiading_admin)).toBe('FORBIDDEN');
    expect(await codeOf(REPORT, vars(taopu), tokens.taopu_admin)).toBeUndefined();
    expect(await codeOf(REPORT, vars(taopu), tokens.taopudong_staff)).toBeUndefined();
    expect(await codeOf(REPORT, vars(taopu), tokens.evaluator)).toBeUndefined();
    expect(await codeOf(REPORT, vars(changzheng), tokens.taopu_admin)).toBe('FORBIDDEN');
    expect(await codeOf(REPORT, vars(changzheng), tokens.taopudong_staff)).toBe('FORBIDDEN');
    expect(await codeOf(REPORT, vars(taopu))).toBe('UNAUTHENTICATED');
    const resident = await createTestResident(api);
    expect(await codeOf(REPORT, vars(taopu), resident.token)).toBe('FORBIDDEN');
    for (const q of [
      `query($r: ID!, $from: DateTime!, $to: DateTime!) { centerRanking(regionId: $r, from: $from, to: $to) { composite } }`,
      `query($r: ID!, $from: DateTime!, $to: DateTime!) { exportSatisfactionReport(regionId: $r, from: $from, to: $to) { fileName } }`,
      `query($r: ID!, $from: DateTime!, $to: DateTime!) { dashboard(regionId: $r, from: $from, to: $to) { from } }`,
    ]) {
      expect(await codeOf(q, vars(changzheng), tokens.taopu_admin)).toBe('FORBIDDEN');
      expect(await codeOf(q, vars(taopu), resident.token)).toBe('FORBIDDEN');
    }
  });

  it('the public summaries answer everyone, residents and anonymous callers included', async () => {
    const resident = await createTestResident(api);
    const anon = await ok(SAT, { r: String(taopu), from: day('2019-01-01'), to: day('2020-01-01') });
    const res = await ok(
      SAT,
      { r: String(taopu), from: day('2019-01-01'), to: day('2020-01-01') },
      resident.token,
    );
    expect(anon).toEqual(res);
    expect(anon.satisfaction.responses).toBeGreaterThan(0);
    const all = await ok(SAT, { from: day('2019-01-01'), to: day('2020-01-01') });
    expect(all.satisfaction.responses).toBeGreaterThanOrEqual(anon.satisfaction.responses);
  });

  it('refuses bad periods and unknown or mismatched places, naming the argument', async () => {
    const bad = await api.gql(SAT, { r: String(taopu), from: day('2019-02-01'), to: day('2019-02-01') });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    expect(await codeOf(SAT, { r: '999999' })).toBe('NOT_FOUND');
    const mismatch = await api.gql(SAT, { r: String(changzheng), c: String(taopudong.id) });
    expect(mismatch.errors?.[0].extensions?.fields?.[0].field).toBe('centerId');
  });
});

describe('Center.satisfaction', () => {
  it('is batched: the same statements for 2 centers as for 50', async () => {
    const q = `query($first: Int!, $from: DateTime, $to: DateTime) { centers(first: $first) {
      edges { node { id satisfaction(from: $from, to: $to) { ${SUMMARY} } all: satisfaction { responses } } } } }`;
    const count = async (first: number) => {
      queryCounter.reset();
      const data = await ok(q, { first, from: day('2019-01-01'), to: day('2020-01-01') });
      expect(data.centers.edges).toHaveLength(first);
      return queryCounter.count;
    };
    expect(await count(50)).toBe(await count(2));
  });

  it('equals the summary of the center', async () => {
    const q = `query($id: ID!, $from: DateTime, $to: DateTime) { center(id: $id) { satisfaction(from: $from, to: $to) { ${SUMMARY} } } }`;
    const vars = { from: day('2019-03-03'), to: day('2019-09-09') };
    const viaCenter = await ok(q, { id: String(taopudong.id), ...vars });
    const viaQuery = await ok(SAT, { c: String(taopudong.id), ...vars });
    expect(viaCenter.center.satisfaction).toEqual(viaQuery.satisfaction);
  });
});

describe('Excel report', () => {
  it('has the four sheets with Chinese headers', async () => {
    const q = `query($r: ID!, $from: DateTime!, $to: DateTime!) { exportSatisfactionReport(regionId: $r, from: $from, to: $to) { fileName mimeType contentBase64 } }`;
    const { exportSatisfactionReport: f } = await ok(
      q,
      { r: String(taopu), from: day('2019-01-01'), to: day('2020-01-01') },
      tokens.taopu_admin,
    );
    expect(f.fileName).toMatch(/^满意度报告-桃浦镇-2019-01-01-2020-01-01-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概览', '按月', '按维度', '排名']);
    expect(wb.getWorksheet('按月')!.rowCount).toBe(13);
    expect(wb.getWorksheet('排名')!.getRow(1).getCell(3).value).toBe('中心');
    const centers: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM center WHERE street_id = $1`,
      [taopu],
    );
    expect(wb.getWorksheet('排名')!.rowCount).toBe(1 + centers[0].n);
  });
});
