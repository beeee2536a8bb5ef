import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
let admins: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  admins = await api.loginAll([
    'putuo_admin',
    'pudong_admin',
    'taopu_admin',
    'changzheng_admin',
    'taopudong_staff',
    'evaluator',
  ]);
});
afterAll(() => api.close());

const CREATE = `mutation($input: CreateStaffAccountInput!) {
  createStaffAccount(input: $input) { oneTimePassword sentTo account { id username role active mustChangePassword phoneMasked scope { name } center { name } } }
}`;
const ME = `{ me { id displayName role mustChangePassword } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token user { mustChangePassword } } }`;

let seq = 0;
const uname = (base: string) => `${base}_${process.pid % 10000}_${++seq}`;

async function centerOf(name: string): Promise<string> {
  const r: any = await api.gql(
    `query($q: String) { centers(filter: { search: $q }, first: 1) { edges { node { id } } } }`,
    { q: name },
  );
  return r.data.centers.edges[0].node.id;
}

async function aCenterOfStreet(street: string): Promise<string> {
  const sid = await api.regionId(street, 'STREET');
  const [row] = await api.db.query(`SELECT id FROM center WHERE street_id = $1 ORDER BY id LIMIT 1`, [sid]);
  return String(row.id);
}

describe('staff accounts by scope', () => {
  it('a district admin creates a street admin, who must change the one-time password, then creates center staff of the street', async () => {
    const username = uname('cz_admin');
    const street = await api.regionId('长征镇', 'STREET');
    const created: any = await api.gql(
      CREATE,
      {
        input: {
          username,
          displayName: '长征镇新管理员',
          role: 'STREET_ADMIN',
          regionId: String(street),
          mobile: '13912345678',
        },
      },
      admins.putuo_admin,
    );
    expect(created.errors).toBeUndefined();
    const res = created.data.createStaffAccount;
    expect(res.account).toMatchObject({
      username,
      role: 'STREET_ADMIN',
      active: true,
      mustChangePassword: true,
      phoneMasked: '139****5678',
      scope: { name: '长征镇' },
    });
    expect(res.oneTimePassword).toMatch(/^[A-Za-z0-9]{12}$/);

    const first = await api.login(username, res.oneTimePassword);
    const me: any = await api.gql(ME, {}, first);
    expect(me.data.me).toMatchObject({ role: 'STREET_ADMIN', mustChangePassword: true });
    // nothing else until the password is changed
    const blocked: any = await api.gql(`{ staffAccounts { totalCount } }`, {}, first);
    expect(blocked.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', passwordChangeRequired: true });

    // the password rules
    for (const [bad, why] of [
      ['short1', /至少10位/],
      ['Demo@2026', /常见|演示/],
      ['password123', /常见/],
      [`${username}99x`, /用户名/],
      ['onlyletterswithoutdigits', /字母和数字/],
    ]) {
      const r: any = await api.gql(CHANGE, { c: res.oneTimePassword, n: bad }, first);
      expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.errors[0].extensions.fields.map((f: any) => f.message).join(' ')).toMatch(why as RegExp);
    }
    const wrong: any = await api.gql(CHANGE, { c: 'not-it', n: 'Changzheng2026x' }, first);
    expect(wrong.errors[0].extensions.fields[0].field).toBe('currentPassword');

    const changed: any = await api.gql(CHANGE, { c: res.oneTimePassword, n: 'Changzheng2026x' }, first);
    expect(changed.errors).toBeUndefined();
    expect(changed.data.changePassword.user.mustChangePassword).toBe(false);
    // the token of the one-time password is dead; the new one works
    expect((await api.gql<any>(ME, {}, first)).data!.me).toBeNull();
    const token = changed.data.changePassword.token;
    expect((await api.gql<any>(ME, {}, token)).data!.me.mustChangePassword).toBe(false);
    expect(await api.login(username, 'Changzheng2026x')).toBeTruthy();

    // the new street admin creates center staff of a center of the street
    const center = await aCenterOfStreet('长征镇');
    const staff: any = await api.gql(
      CREATE,
      {
        input: { username: uname('cz_staff'), displayName: '新员工', role: 'CENTER_STAFF', centerId: center },
      },
      token,
    );
    expect(staff.errors).toBeUndefined();
    expect(staff.data.createStaffAccount.account.role).toBe('CENTER_STAFF');
    // … but not above or outside the street
    const up: any = await api.gql(
      CREATE,
      { input: { username: uname('x'), displayName: 'x', role: 'STREET_ADMIN', regionId: String(street) } },
      token,
    );
    expect(up.errors[0].extensions.code).toBe('FORBIDDEN');
    const outside: any = await api.gql(
      CREATE,
      {
        input: {
          username: uname('x'),
          displayName: 'x',
          role: 'CENTER_STAFF',
          centerId: await centerOf('桃浦东片区'),
        },
      },
      token,
    );
    expect(outside.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    ['taopu_admin', 'EVALUATOR', 'district'],
    ['taopu_admin', 'STREET_ADMIN', 'taopu'],
    ['taopudong_staff', 'CENTER_STAFF', 'center'],
    ['evaluator', 'CENTER_STAFF', 'center'],
    ['pudong_admin', 'STREET_ADMIN', 'taopu'],
    ['pudong_admin', 'CENTER_STAFF', 'center'],
  ])('refuses %s creating a %s (%s)', async (who, role, where) => {
    const input: Record<string, unknown> = { username: uname('refused'), displayName: '不该存在', role };
    if (where === 'district') input.regionId = String(await api.regionId('普陀区', 'DISTRICT'));
    if (where === 'taopu') input.regionId = String(await api.regionId('桃浦镇', 'STREET'));
    if (where === 'center') input.centerId = await centerOf('桃浦东片区');
    const r: any = await api.gql(CREATE, { input }, admins[who]);
    expect(r.errors[0].extensions.code).toBe('FORBIDDEN');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM app_user WHERE username = $1`, [
      input.username,
    ]);
    expect(n).toBe(0);
  });

  it('refuses a district admin for another district admin, and anyone on their own account', async () => {
    const r: any = await api.gql(
      CREATE,
      {
        input: {
          username: uname('da'),
          displayName: 'x',
          role: 'DISTRICT_ADMIN',
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
        },
      },
      admins.putuo_admin,
    );
    expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT'); // not even a StaffRole
    const [{ id }] = await api.db.query(`SELECT id FROM app_user WHERE username = 'taopu_admin'`);
    const self: any = await api.gql(
      `mutation($id: ID!) { updateStaffAccount(id: $id, input: { role: EVALUATOR }) { id } }`,
      { id: String(id) },
      admins.taopu_admin,
    );
    expect(self.errors[0].extensions.code).toBe('FORBIDDEN');
    const [{ role }] = await api.db.query(`SELECT role FROM app_user WHERE id = $1`, [id]);
    expect(role).toBe('STREET_ADMIN');
  });

  it('names bad fields and creates nothing', async () => {
    const r: any = await api.gql(
      CREATE,
      {
        input: {
          username: 'Bad Name!',
          displayName: ' ',
          role: 'STREET_ADMIN',
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
          mobile: '123',
        },
      },
      admins.putuo_admin,
    );
    expect(r.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors[0].extensions.fields.map((f: any) => f.field).sort()).toEqual([
      'input.displayName',
      'input.mobile',
      'input.regionId',
      'input.username',
    ]);
    const dup: any = await api.gql(
      CREATE,
      {
        input: {
          username: 'taopu_admin',
          displayName: 'x',
          role: 'EVALUATOR',
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
        },
      },
      admins.putuo_admin,
    );
    expect(dup.errors[0].extensions.fields[0].field).toBe('input.username');
  });

  it('sends the one-time password by SMS instead of showing it', async () => {
    const r: any = await api.gql(
      CREATE,
      {
        input: {
          username: uname('sms'),
          displayName: '短信',
          role: 'EVALUATOR',
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
          mobile: '13700001111',
          sendBySms: true,
        },
      },
      admins.putuo_admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.createStaffAccount.oneTimePassword).toBeNull();
    expect(r.data.createStaffAccount.sentTo).toBe('137****1111');
    const codes: any = await api.gql(`query { devLoginCodes(phone: "13700001111") { code } }`);
    expect(codes.data.devLoginCodes[0].code).toMatch(/^[A-Za-z0-9]{12}$/);
  });

  it('a reset and a disable stop existing tokens at once; re-enabling lets the account sign in again', async () => {
    const username = uname('ev');
    const c: any = await api.gql(
      CREATE,
      {
        input: {
          username,
          displayName: '体验官',
          role: 'EVALUATOR',
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
        },
      },
      admins.putuo_admin,
    );
    const id = c.data.createStaffAccount.account.id;
    const t1 = await api.login(username, c.data.createStaffAccount.oneTimePassword);
    const changed: any = await api.gql(
      CHANGE,
      { c: c.data.createStaffAccount.oneTimePassword, n: 'Evaluator2026z' },
      t1,
    );
    const token = changed.data.changePassword.token;
    expect((await api.gql<any>(ME, {}, token)).data!.me.role).toBe('EVALUATOR');

    const reset: any = await api.gql(
      `mutation($id: ID!) { resetStaffPassword(id: $id) { oneTimePassword account { mustChangePassword } } }`,
      { id },
      admins.putuo_admin,
    );
    expect(reset.data.resetStaffPassword.account.mustChangePassword).toBe(true);
    expect((await api.gql<any>(ME, {}, token)).data!.me).toBeNull();
    const t2 = await api.login(username, reset.data.resetStaffPassword.oneTimePassword);
    expect((await api.gql<any>(ME, {}, t2)).data!.me.mustChangePassword).toBe(true);

    const off: any = await api.gql(
      `mutation($id: ID!) { disableStaffAccount(id: $id) { active } }`,
      { id },
      admins.putuo_admin,
    );
    expect(off.data.disableStaffAccount.active).toBe(false);
    expect((await api.gql<any>(ME, {}, t2)).data!.me).toBeNull();
    await expect(api.login(username, reset.data.resetStaffPassword.oneTimePassword)).rejects.toThrow(
      /UNAUTHENTICATED/,
    );
    // another district's admin cannot see or touch it
    const foreign: any = await api.gql(
      `mutation($id: ID!) { enableStaffAccount(id: $id) { active } }`,
      { id },
      admins.pudong_admin,
    );
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');
    await api.gql(
      `mutation($id: ID!) { enableStaffAccount(id: $id) { active } }`,
      { id },
      admins.putuo_admin,
    );
    expect(await api.login(username, reset.data.resetStaffPassword.oneTimePassword)).toBeTruthy();
  });

  it('lists the accounts each admin manages', async () => {
    const q = `{ staffAccounts(first: 100) { totalCount edges { node { username role viewerCanManage } } } }`;
    const district: any = await api.gql(q, {}, admins.putuo_admin);
    const names = district.data.staffAccounts.edges.map((e: any) => e.node.username);
    expect(names).toEqual(
      expect.arrayContaining(['taopu_admin', 'changzheng_admin', 'taopudong_staff', 'evaluator']),
    );
    expect(names).not.toContain('putuo_admin');
    const street: any = await api.gql(q, {}, admins.taopu_admin);
    const roles = new Set(street.data.staffAccounts.edges.map((e: any) => e.node.role));
    expect([...roles]).toEqual(['CENTER_STAFF']);
    expect(street.data.staffAccounts.edges.map((e: any) => e.node.username)).toContain('taopudong_staff');
    const staff: any = await api.gql(q, {}, admins.taopudong_staff);
    expect(staff.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('the audit log', () => {
  it('records account acts with who, from where and before → after; district admins read and filter it', async () => {
    const username = uname('audited');
    const c: any = await api.gql(
      CREATE,
      {
        input: {
          username,
          displayName: '审计对象',
          role: 'EVALUATOR',
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
        },
      },
      admins.putuo_admin,
    );
    const id = c.data.createStaffAccount.account.id;
    await api.gql(
      `mutation($id: ID!) { updateStaffAccount(id: $id, input: { role: STREET_ADMIN, regionId: "${await api.regionId('桃浦镇', 'STREET')}" }) { id } }`,
      { id },
      admins.putuo_admin,
    );
    await api.gql(`mutation($id: ID!) { disableStaffAccount(id: $id) { id } }`, { id }, admins.putuo_admin);
    const q = `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { totalCount edges { node { action actorName actorRole ip targetId targetLabel before after } } } }`;
    const r: any = await api.gql(q, { f: { search: username } }, admins.putuo_admin);
    const acts = r.data.auditEvents.edges.map((e: any) => e.node);
    expect(acts.map((a: any) => a.action)).toEqual(['ACCOUNT_DISABLED', 'ROLE_CHANGED', 'ACCOUNT_CREATED']);
    expect(acts[1]).toMatchObject({
      actorRole: 'DISTRICT_ADMIN',
      targetId: id,
      before: { role: 'EVALUATOR' },
      after: { role: 'STREET_ADMIN' },
    });
    expect(acts[0].ip).toBeTruthy();
    const byAction: any = await api.gql(
      q,
      { f: { action: 'ACCOUNT_DISABLED', search: username } },
      admins.putuo_admin,
    );
    expect(byAction.data.auditEvents.totalCount).toBe(1);
    const future: any = await api.gql(
      q,
      { f: { from: new Date(Date.now() + 3600_000).toISOString() } },
      admins.putuo_admin,
    );
    expect(future.data.auditEvents.totalCount).toBe(0);
    const other: any = await api.gql(q, { f: { search: username } }, admins.pudong_admin);
    expect(other.data.auditEvents.totalCount).toBe(0);
    const street: any = await api.gql(q, {}, admins.taopu_admin);
    expect(street.errors[0].extensions.code).toBe('FORBIDDEN');

    const exp: any = await api.gql(
      `query($f: AuditEventFilter) { exportAuditEvents(filter: $f) { fileName contentBase64 } }`,
      { f: { search: username } },
      admins.putuo_admin,
    );
    expect(exp.data.exportAuditEvents.fileName).toMatch(/审计日志-\d{8}\.xlsx/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exp.data.exportAuditEvents.contentBase64, 'base64') as any);
    expect(wb.worksheets[0].rowCount).toBe(4);
    const exported: any = await api.gql(q, { f: { action: 'PERSONAL_DATA_EXPORTED' } }, admins.putuo_admin);
    expect(exported.data.auditEvents.totalCount).toBeGreaterThan(0);
  });

  it('cannot be changed or deleted through the application’s database connection', async () => {
    const [{ id }] = await api.db.query(`SELECT max(id) AS id FROM audit_event`);
    await expect(api.db.query(`UPDATE audit_event SET actor_name = 'x' WHERE id = $1`, [id])).rejects.toThrow(
      /insert-only/,
    );
    await expect(api.db.query(`DELETE FROM audit_event WHERE id = $1`, [id])).rejects.toThrow(/insert-only/);
    await expect(api.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/insert-only/);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE id = $1 AND actor_name <> 'x'`,
      [id],
    );
    expect(n).toBe(1);
    // privileges: the owning role has kept INSERT and SELECT only
    const grants: { privilege_type: string }[] = await api.db.query(
      `SELECT privilege_type FROM information_schema.role_table_grants
       WHERE table_name = 'audit_event' AND grantee = current_user`,
    );
    const kinds = grants.map((g) => g.privilege_type);
    expect(kinds).toEqual(expect.arrayContaining(['INSERT', 'SELECT']));
    expect(kinds).not.toContain('UPDATE');
    expect(kinds).not.toContain('DELETE');
    expect(kinds).not.toContain('TRUNCATE');
    // a role granted what the application needs (INSERT, SELECT) is refused by privilege before the trigger
    const runner = api.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE ROLE lc_audit_probe_${process.pid} NOLOGIN`);
      await runner.query(`GRANT INSERT, SELECT ON audit_event TO lc_audit_probe_${process.pid}`);
      await runner.query(`SET LOCAL ROLE lc_audit_probe_${process.pid}`);
      await expect(
        runner.query(`UPDATE audit_event SET actor_name = 'x' WHERE id = $1`, [id]),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
