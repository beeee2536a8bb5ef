import { startTestApi, type TestApi } from '../../../testing/harness';
import { shanghaiNow } from '../team.loaders';
import { weekOf } from '../team.service';

let api: TestApi;
let t: Record<string, string>;
let taopudong: string;
let czCenter: string;
let taopuOther: string;
beforeAll(async () => {
  api = await startTestApi();
  t = await api.loginAll(['taopudong_staff', 'changzheng_admin', 'taopu_admin']);
  const [a] = await api.db.query(`SELECT id FROM center WHERE name = '桃浦东片区'`);
  taopudong = String(a.id);
  const [b] = await api.db.query(`SELECT id FROM center WHERE street_id = $1 ORDER BY id DESC LIMIT 1`, [
    await api.regionId('长征镇', 'STREET'),
  ]);
  czCenter = String(b.id);
  const [c] = await api.db.query(
    `SELECT id FROM center WHERE street_id = $1 AND name <> '桃浦东片区' ORDER BY id DESC LIMIT 1`,
    [await api.regionId('桃浦镇', 'STREET')],
  );
  taopuOther = String(c.id);
});
afterAll(() => api.close());

const ADD = `mutation($c: ID!, $input: TeamMemberInput!) { addTeamMember(centerId: $c, input: $input) { id name teamRole phoneMasked hasAccount } }`;
const PAIR = `mutation($c: ID!, $d: String!, $a: ID!, $b: ID!) { setDutyPair(centerId: $c, duty: $d, aMemberId: $a, bMemberId: $b) { id duty a { name } b { name } } }`;
const ENTRY = `mutation($input: RotaEntryInput!) { setRotaEntry(input: $input) { id day shift aAbsent onDuty { name } } }`;

async function gql(q: string, v: Record<string, unknown>, token?: string): Promise<any> {
  return api.gql(q, v, token);
}

