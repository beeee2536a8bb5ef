// 开放接口 in the browser: a district admin issues an API key, an HTTP client uses it, the key is
// revoked in the UI and the next request is refused. Also the audit log shows both acts.
import type { Browser } from 'playwright-core';
import { adminLogin } from '../support/login';
import { launch, newPage, screenshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function withKey(key: string, query: string) {
  const res = await fetch(process.env.LC_API_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('open API', () => {
  it('issues a key that an HTTP client uses until it is revoked', async () => {
    const { page, context } = await newPage(browser);
    await adminLogin(page, 'putuo_admin');
    await page.goto(`${process.env.LC_ADMIN_URL}/integrations`);
    await page.getByTestId('keys-issue').click();
    const name = `数据开放平台 ${Date.now().toString(36)}`;
    await page.getByTestId('key-name').fill(name);
    await page.getByTestId('key-form-submit').click();
    const secretEl = page.getByTestId('key-secret');
    await secretEl.waitFor();
    const secret = (await secretEl.innerText()).trim();
    expect(secret).toMatch(/^lck_[0-9a-f]{10}\.[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'admin-integrations-key-issued');
    await page.keyboard.press('Escape');

    // an HTTP client with the key
    const ok = await withKey(secret, `{ me { role displayName } centers(first: 3) { totalCount } }`);
    expect(ok.status).toBe(200);
    expect(ok.body.data.me).toEqual({ role: 'INTEGRATOR', displayName: name });
    expect(ok.body.data.centers.totalCount).toBeGreaterThan(0);

    // revoke it in the UI
    const row = page.getByTestId('key-row').filter({ hasText: name });
    await row.getByTestId('key-revoke').click();
    await page.getByTestId('key-revoke-confirm').click();
    await row.getByTestId('key-status').filter({ hasText: '已吊销' }).waitFor();
    await screenshot(page, 'admin-integrations');

    const refused = await withKey(secret, `{ me { role } }`);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    // both acts are in the audit log
    await page.goto(`${process.env.LC_ADMIN_URL}/audit`);
    await page.getByTestId('audit-row').first().waitFor();
    const rows = await page.getByTestId('audit-row').allInnerTexts();
    expect(rows.slice(0, 5).join('\n')).toMatch(/吊销接口密钥[\s\S]*签发接口密钥/);
    await screenshot(page, 'admin-audit-log');
    await context.close();
  });
});
