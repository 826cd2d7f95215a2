import { browserSuite, openSeat, screenshot, screenshotDir, type Seat } from './browser.js';
import { chooseAction, createExercise, downloadFromReview, fireInject, joinWithCode, logInAsController, runClock, sendOnChannel, submitDecision, takeFreeDecision, waitForLive } from './ttx-flows.js';

describe('a whole exercise in the browser', () => {
  const suite = browserSuite();

  it('runs from creation to the end with a controller, two state teams and a facilitator', async () => {
    const control = await openSeat(suite.browser, suite.server.url);
    await control.page.goto('/login');
    await screenshot(control.page, '00-login');
    await logInAsController(control.page);
    await screenshot(control.page, '01-controller-exercises');
    const { exerciseId, codes } = await createExercise(control.page, 'Dark Winter', 'Dark Winter — e2e');
    expect(Object.keys(codes)).toEqual(expect.arrayContaining(['Southland National Security Council', 'Northland Presidential Security Office', 'Facilitators']));

    const south: Seat = await openSeat(suite.browser, suite.server.url);
    const north: Seat = await openSeat(suite.browser, suite.server.url, { width: 390, height: 844 });
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
    // Talking first and asking for mitigation earns no finding now that speed alone earns none; the log shows the
    // decision, and the decision on the team's own initiative below shows its findings.
    await south.page.getByTestId('decision-entry').filter({ hasText: 'talk first and ask Northland' }).waitFor();
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

    // Southland acts on its own initiative, outside any prompt, and sees it scored in its log.
    await south.page.getByRole('tab', { name: 'Decision log' }).click();
    await south.page.getByRole('button', { name: 'New decision' }).click();
    await south.page.getByRole('dialog').locator('input[data-action-id="public-attribution"]').check();
    await south.page.getByRole('dialog').locator('select[data-target-for="public-attribution"]').selectOption({ label: 'Government of Northland (Presidential Administration)' });
    await screenshot(south.page, '13-player-free-decision');
    await south.page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await takeFreeDecision(south.page, [{ actionId: 'public-attribution', target: 'Government of Northland (Presidential Administration)' }], 'We name Northland publicly before the evidence is complete.');
    const ownInitiative = south.page.getByTestId('decision-entry').filter({ hasText: 'Own initiative' });
    await ownInitiative.getByTestId('finding-list').waitFor();
    // One assessment for the attribution: characterised as retorsion, with one verdict that is not a commendation.
    const attribution = ownInitiative.getByTestId('action-verdict').filter({ hasText: 'Characterised as retorsion' });
    await attribution.waitFor();
    expect(['violation', 'concern']).toContain(await attribution.getAttribute('data-verdict'));

    // The controller sees the decisions with their findings, and pauses and resumes the clock.
    await control.page.getByTestId('decision-feed-entry').nth(1).waitFor();
    await control.page.getByTestId('decision-feed').getByTestId('finding-list').first().waitFor();
    await control.page.getByTestId('decision-feed').getByTestId('action-verdict').filter({ hasText: 'Characterised as cooperation' }).first().waitFor();
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
    const facilitator = await openSeat(suite.browser, suite.server.url);
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

    // The after-action review from the server: every section, findings with their citations, the files.
    await control.page.goto(`/review/${exerciseId}`);
    await control.page.getByRole('heading', { name: /After-action review — Dark Winter/ }).waitFor();
    const review = control.page.getByTestId('review');
    for (const section of ['Exercise overview', 'Scores and findings by team', 'Escalation', 'Objectives and ratings', 'Strengths and areas for improvement', 'Improvement plan', 'Decisions', 'Timeline'])
      await review.getByRole('heading', { name: section, exact: true }).waitFor();
    const normCitation = control.page.getByTestId('citation').filter({ hasText: /^(NORM|CBM)-\w+/ });
    await review.getByTestId('finding').filter({ has: normCitation }).first().waitFor();
    await review.getByRole('row').filter({ hasText: 'Own initiative' }).first().waitFor();
    await review.getByRole('row').filter({ hasText: 'Own initiative' }).getByTestId('action-verdict').filter({ hasText: 'Characterised as retorsion' }).first().waitFor();
    // The timeline words each decision and its findings from the records its entries point at.
    const timeline = review.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('row').filter({ hasText: 'decided: Public attribution' }).filter({ hasText: 'Rationale: We name Northland publicly' }).waitFor();
    await timeline.getByRole('row').filter({ hasText: /Findings for .+: \S+ (commendation|note|concern|violation) [+-]?\d/ }).first().waitFor();
    await screenshot(control.page, '11-review');
    await screenshot(control.page, '11b-review-full', true);
    const pdf = await downloadFromReview(control.page, 'PDF report');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.name).toMatch(/\.pdf$/);
    const csv = await downloadFromReview(control.page, 'Decisions CSV');
    expect(csv.name).toMatch(/decisions\.csv$/);
    expect(csv.bytes.toString('utf8').split('\r\n')[0]).toMatch(/^seq,exerciseTime,exerciseTimeMs,teamId/);
    expect(csv.bytes.toString('utf8')).toContain('We name Northland publicly');

    // The facilitator adds an item to the improvement plan, edits it, and the review shows it.
    await facilitator.page.goto(`/review/${exerciseId}`);
    await waitForLive(facilitator.page);
    const plan = facilitator.page.getByTestId('improvement-plan');
    await plan.getByRole('button', { name: 'Add item' }).click();
    const form = facilitator.page.getByTestId('improvement-form');
    await form.getByLabel('Issue').fill('Public attribution came before the hotline had been given time to work.');
    await form.getByLabel('Corrective action').fill('Add a hotline-first step to the national attribution procedure.');
    await form.getByLabel('Capability element').selectOption('planning');
    await form.getByLabel('Responsible organisation').fill('Southland National Security Council');
    await form.getByLabel('Start date').fill('2026-01-12');
    await form.getByLabel('Completion date').fill('2026-03-31');
    await form.getByRole('button', { name: 'Add item' }).click();
    const added = plan.getByTestId('improvement-item').filter({ hasText: 'hotline-first step' });
    await added.waitFor();
    await added.getByRole('button', { name: /^Edit item/ }).click();
    await form.getByLabel('Point of contact').fill('Deputy NSC adviser');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await added.filter({ hasText: 'Deputy NSC adviser' }).waitFor();
    expect(await added.innerText()).toContain('2026-01-12');
    // Scrolled to the top, so the sticky header sits above the page rather than over the plan.
    await facilitator.page.evaluate(() => window.scrollTo(0, 0));
    const box = await plan.boundingBox();
    if (box) await facilitator.page.screenshot({ path: `${screenshotDir}/12-improvement-plan.png`, fullPage: true, clip: box });
    await control.page.reload();
    await control.page.getByTestId('improvement-item').filter({ hasText: 'Deputy NSC adviser' }).waitFor();

    for (const seat of [control, south, north, facilitator]) expect(seat.incidents).toEqual([]);
  });
});
