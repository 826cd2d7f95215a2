import { browserSuite, openSeat, screenshot } from './browser.js';
import { chooseAction, createExercise, fireInject, joinWithCode, logInAsController, runClock, submitDecision, waitForLive } from './ttx-flows.js';

const SOUTH = 'Southland National Security Council';
const NORTHLAND = 'Government of Northland (Presidential Administration)';

describe('stated confidence in an attribution, in the browser', () => {
  const suite = browserSuite();

  it('is offered only once an attribution is chosen, with the values of the command table, and shown wherever the decision is', async () => {
    const control = await openSeat(suite.browser, suite.server.url);
    await logInAsController(control.page);
    const { codes, exerciseId } = await createExercise(control.page, 'Dark Winter', 'Dark Winter — attribution confidence');
    const south = await openSeat(suite.browser, suite.server.url);
    await joinWithCode(south.page, codes[SOUTH], 'Ana South');
    await Promise.all([waitForLive(south.page), waitForLive(control.page)]);
    await runClock(control.page, 'Start');
    await fireInject(control.page, 'g10-nsc-options');

    const prompt = south.page.locator('[data-testid="decision-prompt"][data-inject-id="g10-nsc-options"]');
    const select = prompt.getByLabel('Stated confidence in the attribution');
    await prompt.waitFor();
    expect(await select.count()).toBe(0);
    await chooseAction(south.page, 'g10-nsc-options', 'activate-hotline', NORTHLAND);
    expect(await select.count()).toBe(0);
    await chooseAction(south.page, 'g10-nsc-options', 'public-attribution', NORTHLAND);
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual(['Not stated', 'Low', 'Moderate', 'High']);
    await select.selectOption('high');
    await screenshot(south.page, '15-player-attribution-confidence');
    // Unchecking the attribution takes the question away again; checking it brings back the answer given.
    await prompt.locator('input[data-action-id="public-attribution"]').uncheck();
    expect(await select.count()).toBe(0);
    await prompt.locator('input[data-action-id="public-attribution"]').check();
    expect(await select.inputValue()).toBe('high');
    await submitDecision(south.page, 'g10-nsc-options', 'Talk, and name them.');
    await south.page.getByTestId('decision-ack').waitFor();

    await south.page.getByRole('tab', { name: 'Decision log' }).click();
    const entry = south.page.getByTestId('decision-entry').filter({ hasText: 'Talk, and name them.' });
    await entry.getByTestId('decision-confidence').filter({ hasText: 'Stated confidence in the attribution: high' }).waitFor();

    const feed = control.page.getByTestId('decision-feed-entry').filter({ hasText: 'Talk, and name them.' });
    await feed.getByTestId('decision-confidence').filter({ hasText: 'Stated confidence in the attribution: high' }).waitFor();

    await control.page.getByRole('button', { name: 'End exercise' }).click();
    await control.page.getByRole('button', { name: 'Confirm: end for everyone' }).click();
    await control.page.locator('[data-testid="exercise-status"]', { hasText: 'Ended' }).waitFor();
    await control.page.goto(`/review/${exerciseId}`);
    await control.page.getByTestId('review').getByTestId('decision-confidence').filter({ hasText: 'Stated confidence: high' }).waitFor();
    for (const seat of [control, south]) await seat.context.close();
  });
});