describe('the 3+X team, AB roles and the rota', () => {
  const { day } = shanghaiNow();
  // a day far ahead so that no other test's rota meets this one
  const future = weekOf('2031-03-05')[2];

  it('builds a team with an account and a volunteer, an AB pair, and shows today’s duty person to everyone', async () => {
    const [staff] = await api.db.query(`SELECT id FROM app_user WHERE username = 'taopu_admin'`);
    const a = await gql(
      ADD,
      { c: taopuOther, input: { userId: String(staff.id), teamRole: 'FULL_TIME' } },
      t.taopu_admin,
    );
    expect(a.errors).toBeUndefined();
    expect(a.data.addTeamMember).toMatchObject({ name: '桃浦镇社区自治办管理员', hasAccount: true });
    const b = await gql(
      ADD,
      { c: taopuOther, input: { name: '王阿姨', teamRole: 'VOLUNTEER', phone: '13912340001' } },
      t.taopu_admin,
    );
    expect(b.data.addTeamMember).toMatchObject({
      name: '王阿姨',
      teamRole: 'VOLUNTEER',
      phoneMasked: '139****0001',
      hasAccount: false,
    });
    const pair = await gql(
      PAIR,
      { c: taopuOther, d: '前台接待', a: a.data.addTeamMember.id, b: b.data.addTeamMember.id },
      t.taopu_admin,
    );
    expect(pair.data.setDutyPair).toMatchObject({
      duty: '前台接待',
      a: { name: '桃浦镇社区自治办管理员' },
      b: { name: '王阿姨' },
    });
    const same = await gql(
      PAIR,
      { c: taopuOther, d: '帮办', a: a.data.addTeamMember.id, b: a.data.addTeamMember.id },
      t.taopu_admin,
    );
    expect(same.errors[0].extensions.fields[0].field).toBe('bMemberId');

    const entries = [];
    for (const shift of ['MORNING', 'AFTERNOON', 'EVENING']) {
      const e = await gql(
        ENTRY,
        { input: { centerId: taopuOther, day, shift, pairId: pair.data.setDutyPair.id } },
        t.taopu_admin,
      );
      expect(e.errors).toBeUndefined();
      expect(e.data.setRotaEntry.onDuty.name).toBe('桃浦镇社区自治办管理员');
      entries.push(e.data.setRotaEntry);
    }
    // the public center page: name and role only, and the center's phone
    const pub = await gql(
      `query($id: ID!) { center(id: $id) { phone dutyToday { name teamRole duty shift isBackup } team { id } } }`,
      { id: taopuOther },
    );
    expect(pub.data.center.dutyToday).toHaveLength(3);
    expect(pub.data.center.dutyToday[0]).toEqual({
      name: '桃浦镇社区自治办管理员',
      teamRole: 'FULL_TIME',
      duty: '前台接待',
      shift: 'MORNING',
      isBackup: false,
    });
    expect(pub.data.center.team).toBeNull();

    // A is absent this afternoon: B is on duty
    const absent = await gql(
      `mutation($id: ID!) { setRotaAbsence(id: $id, aAbsent: true) { aAbsent onDuty { name } } }`,
      { id: entries[1].id },
      t.taopu_admin,
    );
    expect(absent.data.setRotaAbsence).toEqual({ aAbsent: true, onDuty: { name: '王阿姨' } });
    const after = await gql(`query($id: ID!) { center(id: $id) { dutyToday { name shift isBackup } } }`, {
      id: taopuOther,
    });
    expect(after.data.center.dutyToday[1]).toEqual({ name: '王阿姨', shift: 'AFTERNOON', isBackup: true });

    // the week's rota for the center's managers
    const rota = await gql(
      `query($id: ID!, $w: String!) { center(id: $id) { rota(weekStart: $w) { day shift duty a { name } b { name } onDuty { name } } } }`,
      { id: taopuOther, w: day },
      t.taopu_admin,
    );
    expect(rota.data.center.rota.filter((e: any) => e.day === day)).toHaveLength(3);
  });

  it('refuses the same person on two centers in one shift (by account and by phone), also when both ask at once', async () => {
    // 桃浦东: a volunteer known by phone, and the staff account, on the rota of a future day
    const v1 = await gql(
      ADD,
      { c: taopudong, input: { name: '李师傅', teamRole: 'VOLUNTEER', phone: '13912340099' } },
      t.taopudong_staff,
    );
    const v2 = await gql(
      ADD,
      { c: taopudong, input: { name: '赵社工', teamRole: 'SOCIAL_WORKER' } },
      t.taopudong_staff,
    );
    const p1 = await gql(
      PAIR,
      { c: taopudong, d: '帮办代办', a: v1.data.addTeamMember.id, b: v2.data.addTeamMember.id },
      t.taopudong_staff,
    );
    const e1 = await gql(
      ENTRY,
      { input: { centerId: taopudong, day: future, shift: 'MORNING', pairId: p1.data.setDutyPair.id } },
      t.taopudong_staff,
    );
    expect(e1.errors).toBeUndefined();

    // 长征镇's center: the same volunteer (same phone, another member row) cannot be on its rota then
    const w1 = await gql(
      ADD,
      { c: czCenter, input: { name: '李师傅', teamRole: 'VOLUNTEER', phone: '139 1234 0099' } },
      t.changzheng_admin,
    );
    const w2 = await gql(
      ADD,
      { c: czCenter, input: { name: '钱阿姨', teamRole: 'VOLUNTEER' } },
      t.changzheng_admin,
    );
    const p2 = await gql(
      PAIR,
      { c: czCenter, d: '前台接待', a: w1.data.addTeamMember.id, b: w2.data.addTeamMember.id },
      t.changzheng_admin,
    );
    const clash = await gql(
      ENTRY,
      { input: { centerId: czCenter, day: future, shift: 'MORNING', pairId: p2.data.setDutyPair.id } },
      t.changzheng_admin,
    );
    expect(clash.errors[0].extensions).toMatchObject({ code: 'CONFLICT', conflictCenters: ['桃浦东片区'] });
    // … another shift is fine
    const other = await gql(
      ENTRY,
      { input: { centerId: czCenter, day: future, shift: 'EVENING', pairId: p2.data.setDutyPair.id } },
      t.changzheng_admin,
    );
    expect(other.errors).toBeUndefined();

    // two centers asking for the same account in the same shift at the same moment: one wins
    const [staff] = await api.db.query(`SELECT id FROM app_user WHERE username = 'taopudong_staff'`);
    const x1 = await gql(ADD, { c: czCenter, input: { userId: String(staff.id) } }, t.changzheng_admin);
    const p3 = await gql(
      PAIR,
      { c: czCenter, d: '巡查', a: x1.data.addTeamMember.id, b: w2.data.addTeamMember.id },
      t.changzheng_admin,
    );
    const members = await gql(
      `query($id: ID!) { center(id: $id) { team { id hasAccount name } } }`,
      { id: taopudong },
      t.taopudong_staff,
    );
    const account = members.data.center.team.find((m: any) => m.hasAccount);
    const p4 = await gql(
      PAIR,
      { c: taopudong, d: '巡查', a: account.id, b: v2.data.addTeamMember.id },
      t.taopudong_staff,
    );
    const both = await Promise.all([
      gql(
        ENTRY,
        { input: { centerId: czCenter, day: future, shift: 'AFTERNOON', pairId: p3.data.setDutyPair.id } },
        t.changzheng_admin,
      ),
      gql(
        ENTRY,
        { input: { centerId: taopudong, day: future, shift: 'AFTERNOON', pairId: p4.data.setDutyPair.id } },
        t.taopudong_staff,
      ),
    ]);
    const codes = both.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
  });

  it('keeps the team to the center’s managers', async () => {
    const r = await gql(ADD, { c: taopudong, input: { name: '外人' } }, t.changzheng_admin);
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
    const anon = await gql(ADD, { c: taopudong, input: { name: '外人' } });
    expect(anon.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const seen = await gql(
      `query($id: ID!) { center(id: $id) { team { id } dutyPairs { id } } }`,
      { id: taopudong },
      t.changzheng_admin,
    );
    expect(seen.data.center).toEqual({ team: null, dutyPairs: null });
    const bad = await gql(
      ENTRY,
      { input: { centerId: taopudong, day: '2031-02-30x', shift: 'MORNING', pairId: '1' } },
      t.taopudong_staff,
    );
    expect(bad.errors[0].extensions.fields[0].field).toBe('input.day');
    const audit = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action IN ('TEAM_CHANGED','ROTA_CHANGED')`,
    );
    expect(audit[0].n).toBeGreaterThan(5);
  });
});
