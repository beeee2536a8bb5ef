// Residents sign in with a phone number and a one-time code. The database is shared with other
// test files running in parallel: every test uses numbers of its own and never assumes empty tables.
import http from 'node:http';
import { randomInt } from 'node:crypto';
import { decryptPersonal, hashPhone } from '../../../auth/phone-crypto';
import { startTestApi, type GqlResponse, type TestApi } from '../../../testing/harness';
import { residentToken } from '../resident-testing';
import {
  CODES_PER_ADDRESS_PER_HOUR,
  CODES_PER_NUMBER_PER_HOUR,
  findOrCreateResident,
  resetResidentRateLimits,
} from '../resident.service';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());
beforeEach(() => resetResidentRateLimits(api.db));

const REQUEST = `mutation($p: String!) { requestLoginCode(phone: $p) }`;
const LOGIN = `mutation($p: String!, $c: String!) {
  loginWithCode(phone: $p, code: $c) { token user { id displayName role phoneMasked scope { id } homeCenter { id } } }
}`;
const CODES = `query($p: String!) { devLoginCodes(phone: $p) { phone code sentAt } }`;

/** A mobile number no other test uses (the seed's are 1380000xxxx). */
function freshPhone(): string {
  return `1${randomInt(5, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

async function requestCode(phone: string): Promise<string> {
  const r = await api.gql<{ requestLoginCode: boolean }>(REQUEST, { p: phone });
  expect(r.errors).toBeUndefined();
  expect(r.data?.requestLoginCode).toBe(true);
  const codes = await api.gql<{ devLoginCodes: { code: string }[] }>(CODES, { p: phone });
  return codes.data!.devLoginCodes[0].code;
}

const login = (phone: string, code: string) => api.gql<any>(LOGIN, { p: phone, c: code });

/** Moves a number's codes back in time, past the once-a-minute limit. */
const ageCodes = (phone: string, seconds = 61) =>
  api.db.query(
    `UPDATE login_code SET created_at = created_at - make_interval(secs => $2) WHERE phone_hash = $1`,
    [hashPhone(phone), seconds],
  );

const wrong = (code: string) => `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;

/** GraphQL from a given loopback source address, for the per-address limits. */
function gqlFrom(
  localAddress: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<GqlResponse> {
  const url = new URL(api.url);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the code flow', () => {
  it('signs a new resident in with a masked phone, and stores no plain number', async () => {
    const phone = freshPhone();
    const code = await requestCode(`+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
    expect(code).toMatch(/^\d{6}$/);
    const sent: any = await api.gql(CODES, { p: phone });
    expect(sent.data.devLoginCodes[0]).toMatchObject({
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      code,
    });
    expect(new Date(sent.data.devLoginCodes[0].sentAt).getTime()).toBeLessThanOrEqual(Date.now());

    const r = await login(phone, code);
    expect(r.errors).toBeUndefined();
    const { token, user } = r.data.loginWithCode;
    expect(user).toMatchObject({
      role: 'RESIDENT',
      displayName: `居民${phone.slice(-4)}`,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      scope: null,
      homeCenter: null,
    });
    const me: any = await api.gql(`{ me { id role phoneMasked scope { id } } }`, {}, token);
    expect(me.data.me).toEqual({ id: user.id, role: 'RESIDENT', phoneMasked: user.phoneMasked, scope: null });

    const [row] = await api.db.query(
      `SELECT username, password_hash, phone_enc, phone_hash, phone_masked, is_demo FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(row.password_hash).toBeNull();
    expect(row.is_demo).toBe(false);
    expect(row.phone_enc).not.toContain(phone);
    expect(row.phone_enc).not.toContain(phone.slice(3));
    expect(row.username).not.toContain(phone);
    expect(decryptPersonal(row.phone_enc)).toBe(phone);
    expect(row.phone_hash).toBe(hashPhone(phone));
    const codes = await api.db.query(`SELECT code_hash, used_at FROM login_code WHERE phone_hash = $1`, [
      row.phone_hash,
    ]);
    expect(codes).toHaveLength(1);
    expect(codes[0].code_hash).not.toContain(code);
    expect(codes[0].used_at).not.toBeNull();
  });

  it('signs the same number in to the same account next time', async () => {
    const phone = freshPhone();
    const first = await login(phone, await requestCode(phone));
    await ageCodes(phone);
    const second = await login(phone, await requestCode(phone));
    expect(second.errors).toBeUndefined();
    expect(second.data.loginWithCode.user.id).toBe(first.data.loginWithCode.user.id);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM app_user WHERE phone_hash = $1`, [
      hashPhone(phone),
    ]);
    expect(n).toBe(1);
  });

  it('answers true for a number with no account, and makes none until sign-in', async () => {
    const phone = freshPhone();
    const r: any = await api.gql(REQUEST, { p: phone });
    expect(r).toEqual({ data: { requestLoginCode: true } });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM app_user WHERE phone_hash = $1`, [
      hashPhone(phone),
    ]);
    expect(n).toBe(0);
  });

  it('refuses an expired code, with the wrong-code answer', async () => {
    const phone = freshPhone();
    const code = await requestCode(phone);
    await api.db.query(
      `UPDATE login_code SET expires_at = now() - interval '1 second' WHERE phone_hash = $1`,
      [hashPhone(phone)],
    );
    const expired = await login(phone, code);
    const wrongOne = await login(freshPhone(), code);
    expect(expired.data).toBeNull();
    expect(expired.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(expired.errors![0].message).toBe(wrongOne.errors![0].message);
  });

  it('uses a code once', async () => {
    const phone = freshPhone();
    const code = await requestCode(phone);
    expect((await login(phone, code)).errors).toBeUndefined();
    const again = await login(phone, code);
    expect(again.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('accepts only the newest code', async () => {
    const phone = freshPhone();
    const older = await requestCode(phone);
    await ageCodes(phone);
    const newer = await requestCode(phone);
    if (older !== newer) {
      expect((await login(phone, older)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect((await login(phone, newer)).errors).toBeUndefined();
  });

  it('lets exactly one of two concurrent sign-ins with one code through', async () => {
    for (let round = 0; round < 3; round++) {
      const phone = freshPhone();
      const code = await requestCode(phone);
      const results = await Promise.all([login(phone, code), login(phone, code)]);
      const ok = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(refused[0].errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
  });

  it('creates one account when the first sign-ins race', async () => {
    const phone = freshPhone();
    const users = await Promise.all(Array.from({ length: 6 }, () => findOrCreateResident(api.db, phone)));
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
  });
});

describe('wrong codes', () => {
  it('locks the number after 5 wrong codes, refusing even the right one, and unlocks after', async () => {
    const phone = freshPhone();
    const code = await requestCode(phone);
    for (let i = 0; i < 5; i++) {
      const r = await login(phone, wrong(code));
      expect(r.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const locked = await login(phone, code);
    expect(locked.data).toBeNull();
    expect(locked.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(locked.errors![0].message).toMatch(/15/);
    const [lock] = await api.db.query(
      `SELECT window_ends > now() + interval '14 minutes' AS locked FROM throttle WHERE key = $1`,
      [`code:${hashPhone(phone)}`],
    );
    expect(lock.locked).toBe(true);

    // when the lock has run out, the old code is void and a new one works; the count starts again
    await api.db.query(`UPDATE throttle SET window_ends = now() - interval '1 second' WHERE key = $1`, [
      `code:${hashPhone(phone)}`,
    ]);
    expect((await login(phone, code)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    await ageCodes(phone);
    const fresh = await requestCode(phone);
    expect((await login(phone, fresh)).errors).toBeUndefined();
    const rows = await api.db.query(`SELECT 1 FROM throttle WHERE key = $1`, [`code:${hashPhone(phone)}`]);
    expect(rows).toHaveLength(0);
  });

  it('counts failures per number: 4 wrong codes then the right one signs in', async () => {
    const phone = freshPhone();
    const code = await requestCode(phone);
    for (let i = 0; i < 4; i++) await login(phone, wrong(code));
    expect((await login(phone, code)).errors).toBeUndefined();
  });
});

describe('rate limits', () => {
  it('lets a number ask once a minute and 5 times an hour', async () => {
    const phone = freshPhone();
    await requestCode(phone);
    const soon: any = await api.gql(REQUEST, { p: phone });
    expect(soon.data).toBeNull();
    expect(soon.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(soon.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(soon.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    for (let i = 1; i < CODES_PER_NUMBER_PER_HOUR; i++) {
      await ageCodes(phone);
      await requestCode(phone);
    }
    await ageCodes(phone);
    const sixth: any = await api.gql(REQUEST, { p: phone });
    expect(sixth.errors[0].extensions.code).toBe('RATE_LIMITED');
    // another number is not affected
    await requestCode(freshPhone());
  });

  it('lets an address ask 20 times an hour; other addresses are not affected', async () => {
    for (let i = 0; i < CODES_PER_ADDRESS_PER_HOUR; i++) {
      const r = await gqlFrom('127.0.0.2', REQUEST, { p: freshPhone() });
      expect(r.errors).toBeUndefined();
    }
    const over = await gqlFrom('127.0.0.2', REQUEST, { p: freshPhone() });
    expect(over.errors![0].extensions!.code).toBe('RATE_LIMITED');
    const elsewhere = await gqlFrom('127.0.0.3', REQUEST, { p: freshPhone() });
    expect(elsewhere.data).toEqual({ requestLoginCode: true });
  });
});

describe('bad input', () => {
  it.each(['12345', '2381234567x', '', '+1 415 555 0100'])(
    'refuses the number %p naming the phone field',
    async (p) => {
      const r: any = await api.gql(REQUEST, { p });
      expect(r.data).toBeNull();
      expect(r.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'phone', message: expect.any(String) }],
      });
      const l: any = await api.gql(LOGIN, { p, c: '123456' });
      expect(l.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'phone' }] });
      const codes: any = await api.gql(CODES, { p });
      expect(codes.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'phone' }],
      });
    },
  );

  it('refuses a code that is not 6 digits, naming the code field', async () => {
    const r: any = await api.gql(LOGIN, { p: freshPhone(), c: '12ab' });
    expect(r.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'code' }] });
  });
});

describe('home center', () => {
  const SET = `mutation($c: ID!) { setHomeCenter(centerId: $c) { id homeCenter { id name } } }`;
  let centerId: string;

  beforeAll(async () => {
    const r: any = await api.gql(
      `{ centers(filter: { search: "桃浦东片区" }, first: 1) { edges { node { id } } } }`,
    );
    centerId = r.data.centers.edges[0].node.id;
  });

  it('lets a signed-in resident choose a center, and me shows it', async () => {
    const phone = freshPhone();
    const token = (await login(phone, await requestCode(phone))).data.loginWithCode.token;
    const r: any = await api.gql(SET, { c: centerId }, token);
    expect(r.errors).toBeUndefined();
    expect(r.data.setHomeCenter.homeCenter).toEqual({ id: centerId, name: '桃浦东片区' });
    const me: any = await api.gql(`{ me { homeCenter { name } } }`, {}, token);
    expect(me.data.me.homeCenter).toEqual({ name: '桃浦东片区' });
  });

  it('is NOT_FOUND for an unknown center', async () => {
    const { token } = await residentToken(api.db, freshPhone());
    for (const c of ['999999', 'abc']) {
      const r: any = await api.gql(SET, { c }, token);
      expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('refuses staff with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const staff = await api.login('taopudong_staff');
    const r: any = await api.gql(SET, { c: centerId }, staff);
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
    const anon: any = await api.gql(SET, { c: centerId });
    expect(anon.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('demo residents', () => {
  it('are seeded in Putuo with encrypted numbers and home centers; 13800000001 lives by a 长征镇 hub', async () => {
    const rows: { phone_enc: string; center: string; street: string; district: string }[] =
      await api.db.query(
        `SELECT u.phone_enc, c.name AS center, s.name AS street, d.name AS district
       FROM app_user u JOIN center c ON c.id = u.home_center_id
       JOIN region s ON s.id = c.street_id JOIN region d ON d.id = c.district_id
       WHERE u.role = 'RESIDENT' AND u.is_demo ORDER BY u.id`,
      );
    expect(rows).toHaveLength(40);
    expect(rows.map((r) => decryptPersonal(r.phone_enc))).toEqual(
      Array.from({ length: 40 }, (_, i) => `1380000${String(i + 1).padStart(4, '0')}`),
    );
    expect(rows.every((r) => r.district === '普陀区')).toBe(true);
    expect(new Set(rows.map((r) => r.center)).size).toBeGreaterThan(20);
    expect(rows[0].street).toBe('长征镇');

    const { token, user } = await residentToken(api.db, '13800000001');
    const me: any = await api.gql(
      `{ me { id role displayName phoneMasked homeCenter { name } } }`,
      {},
      token,
    );
    expect(me.data.me).toMatchObject({
      id: String(user.id),
      role: 'RESIDENT',
      displayName: '居民0001',
      phoneMasked: '138****0001',
      homeCenter: { name: rows[0].center },
    });
  });
});
