// 三张清单 + 三会 across both SPAs: a resident raises a demand; staff match it to a resource and make
// a publicly funded project, try to approve it without a hearing and see why not, record the
// hearing, approve, run it to the review meeting and completion; the resident sees the outcome.
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, screenshot } from '../support/browser';
import { gql } from '../support/gql';
import { adminLogin, residentLogin } from '../support/login';

// A demo resident no other browser test signs in as (codes are rate limited per number).
const PHONE = '13800000003';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

async function pick(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function recordMeeting(page: Page, kind: string, outcome: string): Promise<void> {
  await page.getByTestId('meeting-record').click();
  const form = page.getByTestId('meeting-form');
  await form.waitFor();
  await pick(page, 'meeting-kind', kind);
  const at = page.getByTestId('meeting-held-at');
  await at.click();
  const now = new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString();
  await at.fill(`${now.slice(0, 10)} ${now.slice(11, 16)}`);
  await at.press('Enter');
  await page.getByTestId('meeting-attendees').fill('30');
  await page.getByTestId('meeting-minutes').fill('居民代表逐一发言，讨论施工方案与费用。');
  await pick(page, 'meeting-outcome', outcome);
  await page.getByTestId('meeting-resolution').fill('同意实施');
  await page.getByTestId('meeting-votes-for').fill('25');
  await page.getByTestId('meeting-votes-against').fill('3');
  await page.getByTestId('meeting-votes-abstain').fill('2');
  await page.getByTestId('meeting-submit').click();
  await page.getByTestId('meeting-submit').waitFor({ state: 'hidden' });
}

async function statusIs(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="project-status"][data-status="${status}"]`).waitFor();
}

describe('the three lists and the three meetings', () => {
  it('demand → matched resource → publicly funded project → hearing → approved → review → completed', async () => {
    const stamp = Date.now().toString(36);
    const demandTitle = `小区门口增设无障碍坡道-${stamp}`;

    // 居民提需求
    const resident = await newPage(browser, { mobile: true });
    const rp = resident.page;
    const token = await residentLogin(rp, PHONE);
    const { regions } = await gql(`{ regions(level: STREET) { id name } }`);
    const taopu = regions.find((r: { name: string }) => r.name === '桃浦镇');
    const { region } = await gql(`query($id: ID!) { region(id: $id) { children { id name } } }`, {
      id: taopu.id,
    });
    const community = region.children[0];
    await gql(`mutation($c: ID!) { setHomeCommunity(communityId: $c) { id } }`, { c: community.id }, token);
    await rp.goto(`${process.env.LC_RESIDENT_URL}/community/demands/new`);
    await rp.getByTestId('demand-form').waitFor();
    await rp
      .getByTestId('demand-title-input')
      .locator('input, textarea')
      .or(rp.locator('input[data-testid="demand-title-input"], textarea[data-testid="demand-title-input"]'))
      .first()
      .fill(demandTitle);
    await rp
      .getByTestId('demand-description-input')
      .locator('textarea, input')
      .or(rp.locator('textarea[data-testid="demand-description-input"]'))
      .first()
      .fill('轮椅和婴儿车进出不便，希望在小区门口修一条坡道。');
    await rp
      .locator(
        '[data-testid="demand-category"][data-value="DAILY_LIFE"], [data-testid="demand-category"] [data-value="DAILY_LIFE"]',
      )
      .first()
      .click();
    await screenshot(rp, 'resident-demand-new');
    await rp.getByTestId('demand-submit').click();
    await rp.locator(`[data-testid="demand-card"][data-title="${demandTitle}"]`).waitFor();

    // 街镇：匹配资源、生成财力出资项目
    const admin = await newPage(browser);
    const ap = admin.page;
    await adminLogin(ap, 'taopu_admin');
    await ap.goto(`${process.env.LC_ADMIN_URL}/planning`);
    await ap.getByTestId('planning-page').waitFor();
    const row = ap.locator(`[data-testid="demand-row"][data-title="${demandTitle}"]`);
    await row.waitFor();
    await screenshot(ap, 'admin-three-lists');
    await row.click();
    await ap.getByTestId('demand-drawer').waitFor();
    const match = ap.getByTestId('match-row').first();
    await match.waitFor();
    await match.getByTestId('match-pick').check();
    await screenshot(ap, 'admin-matching');
    await ap.getByTestId('project-create').click();
    await ap.getByTestId('project-form').waitFor();
    const projectTitle = `无障碍坡道项目-${stamp}`;
    await ap.getByTestId('project-title').fill(projectTitle);
    const funded = ap.getByTestId('project-public-funding');
    if ((await funded.getAttribute('aria-checked')) !== 'true') await funded.click();
    await ap.getByTestId('project-budget').fill('50000');
    await ap.getByTestId('project-submit').click();
    await ap.getByTestId('project-detail').waitFor();
    await statusIs(ap, 'PROPOSED');

    // 没有听证会不能批准
    await ap.getByTestId('project-move-APPROVED').click();
    const why = ap.getByTestId('project-move-error');
    await why.waitFor();
    expect(await why.innerText()).toContain('听证会');
    await statusIs(ap, 'PROPOSED');
    await screenshot(ap, 'admin-project-needs-hearing');

    // 听证会 → 批准 → 实施 → 评议会 → 完成
    await recordMeeting(ap, '听证会', '通过');
    await statusIs(ap, 'HEARING');
    await ap.getByTestId('project-move-APPROVED').click();
    await statusIs(ap, 'APPROVED');
    await ap.getByTestId('project-move-IN_PROGRESS').click();
    await statusIs(ap, 'IN_PROGRESS');
    await recordMeeting(ap, '评议会', '通过');
    await statusIs(ap, 'REVIEW');
    await ap.getByTestId('project-move-COMPLETED').click();
    await statusIs(ap, 'COMPLETED');
    expect(await ap.getByTestId('timeline-item').count()).toBeGreaterThanOrEqual(7);
    await screenshot(ap, 'admin-project-completed');

    // 居民看到结果
    await rp.goto(`${process.env.LC_RESIDENT_URL}/community`);
    const card = rp.locator(`[data-testid="project-card"][data-title="${projectTitle}"]`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('COMPLETED');
    await card.click();
    await rp.getByTestId('project-detail').waitFor();
    await rp
      .locator('[data-testid="meeting-outcome"][data-kind="HEARING"][data-outcome="APPROVED"]')
      .waitFor();
    await rp
      .locator('[data-testid="meeting-outcome"][data-kind="REVIEW"][data-outcome="APPROVED"]')
      .waitFor();
    await screenshot(rp, 'resident-project-outcome');

    // the demand followed its project
    const { demands } = await gql(
      `query($s: String) { demands(filter: { search: $s }) { edges { node { status } } } }`,
      { s: stamp },
      token,
    );
    expect(demands.edges.map((e: { node: { status: string } }) => e.node.status)).toEqual(['CLOSED']);
    await resident.context.close();
    await admin.context.close();
  });
});
