// Signing in through the SPAs, as a user would.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from 'api/dist/db/seed/seed-types';
import { latestLoginCode } from './gql';

export async function adminLogin(page: Page, username: string): Promise<void> {
  await page.goto(`${process.env.LC_ADMIN_URL}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor();
}

/** Signs a resident in with the one-time code the development sender recorded; returns the token. */
export async function residentLogin(page: Page, phone: string): Promise<string> {
  await page.goto(`${process.env.LC_RESIDENT_URL}/login`);
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-request-code').click();
  let code = '';
  for (let i = 0; i < 50 && !code; i++) {
    code = await latestLoginCode(phone).catch(() => '');
    if (!code) await page.waitForTimeout(100);
  }
  await page.getByTestId('login-code').fill(code);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const session = await page.evaluate(() => localStorage.getItem('lc.resident.session'));
  return JSON.parse(session!).token as string;
}
