// 居民点单 → 中心接单 → 配送 → 评价 across both SPAs: a resident signs in with a one-time code and
// orders a mobile item for their center; a street admin accepts it with a date; the resident sees
// the date; it is delivered and the resident rates it. Then an official imports an Excel file with
// two bad rows and sees them named.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launch, newPage, screenshot } from '../support/browser';
import { gql, staffToken } from '../support/gql';
import { adminLogin, residentLogin } from '../support/login';

// Demo resident 13800000001 lives by a 长征镇 hub, so changzheng_admin handles the order.
const PHONE = '13800000001';
const MASKED = '138****0001';

let browser: Browser;
let itemName: string;

beforeAll(async () => {
  browser = await launch();
  // A fresh mobile item, so the flow never meets an open order of an earlier run.
  const token = await staffToken('putuo_admin');
  itemName = `非遗剪纸体验课-${Date.now().toString(36)}`;
  await gql(
    `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
    { input: { menu: 'MOBILE', name: itemName, category: 'CULTURE', audience: ['CHILDREN'], fee: '免费' } },
    token,
  );
});
afterAll(() => browser?.close());

/** The admin's order row of our resident for our item, in the given status tab. */
async function adminOrderRow(page: Page, status: string) {
  await page.goto(`${process.env.LC_ADMIN_URL}/orders`);
  await page.getByTestId(`orders-status-tab-${status}`).click();
  const row = page
    .locator(`[data-testid="order-row"][data-service-name="${itemName}"]`)
    .filter({ hasText: MASKED });
  await row.first().waitFor();
  return row.first();
}

async function residentOrder(page: Page) {
  await page.goto(`${process.env.LC_RESIDENT_URL}/orders`);
  const item = page.getByTestId('order-item').filter({ hasText: itemName }).first();
  await item.waitFor();
  return item;
}

describe('mobile delivery across both SPAs', () => {
  it('order → accept with a date → the resident sees it → delivered → rated', async () => {
    const resident = await newPage(browser, { mobile: true });
    const admin = await newPage(browser);
    const rp = resident.page;
    const ap = admin.page;

    // 居民点单
    await residentLogin(rp, PHONE);
    await rp.goto(`${process.env.LC_RESIDENT_URL}/account`);
    await rp.getByTestId('account-phone').filter({ hasText: MASKED }).waitFor();
    await rp.goto(`${process.env.LC_RESIDENT_URL}/mobile`);
    const card = rp.getByTestId('mobile-item').filter({ hasText: itemName });
    for (let i = 0; i < 20 && !(await card.count()); i++) {
      const more = rp.getByText('加载更多');
      if (await more.count()) await more.first().click();
      await rp.waitForTimeout(300);
    }
    await card.first().click();
    await rp.getByTestId('order-center-name').waitFor();
    await rp
      .getByTestId('order-note')
      .locator('textarea')
      .or(rp.locator('textarea[data-testid="order-note"]'))
      .first()
      .fill('想带孙女一起参加');
    await screenshot(rp, 'resident-order-sheet');
    await rp.getByTestId('order-submit').click();
    const placed = await residentOrder(rp);
    await expect(placed.getAttribute('data-status')).resolves.toBe('REQUESTED');

    // 中心接单并排期
    await adminLogin(ap, 'changzheng_admin');
    await ap.goto(`${process.env.LC_ADMIN_URL}/orders`);
    await ap.getByTestId('demand-table').waitFor();
    await ap.locator(`[data-testid="demand-row"][data-service-name="${itemName}"]`).first().waitFor();
    await screenshot(ap, 'admin-orders-demand');
    const row = await adminOrderRow(ap, 'REQUESTED');
    await row.getByTestId('order-accept').click();
    // a week from now, as a calendar day in Shanghai (both browsers run in Asia/Shanghai)
    const when = new Date(Date.now() + 7 * 86400_000 + 8 * 3600_000);
    const day = when.toISOString().slice(0, 10);
    const input = ap.getByTestId('order-schedule-date');
    await input.click();
    await input.fill(`${day} 14:00`);
    await input.press('Enter');
    await ap.getByTestId('order-schedule-submit').click();
    // both moves (ACCEPTED, then SCHEDULED) must land before the page is left
    await ap.getByTestId('order-schedule-submit').waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await adminOrderRow(ap, 'SCHEDULED');

    // the resident sees the date
    const scheduled = await residentOrder(rp);
    await expect(scheduled.getAttribute('data-status')).resolves.toBe('SCHEDULED');
    const dateText = await scheduled.getByTestId('order-scheduled-for').innerText();
    expect(dateText).toContain(`${when.getUTCMonth() + 1}月${when.getUTCDate()}日`);
    expect(dateText).toContain('14:00');
    await screenshot(rp, 'resident-order-scheduled');

    // 配送
    const toDeliver = await adminOrderRow(ap, 'SCHEDULED');
    await toDeliver.getByTestId('order-deliver').click();
    await ap.getByTestId('order-deliver-confirm').click();
    await toDeliver.waitFor({ state: 'detached' });
    await adminOrderRow(ap, 'DELIVERED');

    // 评价
    const delivered = await residentOrder(rp);
    await expect(delivered.getAttribute('data-status')).resolves.toBe('DELIVERED');
    await delivered.getByTestId('order-rate').click();
    const stars = rp.getByTestId('rate-stars');
    await stars.waitFor();
    await stars.locator('.adm-rate-star').nth(4).click();
    await rp
      .getByTestId('rate-comment')
      .locator('textarea')
      .or(rp.locator('textarea[data-testid="rate-comment"]'))
      .first()
      .fill('老师很耐心');
    await rp.getByTestId('rate-submit').click();
    await rp.waitForFunction(
      (name) =>
        [...document.querySelectorAll('[data-testid="order-item"]')].some(
          (el) => el.textContent?.includes(name) && el.getAttribute('data-status') === 'RATED',
        ),
      itemName,
    );
    await screenshot(rp, 'resident-order-rated');

    // the API agrees: one order, rated 5, with its whole history
    const token = await staffToken('changzheng_admin');
    const data = await gql(
      `{ deliveryOrders(first: 100, filter: { status: RATED }) { edges { node { rating service { name } events { toStatus } } } } }`,
      {},
      token,
    );
    const ours = data.deliveryOrders.edges.filter((e: any) => e.node.service.name === itemName);
    expect(ours).toHaveLength(1);
    expect(ours[0].node.rating).toBe(5);
    expect(ours[0].node.events.map((e: any) => e.toStatus)).toEqual([
      'REQUESTED',
      'ACCEPTED',
      'SCHEDULED',
      'DELIVERED',
      'RATED',
    ]);
    await resident.context.close();
    await admin.context.close();
  });

  it('an official imports an Excel file with two bad rows and sees them named', async () => {
    const dir = path.join(ARTIFACTS, 'files');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'mobile-menu-with-two-bad-rows.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('服务清单');
    ws.addRow(['编号', '名称', '类别', '简介', '服务对象', '收费', '提供方', '来源部门']);
    const stamp = Date.now().toString(36);
    ws.addRow(['', `导入好项目A-${stamp}`, '文化', '', '少年儿童', '免费', '区文旅局', '区文旅局']);
    ws.addRow(['', `导入坏类别-${stamp}`, '天文', '', '', '', '', '']); // row 3: unknown category
    ws.addRow(['', `导入好项目B-${stamp}`, '健康', '', '', '', '', '']);
    ws.addRow(['', `导入好项目A-${stamp}`, '生活', '', '', '', '', '']); // row 5: duplicate name
    await wb.xlsx.writeFile(file);

    const { page, context } = await newPage(browser);
    await adminLogin(page, 'putuo_admin');
    await page.goto(`${process.env.LC_ADMIN_URL}/menus`);
    await page.getByTestId('menus-page').waitFor();
    await page.getByTestId('menu-tab-MOBILE').click();
    await page.getByTestId('menu-item-row').first().waitFor();
    await screenshot(page, 'admin-menus');
    await page.getByTestId('menu-import-button').click();
    await page.getByTestId('menu-import-file').setInputFiles(file);
    const errors = page.getByTestId('menu-import-error-row');
    await errors.first().waitFor();
    const texts = await errors.allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^\s*3\s/);
    expect(texts[0]).toMatch(/类别/);
    expect(texts[1]).toMatch(/^\s*5\s/);
    expect(texts[1]).toMatch(/重名/);
    await expect(page.getByTestId('menu-import-apply').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'admin-menu-import-preview');
    await context.close();
    // nothing was written
    const data = await gql(`query($s: String) { services(filter: { search: $s }) { totalCount } }`, {
      s: stamp,
    });
    expect(data.services.totalCount).toBe(0);
  });

  it('the district admin reads the yearly review and promotes a proposed item', async () => {
    const { page, context } = await newPage(browser);
    await adminLogin(page, 'putuo_admin');
    await page.goto(`${process.env.LC_ADMIN_URL}/review`);
    await page.getByTestId('review-kpis').waitFor();
    await page.getByTestId('review-row').first().waitFor();
    const proposal = page.getByTestId('review-proposal').first();
    await proposal.waitFor();
    const name = await proposal.getAttribute('data-service-name');
    expect(name).toBeTruthy();
    await page.getByTestId('review-chart').locator('canvas, svg').first().waitFor();
    await page.waitForTimeout(1500); // the chart's entry animation
    await screenshot(page, 'admin-review');
    await proposal.getByTestId('review-promote').click();
    await page.getByTestId('review-promote-confirm').click();
    await page.waitForFunction(
      (n) =>
        ![...document.querySelectorAll('[data-testid="review-proposal"]')].some(
          (el) => el.getAttribute('data-service-name') === n,
        ),
      name,
    );
    await context.close();
    const data = await gql(
      `query($s: String) { services(filter: { search: $s, menu: DISTRICT }) { edges { node { name promotedFrom } } } }`,
      {
        s: name,
      },
    );
    expect(data.services.edges.map((e: any) => e.node)).toContainEqual({ name, promotedFrom: 'MOBILE' });
  });
});
