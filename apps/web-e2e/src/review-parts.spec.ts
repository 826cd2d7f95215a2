// Screens ask for the part of the review they show and keep it current from live events: the facilitator's
// objective cards rate from live findings without asking for the review, the review screen applies plan edits as they
// come back on the live link and counts the other events for a refresh, and a player's end banner asks for the
// smallest part to learn whether a debrief is open.
import type { Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot, type Seat } from './browser.js';
import { chooseAction, createExercise, fireInject, joinWithCode, logInAsController, runClock, submitDecision, takeFreeDecision, waitForLive } from './ttx-flows.js';

const NORTHLAND = 'Government of Northland (Presidential Administration)';

/** Every report request a page makes, by its query. */
function reportRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('/report')) seen.push(url.search);
  });
  return seen;
}

describe('the parts of the review a screen asks for', () => {
  const suite = browserSuite();
  let control: Seat;
  let south: Seat;
  let facilitator: Seat;
  let exerciseId: string;

  beforeAll(async () => {
    control = await openSeat(suite.browser, suite.server.url);
    await logInAsController(control.page);
    const created = await createExercise(control.page, 'Dark Winter', 'Review parts — e2e');
    exerciseId = created.exerciseId;
    south = await openSeat(suite.browser, suite.server.url);
    facilitator = await openSeat(suite.browser, suite.server.url);
    await joinWithCode(south.page, created.codes['Southland National Security Council']!, 'Ana South');
    await joinWithCode(facilitator.page, created.codes['Facilitators']!, 'Fay Evaluator');
    await facilitator.page.waitForURL(new RegExp(`/facilitate/${exerciseId}`));
    await Promise.all([waitForLive(control.page), waitForLive(south.page), waitForLive(facilitator.page)]);
    await runClock(control.page, 'Start');
    await fireInject(control.page, 'g10-nsc-options');
  });

  afterAll(async () => {
    for (const seat of [control, south, facilitator]) await seat?.context.close();
  });

  it("rates the facilitator's objectives from live findings without asking for the review", async () => {
    const asked = reportRequests(facilitator.page);
    const cards = facilitator.page.getByTestId('objective-card');
    await cards.first().waitFor();
    const before = await cards.allInnerTexts();
    // The options paper serves two objectives; naming Northland on low evidence draws a finding on it.
    await chooseAction(south.page, 'g10-nsc-options', 'public-attribution', NORTHLAND);
    await submitDecision(south.page, 'g10-nsc-options', 'We name Northland publicly before the evidence is complete.');
    await south.page.getByTestId('decision-entry').filter({ hasText: 'We name Northland publicly' }).getByTestId('finding-list').waitFor();
    await facilitator.page.waitForFunction(
      (texts) => [...document.querySelectorAll('[data-testid="objective-card"]')].some((card, i) => card.textContent !== texts[i] && /Rules suggest: [PSMU]/.test(card.textContent ?? '')),
      before,
    );
    expect(asked).toEqual([]);
  });

  it('applies a plan edit on the review screen from the live link, and asks again only when the reader refreshes', async () => {
    const asked = reportRequests(facilitator.page);
    await facilitator.page.goto(`/review/${exerciseId}`);
    await waitForLive(facilitator.page);
    const item = facilitator.page.getByTestId('improvement-item').filter({ hasText: /attribut/i }).first();
    await item.waitFor();
    await item.getByRole('button', { name: /^Edit item/ }).click();
    const form = facilitator.page.getByTestId('improvement-form');
    await form.getByLabel('Point of contact').fill('MFA legal adviser');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await facilitator.page.getByTestId('improvement-item').filter({ hasText: 'MFA legal adviser' }).waitFor();
    expect(await facilitator.page.getByTestId('review-newer').count()).toBe(0);
    expect(asked).toEqual(['?format=json']);

    // A new item is not in the plan held here: the plan part alone is asked for.
    await facilitator.page.getByTestId('improvement-plan').getByRole('button', { name: 'Add item' }).click();
    await form.getByLabel('Issue').fill('The options paper reached the council without a legal annex.');
    await form.getByLabel('Corrective action').fill('Attach the legal adviser’s note to every options paper.');
    await form.getByLabel('Responsible organisation').fill('Southland National Security Council');
    await form.getByRole('button', { name: 'Add item' }).click();
    await facilitator.page.getByTestId('improvement-item').filter({ hasText: 'without a legal annex' }).waitFor();
    expect(asked).toEqual(['?format=json', '?format=json&part=improvement-plan']);

    // A decision changes the review in ways only a new build shows: the screen says so and keeps what it has.
    await takeFreeDecision(south.page, [{ actionId: 'share-indicators', target: 'NL-CERT' }], 'Share what we see.');
    const newer = facilitator.page.getByTestId('review-newer');
    await newer.waitFor();
    expect(await newer.innerText()).toMatch(/newer events?: refresh to include/);
    await screenshot(facilitator.page, '30-review-newer-events');
    expect(asked).toEqual(['?format=json', '?format=json&part=improvement-plan']);
    await facilitator.page.getByRole('button', { name: 'Refresh' }).click();
    await newer.waitFor({ state: 'detached' });
    await facilitator.page.getByTestId('improvement-item').filter({ hasText: 'without a legal annex' }).waitFor();
    expect(asked).toEqual(['?format=json', '?format=json&part=improvement-plan', '?format=json']);
  });

  it("asks for the overview alone to offer a player its team's debrief at the end", async () => {
    const asked = reportRequests(south.page);
    await control.page.getByRole('button', { name: 'End exercise' }).click();
    await control.page.getByRole('button', { name: 'Confirm: end for everyone' }).click();
    await south.page.getByTestId('ended-banner').getByTestId('debrief-link').waitFor();
    expect(asked).toEqual(['?format=json&part=overview']);
  });
});
