// 诉求 across both SPAs: a resident reports a problem with a photo, located by GPS; staff of the
// center accept it and assign it to a worker; it is escalated to 联勤联动 (city management) and
// resolved; the resident gets the notice, says "not fixed", it reopens at 联勤联动; it is resolved
// again and the resident confirms it fixed: closed. Screenshots of both sides along the way.
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, screenshot } from '../support/browser';
import { gql, staffToken } from '../support/gql';
import { adminLogin, residentLogin } from '../support/login';

// A demo resident no other browser test signs in as (codes are rate limited per number).
const PHONE = '13800000017';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
/** a community only 桃浦东片区 covers, so its staff handle what is reported there */
let spot: { latitude: number; longitude: number };

beforeAll(async () => {
  browser = await launch();
  const db = new Client({ connectionString: process.env.LC_TEST_DATABASE_URL });
  await db.connect();
  const { rows } = await db.query(
    `SELECT r.lat, r.lng FROM center_community cc JOIN center c ON c.id = cc.center_id JOIN region r ON r.id = cc.community_id
     WHERE c.name = '桃浦东片区' AND r.lat IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM center_community o WHERE o.community_id = r.id AND o.center_id <> c.id)
     ORDER BY r.id LIMIT 1`,
  );
  await db.end();
  spot = { latitude: rows[0].lat, longitude: rows[0].lng };
});
afterAll(() => browser?.close());

async function pick(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

async function staffMove(page: Page, action: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`case-action-${action}`).click();
  if (fill) {
    await page.getByTestId('case-action-form').waitFor();
    await fill(page);
    await page.getByTestId('case-action-submit').click();
    await page.getByTestId('case-action-form').waitFor({ state: 'detached' });
  } else {
    await page.getByTestId('case-confirm-ok').click();
  }
}

async function expectStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId('case-detail-status').filter({ hasText: label }).waitFor();
}

/** The resident's case page, reloaded until its status is `status`. */
async function residentCase(page: Page, id: string, status: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.goto(`${process.env.LC_RESIDENT_URL}/my-cases/${id}`);
    const el = page.getByTestId('my-case-status');
    await el.waitFor();
    if ((await el.getAttribute('data-status')) === status) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`case ${id} never reached ${status}`);
}

