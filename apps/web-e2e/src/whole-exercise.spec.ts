import type { Browser } from 'playwright-core';
import { launchChromium, openSeat, screenshot, type Seat } from './browser.js';
import { chooseAction, createExercise, fireInject, joinWithCode, logInAsController, runClock, sendOnChannel, submitDecision, waitForLive } from './ttx-flows.js';
import { startServer, type RunningServer } from './ttx-server.js';

describe('a whole exercise in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('runs from creation to the end with a controller, two state teams and a facilitator', async () => {
    const control = await openSeat(browser, server.url);
    await control.page.goto('/login');
    await screenshot(control.page, '00-login');
    await logInAsController(control.page);
    await screenshot(control.page, '01-controller-exercises');
    const { exerciseId, codes } = await createExercise(control.page, 'Dark Winter', 'Dark Winter — e2e');
    expect(Object.keys(codes)).toEqual(expect.arrayContaining(['Southland National Security Council', 'Northland Presidential Security Office', 'Facilitators']));

    const south: Seat = await openSeat(browser, server.url);
    const north: Seat = await openSeat(browser, server.url, { width: 390, height: 844 });
    await joinWithCode(south.page, codes['Southland National Security Council'], 'Ana South');
    await joinWithCode(north.page, codes['Northland Presidential Security Office'], 'Nik North');
    await south.page.getByTestId('team-name').filter({ hasText: 'Southland National Security Council' }).waitFor();
    await north.page.getByTestId('team-name').filter({ hasText: 'Northland Presidential Security Office' }).waitFor();
    await Promise.all([waitForLive(south.page), waitForLive(north.page), waitForLive(control.page)]);

    await runClock(control.page, 'Start');
    await control.page.locator('[data-testid="exercise-status"]', { hasText: 'Running' }).waitFor();
    await fireInject(control.page, 'g10-nsc-options');
    await fireInject(control.page, 'g05-nl-security-brief');

    // Injects arrive on the right screens, with a decision prompt each.
    await south.page.locator('[data-testid="inject-card"][data-inject-id="g10-nsc-options"]').waitFor();
    await north.page.locator('[data-testid="inject-card"][data-inject-id="g05-nl-security-brief"]').waitFor();
    await south.page.locator('[data-testid="decision-prompt"][data-inject-id="g10-nsc-options"]').waitFor();
    await screenshot(south.page, '03-player-decision-prompt');

    await chooseAction(south.page, 'g10-nsc-options', 'activate-hotline', 'Government of Northland (Presidential Administration)');
    await chooseAction(south.page, 'g10-nsc-options', 'request-mitigation', 'Government of Northland (Presidential Administration)');
    await submitDecision(south.page, 'g10-nsc-options', 'Evidence is low; talk first and ask Northland to act on the servers.');
    await south.page.getByTestId('decision-ack').waitFor();
    await south.page.getByTestId('decision-entry').getByTestId('finding-list').waitFor();
    await screenshot(south.page, '03b-player-decision-log');

    await chooseAction(north.page, 'g05-nl-security-brief', 'activate-hotline', 'Government of Southland (Prime Minister\'s Office)');
    await submitDecision(north.page, 'g05-nl-security-brief', 'Tell Southland what we see before anyone acts.');
    await north.page.getByTestId('decision-ack').waitFor();

    // A hotline exchange between the two states.
    await sendOnChannel(south.page, 'Northland–Southland government hotline', 'Southland here: our grid is under attack from servers in your territory.');
    await sendOnChannel(north.page, 'Northland–Southland government hotline', 'Northland: we are looking into BorealHost now.');
    await north.page.getByTestId('channel-message').filter({ hasText: 'our grid is under attack' }).waitFor();
    await south.page.getByTestId('channel-message').filter({ hasText: 'looking into BorealHost' }).waitFor();
    await screenshot(north.page, '04-player-phone-hotline');

    // The controller sees the decisions with their findings, and pauses and resumes the clock.
    await control.page.getByTestId('decision-feed-entry').nth(1).waitFor();
    await control.page.getByTestId('decision-feed').getByTestId('finding-list').first().waitFor();
    await screenshot(control.page, '02-controller-live');
    await screenshot(control.page, '02b-controller-live-full', true);
    await runClock(control.page, 'Pause');
    await south.page.locator('[data-testid="exercise-status"]', { hasText: 'Paused' }).waitFor();
    const pausedAt = await south.page.getByTestId('exercise-clock').innerText();
    await south.page.waitForTimeout(1500);
    expect(await south.page.getByTestId('exercise-clock').innerText()).toBe(pausedAt);
    await screenshot(control.page, '05-controller-paused');
    await runClock(control.page, 'Resume');
    await south.page.locator('[data-testid="exercise-status"]', { hasText: 'Running' }).waitFor();

    // A facilitator records an observation against an objective.
    const facilitator = await openSeat(browser, server.url);
    await joinWithCode(facilitator.page, codes['Facilitators'], 'Fay Evaluator');
    await facilitator.page.waitForURL(new RegExp(`/facilitate/${exerciseId}`));
    await waitForLive(facilitator.page);
    const objective = facilitator.page.getByTestId('objective-card').filter({ hasText: 'Use the hotline' });
    await objective.getByLabel(/^S — /).check();
    await objective.getByLabel('Observation note').fill('Both governments opened the hotline before any escalatory step.');
    await objective.getByRole('button', { name: 'Record observation' }).click();
    await objective.getByTestId('observation').filter({ hasText: 'opened the hotline' }).waitFor();
    await screenshot(facilitator.page, '06-facilitator');

    await control.page.getByRole('button', { name: 'End exercise' }).click();
    await control.page.getByRole('button', { name: 'Confirm: end for everyone' }).click();
    await north.page.locator('[data-testid="exercise-status"]', { hasText: 'Ended' }).waitFor();
    await south.page.getByText('The exercise has ended').waitFor();
    await screenshot(control.page, '07-controller-ended');
    await screenshot(south.page, '08-player-ended');

    await control.page.goto(`/review/${exerciseId}`);
    await control.page.getByRole('heading', { name: /After-action review/ }).waitFor();
    await control.page.locator('[data-testid="review-from-log"], #overview-heading').first().waitFor();
    await screenshot(control.page, '11-review', true);

    for (const seat of [control, south, north, facilitator]) expect(seat.incidents).toEqual([]);
  });
});
