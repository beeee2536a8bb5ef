// 人员管理 in the browser: a district admin creates a street admin, who signs in with the one-time
// password, must set their own, and then creates a staff account for a center of the street.
import type { Browser, Page } from 'playwright-core';
import { adminLogin } from '../support/login';
import { launch, newPage, screenshot } from '../support/browser';
import { gql, staffToken } from '../support/gql';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function pickOption(page: Page, selectTestId: string, name: string | RegExp): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name }).first().click();
}

async function readOneTimePassword(page: Page): Promise<string> {
  const otp = page.getByTestId('one-time-password');
  await otp.waitFor();
  return (await otp.innerText()).trim();
}

describe('people', () => {
  it('a district admin creates a street admin, who changes the one-time password and creates center staff', async () => {
    const suffix = Date.now().toString(36);
    const streetAdmin = `cz_lead_${suffix}`;
    const staff = `cz_staff_${suffix}`;

    const admin = await newPage(browser);
    await adminLogin(admin.page, 'putuo_admin');
    await admin.page.goto(`${process.env.LC_ADMIN_URL}/people`);
    await admin.page.getByTestId('account-row').first().waitFor();
    await admin.page.getByTestId('people-create').click();
    await admin.page.getByTestId('account-username').fill(streetAdmin);
    await admin.page.getByTestId('account-display-name').fill('长征镇新任管理员');
    await pickOption(admin.page, 'account-street', '长征镇');
    await admin.page.getByTestId('account-mobile').fill('13988880001');
    await admin.page.getByTestId('account-form-submit').click();
    const otp = await readOneTimePassword(admin.page);
    expect(otp).toMatch(/^[A-Za-z0-9]{12}$/);
    await screenshot(admin.page, 'admin-people-one-time-password');
    await admin.context.close();

    // the new street admin: one-time password, then their own
    const lead = await newPage(browser);
    await lead.page.goto(`${process.env.LC_ADMIN_URL}/login`);
    await lead.page.getByTestId('login-username').fill(streetAdmin);
    await lead.page.getByTestId('login-password').fill(otp);
    await lead.page.getByTestId('login-submit').click();
    await lead.page.getByTestId('change-password-card').waitFor();
    expect(lead.page.url()).toMatch(/\/change-password$/);
    await screenshot(lead.page, 'admin-change-password');
    await lead.page.getByTestId('password-current').fill(otp);
    await lead.page.getByTestId('password-new').fill('Changzheng2026!x');
    await lead.page.getByTestId('password-confirm').fill('Changzheng2026!x');
    await lead.page.getByTestId('password-save').click();
    await lead.page.waitForURL((url) => !url.pathname.startsWith('/change-password'));

    // … and creates a staff account of a center of 长征镇
    await lead.page.goto(`${process.env.LC_ADMIN_URL}/people`);
    await lead.page.getByTestId('people-create').click();
    await lead.page.getByTestId('account-username').fill(staff);
    await lead.page.getByTestId('account-display-name').fill('长征镇中心新员工');
    await lead.page.getByTestId('account-center').click();
    await lead.page
      .getByRole('option', { name: /长征镇/ })
      .first()
      .click();
    await lead.page.getByTestId('account-form-submit').click();
    const staffOtp = await readOneTimePassword(lead.page);
    expect(staffOtp).toMatch(/^[A-Za-z0-9]{12}$/);
    await lead.page.keyboard.press('Escape');
    await lead.page.getByText(staff).first().waitFor();
    await screenshot(lead.page, 'admin-people');
    await lead.context.close();

    // what the browsers did, read back through the API
    const token = await staffToken('putuo_admin');
    const list = await gql<any>(
      `query($s: String) { staffAccounts(filter: { search: $s }, first: 10) { edges { node { username role mustChangePassword scope { name } center { street { name } } } } } }`,
      { s: suffix },
      token,
    );
    const byName = Object.fromEntries(list.staffAccounts.edges.map((e: any) => [e.node.username, e.node]));
    expect(byName[streetAdmin]).toMatchObject({
      role: 'STREET_ADMIN',
      mustChangePassword: false,
      scope: { name: '长征镇' },
    });
    expect(byName[staff]).toMatchObject({
      role: 'CENTER_STAFF',
      mustChangePassword: true,
      center: { street: { name: '长征镇' } },
    });
  });
});
