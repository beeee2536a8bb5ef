// Satisfaction and evaluation across both SPAs: a resident answers a survey of 桃浦东片区, staff enter
// two paper responses, the leadership dashboard's figures for that center change by exactly those
// three responses, and an evaluator's eight-dimension evaluation moves the center's composite.
import type { Browser, Page } from 'playwright-core';
import { DIMENSIONS } from '@lc/domain';
import { launch, newPage, screenshot } from '../support/browser';
import { gql, staffToken } from '../support/gql';
import { adminLogin, residentLogin } from '../support/login';
import { rollupsCaughtUp } from '../support/rollups';

const PHONE = '13800000004';
const CENTER = '桃浦东片区';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The dashboard's ranking row of the center, as the street admin sees it. */
async function centerRow(page: Page): Promise<{ responses: number; composite: number }> {
  await page.goto(`${process.env.LC_ADMIN_URL}/dashboard`);
  await page.getByTestId('dashboard-page').waitFor();
  const row = page.locator(`[data-testid="ranking-row"][data-center-name="${CENTER}"]`);
  await row.waitFor();
  return {
    responses: Number(await row.getAttribute('data-responses')),
    composite: Number(await row.getAttribute('data-composite')),
  };
}

describe('satisfaction, paper entry, dashboard and evaluation', () => {
  it('a resident answers, staff enter two papers, the dashboard counts three more; an evaluation moves the composite', async () => {
    // a survey of the center, built and opened by the street admin
    const token = await staffToken('taopu_admin');
    const { centers } = await gql(
      `query($s: String) { centers(filter: { search: $s }, first: 5) { edges { node { id name } } } }`,
      {
        s: CENTER,
      },
    );
    const centerId = centers.edges.find((e: { node: { name: string } }) => e.node.name === CENTER).node.id;
    const title = `桃浦东片区服务满意度-${Date.now().toString(36)}`;
    const { createSurvey } = await gql(
      `mutation($input: SurveyInput!) { createSurvey(input: $input) { id questions { id kind } } }`,
      {
        input: {
          title,
          scopeKind: 'CENTER',
          centerId,
          anonymous: true,
          questions: [
            {
              kind: 'SCORE',
              text: '您对中心服务的总体评价',
              required: true,
              dimension: 'RESIDENT_PERCEPTION',
            },
            { kind: 'TEXT', text: '您的意见和建议', required: false },
          ],
        },
      },
      token,
    );
    await gql(`mutation($id: ID!) { openSurvey(id: $id) { status } }`, { id: createSurvey.id }, token);
    const scoreQ = createSurvey.questions.find((q: { kind: string }) => q.kind === 'SCORE').id;

    const admin = await newPage(browser);
    const ap = admin.page;
    await adminLogin(ap, 'taopu_admin');
    const before = await centerRow(ap);

    // the resident answers on the phone
    const resident = await newPage(browser, { mobile: true });
    const rp = resident.page;
    await residentLogin(rp, PHONE);
    await rp.goto(`${process.env.LC_RESIDENT_URL}/surveys/${createSurvey.id}`);
    await rp.getByTestId('survey-form').waitFor();
    await rp
      .locator(
        `[data-testid="question"][data-question-id="${scoreQ}"] [data-testid="score-option"][data-value="9"]`,
      )
      .click();
    await rp.getByTestId('answer-text').fill('活动很丰富，希望周末开放时间更长。');
    await screenshot(rp, 'resident-survey');
    await rp.getByTestId('survey-submit').click();
    await rp.getByTestId('confirm-ok').click();
    await rp.getByTestId('survey-thanks').waitFor();
    await resident.context.close();

    // two paper responses, keyboard only
    await ap.goto(`${process.env.LC_ADMIN_URL}/surveys/${createSurvey.id}?tab=paper`);
    await ap.getByTestId('paper-entry').waitFor();
    for (const score of ['8', '6']) {
      const input = ap.getByTestId(`paper-answer-${scoreQ}`);
      await input.click();
      await input.fill(score);
      await ap.getByTestId('paper-submit').click();
      await ap.locator(`[data-testid="paper-count"][data-count="${score === '8' ? 1 : 2}"]`).waitFor();
    }
    await screenshot(ap, 'admin-paper-entry');

    // the dashboard counts exactly the three new responses, once the rollup worker has them (≤ 5 s)
    await rollupsCaughtUp();
    const after = await centerRow(ap);
    expect(after.responses).toBe(before.responses + 3);
    await ap.getByTestId('dashboard-trend').waitFor();
    await ap.waitForTimeout(2500); // the charts' entry animation
    await screenshot(ap, 'admin-dashboard');

    // an evaluator's evaluation moves the center's composite
    const ev = await newPage(browser);
    await adminLogin(ev.page, 'evaluator');
    await ev.page.goto(`${process.env.LC_ADMIN_URL}/evaluations`);
    await ev.page.getByTestId('evaluations-page').waitFor();
    await ev.page.getByTestId('evaluation-create').click();
    await ev.page.getByTestId('evaluation-form').waitFor();
    await ev.page.getByTestId('evaluation-center').click();
    await ev.page.keyboard.type(CENTER);
    await ev.page
      .getByRole('option', { name: new RegExp(`^${CENTER}`) })
      .first()
      .click();
    await ev.page.getByTestId('evaluation-phase-AFTER').click();
    for (const d of DIMENSIONS) await ev.page.getByTestId(`evaluation-score-${d}`).fill('10');
    await ev.page.getByTestId('evaluation-submit').click();
    await ev.page.getByTestId('evaluation-submit').waitFor({ state: 'hidden' });
    await ev.context.close();

    const evaluated = await centerRow(ap);
    expect(evaluated.composite).toBeGreaterThan(after.composite);
    await admin.context.close();
  });
});
