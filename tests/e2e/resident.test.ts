// A resident on a phone: picks their community, sees the centers within 15 minutes, opens the
// nearest and reads its services by category.
import type { Browser } from 'playwright-core';
import { launch, newPage, screenshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function selectByLabel(
  page: import('playwright-core').Page,
  testId: string,
  label: string,
): Promise<void> {
  const select = page.getByTestId(testId);
  await page.waitForFunction(
    ([id, text]) => {
      const el = document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement | null;
      return !!el && !el.disabled && [...el.options].some((o) => o.label === text);
    },
    [testId, label],
  );
  await select.selectOption({ label });
}

describe('web-resident', () => {
  it('picks a community and opens the nearest center with its services', async () => {
    const { page, context } = await newPage(browser, { mobile: true });
    await page.goto(process.env.LC_RESIDENT_URL!);
    await page.getByTestId('community-picker').waitFor();
    await selectByLabel(page, 'district-select', '普陀区');
    await selectByLabel(page, 'street-select', '桃浦镇');
    // the first community of the street
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="community-select"]') as HTMLSelectElement | null;
      return !!el && !el.disabled && el.options.length > 1;
    });
    const community = page.getByTestId('community-select');
    const value = await community.evaluate((el: HTMLSelectElement) => el.options[1].value);
    await community.selectOption(value);

    const items = page.getByTestId('near-item');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    const firstText = await items.first().innerText();
    expect(firstText).toMatch(/分钟/);
    await screenshot(page, 'resident-near-me');

    await items.first().click();
    await page.getByTestId('center-detail').waitFor();
    await page.getByTestId('center-services').waitFor();
    const services = page.getByTestId('service-item');
    await services.first().waitFor();
    expect(await services.count()).toBeGreaterThan(0);
    const tabs = page.getByTestId('category-tab');
    expect(await tabs.count()).toBeGreaterThan(1);
    // no English in the zh-CN page
    const text = await page.getByTestId('center-detail').innerText();
    expect(text).not.toMatch(/\b(Loading|Error|undefined|null)\b/);
    await screenshot(page, 'resident-center');
    await context.close();
  });

  it('uses the browser location and lists the nearest centers with walking minutes', async () => {
    // next to 桃浦东片区 (镇南路822弄)
    const { page, context } = await newPage(browser, {
      mobile: true,
      geolocation: { latitude: 31.279, longitude: 121.385 },
    });
    await page.goto(process.env.LC_RESIDENT_URL!);
    await page.getByTestId('locate-button').click();
    const first = page.getByTestId('near-item').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('桃浦东片区');
    await page.getByTestId('near-map').scrollIntoViewIfNeeded();
    expect(await page.locator('[data-testid="near-map"] .leaflet-interactive').count()).toBeGreaterThan(1);
    await screenshot(page, 'resident-located');
    await context.close();
  });

  it('switches to English and back', async () => {
    const { page, context } = await newPage(browser, { mobile: true });
    await page.goto(`${process.env.LC_RESIDENT_URL}/services`);
    await page.getByTestId('service-search-input').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByText('Near me').first().waitFor();
    expect(await page.getByTestId('service-search-input').getAttribute('placeholder')).toContain(
      'Type a service name',
    );
    await page.getByTestId('lang-switch').click();
    await page.getByText('附近').first().waitFor();
    await context.close();
  });
});
