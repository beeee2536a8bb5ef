import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(['putuo_admin', 'pudong_admin', 'taopu_admin']);
});
afterAll(() => api.close());

const ISSUE = `mutation($input: IssueApiKeyInput!) { issueApiKey(input: $input) { secret key { id prefix name permissions active region { name } } } }`;

async function issue(input: Record<string, unknown>, token = tokens.putuo_admin) {
  const r: any = await api.gql(ISSUE, { input }, token);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.issueApiKey as { secret: string; key: { id: string; prefix: string; active: boolean } };
}

/** A GraphQL call with a key in a header of the caller's choice. */
async function withKey(
  key: string,
  query: string,
  variables: Record<string, unknown> = {},
  header: 'authorization' | 'x-api-key' = 'authorization',
) {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [header]: header === 'authorization' ? `ApiKey ${key}` : key,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any };
}

describe('API keys', () => {
  it('issues a key (secret shown once, stored hashed) that reads the lists of its region only', async () => {
    const taopu = await api.regionId('桃浦镇', 'STREET');
    const { secret, key } = await issue({
      name: '随申办对接',
      regionId: String(taopu),
      permissions: ['READ_DIRECTORY', 'READ_LISTS'],
    });
    expect(secret.startsWith(`${key.prefix}.`)).toBe(true);
    expect(key).toMatchObject({ name: '随申办对接', active: true });
    const [stored] = await api.db.query(`SELECT secret_hash FROM api_key WHERE id = $1`, [key.id]);
    expect(stored.secret_hash).not.toContain(secret.split('.')[1]);
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);

    const me = await withKey(secret, `{ me { role displayName scope { name } } }`);
    expect(me.body.data.me).toEqual({
      role: 'INTEGRATOR',
      displayName: '随申办对接',
      scope: { name: '桃浦镇' },
    });
    const demands = await withKey(
      secret,
      `{ demands(first: 100) { totalCount edges { node { street { name } } } } }`,
      {},
      'x-api-key',
    );
    expect(demands.body.errors).toBeUndefined();
    expect(demands.body.data.demands.totalCount).toBeGreaterThan(0);
    expect(new Set(demands.body.data.demands.edges.map((e: any) => e.node.street.name))).toEqual(
      new Set(['桃浦镇']),
    );
    const orders = await withKey(
      secret,
      `{ deliveryOrders(first: 5) { edges { node { status resident { id } center { street { name } } } } } }`,
    );
    expect(orders.body.errors).toBeUndefined();
    for (const e of orders.body.data.deliveryOrders.edges) {
      expect(e.node.resident).toBeNull();
      expect(e.node.center.street.name).toBe('桃浦镇');
    }
    // a key never manages accounts or keys
    const accounts = await withKey(secret, `{ staffAccounts { totalCount } }`);
    expect(accounts.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const keys = await withKey(secret, `{ apiKeys { totalCount } }`);
    expect(keys.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses the lists without READ_LISTS, and writes demands only with WRITE_DEMANDS, audited', async () => {
    const putuo = await api.regionId('普陀区', 'DISTRICT');
    const dirOnly = await issue({
      name: '地图应用',
      regionId: String(putuo),
      permissions: ['READ_DIRECTORY'],
    });
    const refused = await withKey(dirOnly.secret, `{ demands { totalCount } }`);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const centers = await withKey(dirOnly.secret, `{ centers(first: 1) { totalCount } }`);
    expect(centers.body.data.centers.totalCount).toBeGreaterThan(0);

    const writer = await issue({
      name: '12345热线',
      regionId: String(putuo),
      permissions: ['WRITE_DEMANDS'],
    });
    const [community] = await api.db.query(
      `SELECT id FROM region WHERE level = 'COMMUNITY' AND district_id = $1 ORDER BY id LIMIT 1`,
      [putuo],
    );
    const CREATE = `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id title source } }`;
    const input = {
      title: '热线转来的加装电梯需求',
      category: 'DAILY_LIFE',
      communityId: String(community.id),
      source: 'HOTLINE',
    };
    const noWrite = await withKey(dirOnly.secret, CREATE, { input });
    expect(noWrite.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const ok = await withKey(writer.secret, CREATE, { input });
    expect(ok.body.errors).toBeUndefined();
    const [pudongCommunity] = await api.db.query(
      `SELECT id FROM region WHERE level = 'COMMUNITY' AND district_id = $1 ORDER BY id LIMIT 1`,
      [await api.regionId('浦东新区', 'DISTRICT')],
    );
    const outside = await withKey(writer.secret, CREATE, {
      input: { ...input, communityId: String(pudongCommunity.id) },
    });
    expect(outside.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const audit: any = await api.gql(
      `{ auditEvents(filter: { action: API_WRITE }, first: 10) { edges { node { apiKeyId actorName targetLabel detail } } } }`,
      {},
      tokens.putuo_admin,
    );
    const mine = audit.data.auditEvents.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.apiKeyId === writer.key.id);
    expect(mine.map((n: any) => n.detail.ok).sort()).toEqual([false, true]);
    expect(mine[0]).toMatchObject({ actorName: '12345热线', targetLabel: 'createDemand' });
  });

  it('answers RATE_LIMITED with retryAfterSeconds (HTTP 429, Retry-After) past the key’s rate limit', async () => {
    const { secret } = await issue({
      name: '压测方',
      regionId: String(await api.regionId('普陀区', 'DISTRICT')),
      permissions: ['READ_DIRECTORY'],
      rateLimitPerMinute: 3,
    });
    // stay inside one minute's window
    const [{ s }] = await api.db.query(`SELECT extract(second FROM now())::float8 AS s`);
    if (s > 55) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await withKey(secret, `{ regions(level: DISTRICT) { id } }`));
    expect(answers.slice(0, 3).every((a) => a.status === 200 && !a.body.errors)).toBe(true);
    const last = answers[3];
    expect(last.status).toBe(429);
    expect(last.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(last.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(last.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(Number(last.retryAfter)).toBe(last.body.errors[0].extensions.retryAfterSeconds);
    const [{ requests }] = await api.db.query(
      `SELECT sum(requests)::int AS requests FROM api_key_usage u JOIN api_key k ON k.id = u.key_id WHERE k.name = '压测方'`,
    );
    expect(requests).toBe(4);
  });

  it('counts each operation’s query cost against the key’s budget per minute', async () => {
    const putuo = String(await api.regionId('普陀区', 'DISTRICT'));
    const { secret, key } = await issue({
      name: '成本测试',
      regionId: putuo,
      permissions: ['READ_DIRECTORY'],
      costBudgetPerMinute: 400,
    });
    const [{ s }] = await api.db.query(`SELECT extract(second FROM now())::float8 AS s`);
    if (s > 50) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
    // one operation above the whole minute's budget is too complex, not rate limited
    const big = await withKey(
      secret,
      `{ centers(first: 100) { edges { node { id name offerings { id service { name } } } } } }`,
    );
    expect(big.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const q = `{ centers(first: 10) { edges { node { id name } } } }`;
    const first = await withKey(secret, q);
    expect(first.body.errors).toBeUndefined();
    const [{ cost }] = await api.db.query(`SELECT cost FROM api_key_usage WHERE key_id = $1`, [key.id]);
    expect(cost).toBeGreaterThan(0);
    const fits = Math.floor(400 / cost);
    const answers = [];
    for (let i = 1; i <= fits; i++) answers.push(await withKey(secret, q));
    const refused = answers.find((a) => a.body.errors);
    expect(refused?.status).toBe(429);
    expect(refused?.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused?.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it('refuses a revoked, an expired, an unknown and a malformed key; only the district admin issues and revokes', async () => {
    const putuo = await api.regionId('普陀区', 'DISTRICT');
    const { secret, key } = await issue({
      name: '将被吊销',
      regionId: String(putuo),
      permissions: ['READ_DIRECTORY'],
    });
    expect((await withKey(secret, `{ me { role } }`)).body.data.me.role).toBe('INTEGRATOR');

    const foreign: any = await api.gql(
      `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`,
      { id: key.id },
      tokens.pudong_admin,
    );
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    const street: any = await api.gql(
      ISSUE,
      { input: { name: 'x', regionId: String(putuo), permissions: ['READ_DIRECTORY'] } },
      tokens.taopu_admin,
    );
    expect(street.errors[0].extensions.code).toBe('FORBIDDEN');
    const otherDistrict: any = await api.gql(
      ISSUE,
      { input: { name: 'x', regionId: String(putuo), permissions: ['READ_DIRECTORY'] } },
      tokens.pudong_admin,
    );
    expect(otherDistrict.errors[0].extensions.code).toBe('FORBIDDEN');

    const revoked: any = await api.gql(
      `mutation($id: ID!) { revokeApiKey(id: $id) { active revokedAt } }`,
      { id: key.id },
      tokens.putuo_admin,
    );
    expect(revoked.data.revokeApiKey.active).toBe(false);
    const after = await withKey(secret, `{ me { role } }`);
    expect(after.status).toBe(401);
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const expiring = await issue({
      name: '将过期',
      regionId: String(putuo),
      permissions: ['READ_DIRECTORY'],
    });
    await api.db.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.key.id,
    ]);
    expect((await withKey(expiring.secret, `{ me { role } }`)).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const tampered = `${secret.slice(0, -3)}abc`;
    expect((await withKey(tampered, `{ me { role } }`)).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await withKey('not-a-key', `{ me { role } }`)).body.errors[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    const audit: any = await api.gql(
      `{ auditEvents(filter: { action: API_KEY_REVOKED }, first: 5) { edges { node { targetId actorName } } } }`,
      {},
      tokens.putuo_admin,
    );
    expect(audit.data.auditEvents.edges.map((e: any) => e.node.targetId)).toContain(key.id);
    const list: any = await api.gql(
      `{ apiKeys(first: 50) { edges { node { id prefix active lastUsedAt } } } }`,
      {},
      tokens.putuo_admin,
    );
    const listed = list.data.apiKeys.edges.find((e: any) => e.node.id === key.id).node;
    expect(listed.active).toBe(false);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('names bad fields when issuing', async () => {
    const r: any = await api.gql(
      ISSUE,
      {
        input: {
          name: ' ',
          regionId: '999999',
          permissions: [],
          expiresAt: '2001-01-01T00:00:00Z',
          rateLimitPerMinute: 0,
        },
      },
      tokens.putuo_admin,
    );
    expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors[0].extensions.fields.map((f: any) => f.field).sort()).toEqual([
      'input.expiresAt',
      'input.name',
      'input.permissions',
      'input.rateLimitPerMinute',
      'input.regionId',
    ]);
  });
});
