import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { displayName role scope { name level } } } }`;

describe('login', () => {
  it('signs in a demo account and me returns it with its scope', async () => {
    const r: any = await api.gql(LOGIN, { u: 'taopu_admin', p: 'Demo@2026' });
    expect(r.errors).toBeUndefined();
    expect(r.data.login.user).toMatchObject({
      role: 'STREET_ADMIN',
      scope: { name: '桃浦镇', level: 'STREET' },
    });
    const me: any = await api.gql(`{ me { role scope { name } } }`, {}, r.data.login.token);
    expect(me.data.me).toEqual({ role: 'STREET_ADMIN', scope: { name: '桃浦镇' } });
  });

  it('gives center staff their center street as scope', async () => {
    const token = await api.login('taopudong_staff');
    const me: any = await api.gql(`{ me { role scope { name } } }`, {}, token);
    expect(me.data.me).toEqual({ role: 'CENTER_STAFF', scope: { name: '桃浦镇' } });
  });

  it('fails the same way for a wrong password and an unknown user', async () => {
    const wrong: any = await api.gql(LOGIN, { u: 'taopu_admin', p: 'nope' });
    const unknown: any = await api.gql(LOGIN, { u: 'nobody_here', p: 'nope' });
    expect(wrong.data).toBeNull();
    expect(unknown.data).toBeNull();
    expect(wrong.errors[0].extensions).toEqual(unknown.errors[0].extensions);
    expect(wrong.errors[0].message).toBe(unknown.errors[0].message);
    expect(wrong.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('treats a bad token as anonymous', async () => {
    const me: any = await api.gql(`{ me { id } }`, {}, 'not-a-token');
    expect(me.data.me).toBeNull();
  });
});

describe('updateCenter scoping', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateCenterInput!) { updateCenter(id: $id, input: $input) { id openingHours facilities } }`;
  let taopudong: { id: string; openingHours: string | null; streetId: string };
  let changzhengCenter: { id: string };

  beforeAll(async () => {
    const a: any = await api.gql(
      `{ centers(filter: { search: "桃浦东片区" }, first: 1) { edges { node { id openingHours street { id } } } } }`,
    );
    const n = a.data.centers.edges[0].node;
    taopudong = { id: n.id, openingHours: n.openingHours, streetId: n.street.id };
    const cz: any = await api.gql(`{ regions(level: STREET) { id name } }`);
    const changzheng = cz.data.regions.find((r: any) => r.name === '长征镇');
    const c: any = await api.gql(
      `query($r: ID) { centers(filter: { regionId: $r }, first: 1) { edges { node { id } } } }`,
      {
        r: changzheng.id,
      },
    );
    changzhengCenter = c.data.centers.edges[0].node;
  });

  async function hoursOf(id: string): Promise<string | null> {
    const r: any = await api.gql(`query($id: ID!) { center(id: $id) { openingHours } }`, { id });
    return r.data.center.openingHours;
  }

  it.each([
    ['putuo_admin', 'district admin in the district'],
    ['taopu_admin', 'street admin in the street'],
    ['taopudong_staff', 'staff of the center'],
  ])('lets %s (%s) change 桃浦东片区', async (user) => {
    const token = await api.login(user);
    const hours = `周一至周日 08:00-20:00 (${user})`;
    const r: any = await api.gql(UPDATE, { id: taopudong.id, input: { openingHours: hours } }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.updateCenter.openingHours).toBe(hours);
    expect(await hoursOf(taopudong.id)).toBe(hours);
  });

  it.each([
    ['changzheng_admin', 'FORBIDDEN'],
    ['evaluator', 'FORBIDDEN'],
    ['pudong_admin', 'FORBIDDEN'],
  ])('refuses %s with %s and changes nothing', async (user, code) => {
    const before = await hoursOf(taopudong.id);
    const token = await api.login(user);
    const r: any = await api.gql(UPDATE, { id: taopudong.id, input: { openingHours: 'hacked' } }, token);
    expect(r.errors[0].extensions.code).toBe(code);
    expect(r.data).toBeNull();
    expect(await hoursOf(taopudong.id)).toBe(before);
  });

  it('refuses center staff on another center', async () => {
    const token = await api.login('taopudong_staff');
    const before = await hoursOf(changzhengCenter.id);
    const r: any = await api.gql(UPDATE, { id: changzhengCenter.id, input: { openingHours: 'x' } }, token);
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await hoursOf(changzhengCenter.id)).toBe(before);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const r: any = await api.gql(UPDATE, { id: taopudong.id, input: { openingHours: 'x' } });
    expect(r.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('is NOT_FOUND for an unknown center', async () => {
    const token = await api.login('putuo_admin');
    const r: any = await api.gql(UPDATE, { id: '999999', input: { openingHours: 'x' } }, token);
    expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses bad input naming every offending field, and changes nothing', async () => {
    const token = await api.login('taopu_admin');
    const before: any = await api.gql(
      `query($id: ID!) { center(id: $id) { address facilities zones coveredCommunities { id } } }`,
      {
        id: taopudong.id,
      },
    );
    const r: any = await api.gql(
      UPDATE,
      {
        id: taopudong.id,
        input: {
          address: '   ',
          facilities: ['CANTEEN', 'SPACESHIP'],
          zones: ['NOWHERE'],
          coveredCommunityIds: [changzhengCenter.id, '999999'],
          openingHours: 'fine',
        },
      },
      token,
    );
    expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = r.errors[0].extensions.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(['input.address', 'input.coveredCommunityIds', 'input.facilities', 'input.zones']);
    const after: any = await api.gql(
      `query($id: ID!) { center(id: $id) { address facilities zones coveredCommunities { id } } }`,
      {
        id: taopudong.id,
      },
    );
    expect(after.data).toEqual(before.data);
    const tooLong: any = await api.gql(
      UPDATE,
      { id: taopudong.id, input: { address: 'x'.repeat(500) } },
      token,
    );
    expect(tooLong.errors[0].extensions.fields.map((f: any) => f.field)).toEqual(['input.address']);
  });

  it('changes facilities, zones and covered communities', async () => {
    const token = await api.login('taopu_admin');
    // another center of 桃浦镇, so that no other test file sees the change
    const list: any = await api.gql(
      `query($r: ID) { centers(filter: { regionId: $r }, first: 50) { edges { node { id name } } } }`,
      { r: taopudong.streetId },
    );
    const otherTaopu = list.data.centers.edges
      .map((e: any) => e.node)
      .find((n: any) => n.id !== taopudong.id);
    const original: any = await api.gql(
      `query($id: ID!) { center(id: $id) { facilities zones coveredCommunities { id } } }`,
      { id: otherTaopu.id },
    );
    const q: any = await api.gql(`query($id: ID!) { region(id: $id) { children { id } } }`, {
      id: taopudong.streetId,
    });
    const communityIds = q.data.region.children.slice(0, 3).map((c: any) => c.id);
    const r: any = await api.gql(
      `mutation($id: ID!, $input: UpdateCenterInput!) { updateCenter(id: $id, input: $input) { facilities zones coveredCommunities { id } } }`,
      {
        id: otherTaopu.id,
        input: { facilities: ['CANTEEN', 'BARBER'], zones: ['RECEPTION'], coveredCommunityIds: communityIds },
      },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.updateCenter.facilities).toEqual(['CANTEEN', 'BARBER']);
    expect(r.data.updateCenter.coveredCommunities.map((c: any) => c.id).sort()).toEqual(
      [...communityIds].sort(),
    );
    // put it back as seeded
    const o = original.data.center;
    const back: any = await api.gql(
      `mutation($id: ID!, $input: UpdateCenterInput!) { updateCenter(id: $id, input: $input) { coveredCommunities { id } } }`,
      {
        id: otherTaopu.id,
        input: {
          facilities: o.facilities,
          zones: o.zones,
          coveredCommunityIds: o.coveredCommunities.map((c: any) => c.id),
        },
      },
      token,
    );
    expect(back.data.updateCenter.coveredCommunities).toHaveLength(o.coveredCommunities.length);
  });

  it('tells the client who may edit through viewerCanEdit', async () => {
    const q = `query($id: ID!) { center(id: $id) { viewerCanEdit } }`;
    const anon: any = await api.gql(q, { id: taopudong.id });
    expect(anon.data.center.viewerCanEdit).toBe(false);
    const own: any = await api.gql(q, { id: taopudong.id }, await api.login('taopudong_staff'));
    expect(own.data.center.viewerCanEdit).toBe(true);
    const other: any = await api.gql(q, { id: taopudong.id }, await api.login('changzheng_admin'));
    expect(other.data.center.viewerCanEdit).toBe(false);
  });
});