describe('a resident’s problem from report to closing', () => {
  it('report with a photo → accept, assign → 联勤联动 → resolved → not fixed → reopened → resolved → fixed', async () => {
    const resident = await newPage(browser, { mobile: true, geolocation: spot });
    const admin = await newPage(browser);
    const rp = resident.page;
    const ap = admin.page;
    const description = `3号楼门口消防通道被私家车堵住-${Date.now().toString(36)}`;

    // 我要反映: category, description, a photo, the current position
    await residentLogin(rp, PHONE);
    await rp.goto(`${process.env.LC_RESIDENT_URL}/account`);
    await rp.getByTestId('account-report').click();
    await rp.getByTestId('report-case-form').waitFor();
    await rp.getByTestId('case-category').filter({ hasText: '环境卫生' }).click();
    await rp.getByTestId('case-description').fill(description);
    await rp
      .getByTestId('case-photo-input')
      .setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await rp.getByTestId('case-photos').locator('img').first().waitFor();
    await rp.getByTestId('case-place-gps').click();
    await rp.getByTestId('case-place-gps').filter({ hasText: '已定位' }).waitFor();
    await rp.getByTestId('case-address').fill('3号楼门口');
    await screenshot(rp, 'resident-case-report');
    await rp.getByTestId('case-submit').click();
    await rp.waitForURL(/\/my-cases\/\d+$/);
    const id = rp.url().split('/').pop()!;
    await expect(rp.getByTestId('my-case-status').getAttribute('data-status')).resolves.toBe('REPORTED');
    await rp.getByTestId('my-case-photo').first().waitFor();

    // staff of the center: the case on the board, accepted and assigned to a worker
    await adminLogin(ap, 'taopudong_staff');
    await ap.goto(`${process.env.LC_ADMIN_URL}/cases`);
    await ap.getByTestId('case-board').waitFor();
    const row = ap.locator(`[data-testid="case-row"][data-case-id="${id}"]`);
    await row.waitFor();
    await screenshot(ap, 'admin-cases-board');
    await row.click();
    await ap.getByTestId('case-detail-description').filter({ hasText: description }).waitFor();
    await ap.getByTestId('case-photo').first().waitFor();
    await staffMove(ap, 'ACCEPT');
    await expectStatus(ap, '已受理');
    await staffMove(ap, 'ASSIGN', (p) => pick(p, 'case-assignee', /李社工/));
    await expectStatus(ap, '已指派');
    await ap.getByTestId('case-detail-owner').filter({ hasText: '李社工' }).waitFor();

    // 联勤联动: city management, with the reason
    await staffMove(ap, 'ESCALATE', async (p) => {
      await pick(p, 'case-level', '联勤联动');
      await pick(p, 'case-force', '城管执法');
      await p.getByTestId('case-reason').fill('私家车长期占用消防通道，需城管执法');
    });
    await expectStatus(ap, '已上报');
    await ap.getByTestId('case-detail-level').filter({ hasText: '联勤联动 · 城管执法' }).waitFor();
    await staffMove(ap, 'RESOLVE', (p) => p.getByTestId('case-note').fill('城管已贴单劝离，加装隔离桩'));
    await expectStatus(ap, '已处理待确认');
    await screenshot(ap, 'admin-case-detail');

    // the resident gets the notice (the sender worker delivers it) and says it is not fixed
    await rp.goto(`${process.env.LC_RESIDENT_URL}/messages`);
    const notice = rp
      .getByTestId('message')
      .filter({ hasText: '问题已处理，请确认' })
      .filter({ hasText: description.slice(0, 10) });
    for (let i = 0; i < 30 && !(await notice.count()); i++) {
      await rp.waitForTimeout(500);
      await rp.reload();
    }
    await screenshot(rp, 'resident-messages');
    await notice.first().click();
    await rp.waitForURL(new RegExp(`/my-cases/${id}$`));
    await rp.getByTestId('my-case-resolution').waitFor();
    await rp.getByTestId('my-case-not-fixed').click();
    await rp.getByTestId('rate-stars').locator('.adm-rate-star').nth(1).click();
    await rp
      .getByTestId('rate-comment')
      .locator('textarea')
      .or(rp.locator('textarea[data-testid="rate-comment"]'))
      .first()
      .fill('第二天又停满了');
    await rp.getByTestId('rate-submit').click();
    await residentCase(rp, id, 'REOPENED');

    // reopened at 联勤联动; resolved again
    await ap.reload();
    await expectStatus(ap, '重新办理');
    await ap.getByTestId('case-detail-level').filter({ hasText: '联勤联动' }).waitFor();
    await staffMove(ap, 'RESOLVE', (p) => p.getByTestId('case-note').fill('加装地锁，城管每日巡查'));
    await expectStatus(ap, '已处理待确认');

    // the resident confirms: closed
    await residentCase(rp, id, 'RESOLVED');
    await rp.getByTestId('my-case-fixed').click();
    await rp.getByTestId('rate-stars').locator('.adm-rate-star').nth(4).click();
    await rp.getByTestId('rate-submit').click();
    await residentCase(rp, id, 'CLOSED');
    await rp.getByTestId('my-case-timeline').locator('[data-kind="NOT_FIXED"]').waitFor();
    await screenshot(rp, 'resident-case-closed');

    // the timeline holds every step, who and why
    const data = await gql<{ case: { status: string; timeline: { kind: string }[] } }>(
      `query($id: ID!) { case(id: $id) { status timeline { kind } } }`,
      { id },
      await staffToken('taopudong_staff'),
    );
    expect(data.case.status).toBe('CLOSED');
    expect(data.case.timeline.map((e) => e.kind)).toEqual([
      'REPORT',
      'ACCEPT',
      'ASSIGN',
      'ESCALATE',
      'RESOLVE',
      'NOT_FIXED',
      'RESOLVE',
      'CONFIRM_FIXED',
    ]);
    await ap.reload();
    await expectStatus(ap, '已办结');
    await resident.context.close();
    await admin.context.close();
  });
});
