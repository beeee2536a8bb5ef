// Officials in web-admin: log in, filter centers by street, see the uncovered communities, and
// edit a center only where their scope allows.
import type { Browser, Page } from 'playwright-core';
import { adminLogin as login } from '../support/login';
import { launch, newPage, screenshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function pickOption(page: Page, selectTestId: string, name: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name, exact: true }).click();
}

describe('web-admin', () => {
  it('a district admin filters centers by street and sees the uncovered communities', async () => {
    const { page, context } = await newPage(browser);
    await login(page, 'putuo_admin');

    await page.goto(`${process.env.LC_ADMIN_URL}/centers`);
    await page.getByTestId('center-row').first().waitFor();
    await pickOption(page, 'centers-street-filter', '桃浦镇');
    await page.waitForURL(/street=/);
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="center-row"]')];
      return rows.length > 0 && rows.every((r) => (r as HTMLElement).innerText.includes('桃浦镇'));
    });
    const names = await page.getByTestId('center-row').allInnerTexts();
    expect(names.some((n) => n.includes('桃浦东片区'))).toBe(true);
    await screenshot(page, 'admin-centers');

    await page.getByTestId('centers-search').fill('桃浦东');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="center-row"]').length === 1);

    await page.goto(`${process.env.LC_ADMIN_URL}/coverage`);
    await page.getByTestId('coverage-communities-count').waitFor();
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-testid="coverage-communities-count"]') as HTMLElement | null
      )?.innerText.includes('288'),
    );
    const items = page.getByTestId('uncovered-item');
    await items.first().waitFor();
    const uncovered = await items.allInnerTexts();
    expect(uncovered.length).toBeGreaterThan(0);
    expect(uncovered.join(' ')).toMatch(/金沙新城居民区|槎浦村/);
    await page.getByTestId('coverage-map').waitFor();
    await screenshot(page, 'admin-coverage');

    await pickOption(page, 'coverage-region-select', '桃浦镇');
    await page.waitForFunction(() => document.body.innerText.includes('槎浦村'));
    await context.close();
  });

  it('a street admin edits a center of the street; others do not see the button', async () => {
    const { page, context } = await newPage(browser);
    await login(page, 'taopu_admin');
    await page.goto(`${process.env.LC_ADMIN_URL}/centers?q=${encodeURIComponent('桃浦东片区')}`);
    await page.getByTestId('center-row').first().click();
    await page.getByTestId('center-edit-button').click();
    await page.getByTestId('center-edit-form').waitFor();
    const hours = page.getByTestId('center-edit-opening-hours');
    await hours.fill('周一至周日 08:30-21:00');
    await page.getByTestId('center-edit-submit').click();
    await page.waitForFunction(() => document.body.innerText.includes('08:30-21:00'));
    await screenshot(page, 'admin-center-edited');
    await context.close();

    const other = await newPage(browser);
    await login(other.page, 'changzheng_admin');
    await other.page.goto(`${process.env.LC_ADMIN_URL}/centers?q=${encodeURIComponent('桃浦东片区')}`);
    await other.page.getByTestId('center-row').first().click();
    await other.page.getByText('08:30-21:00').first().waitFor();
    expect(await other.page.getByTestId('center-edit-button').count()).toBe(0);
    await other.context.close();
  });
});
