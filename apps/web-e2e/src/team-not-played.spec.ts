import type { Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot } from './browser.js';
import { createExercise, fireInject, logInAsController, runClock, waitForLive } from './ttx-flows.js';

const NORTH = 'Northland Presidential Security Office';

/** Waits, reading the log as the controller, until the team's deadline has been recorded as missed. */
async function missedDeadlineOf(page: Page, baseURL: string, exerciseId: string, teamId: string): Promise<void> {
  const session = JSON.parse((await page.evaluate(() => localStorage.getItem('ttx.controller'))) ?? '{}') as { token?: string };
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    const reply = await fetch(`${baseURL}/api/exercises/${encodeURIComponent(exerciseId)}/events?since=0`, { headers: { authorization: `Bearer ${session.token ?? ''}` } });
    const { events } = (await reply.json()) as { events: { type: string; payload: { teamId?: string } }[] };
    if (events.some((e) => e.type === 'inject.deadline-missed' && e.payload.teamId === teamId)) return;
    await page.waitForTimeout(1000);
  }
  throw new Error(`the deadline of ${teamId} was not recorded as missed within 90 s`);
}

describe('a team nobody plays, in the browser', () => {
  const suite = browserSuite();

  it('is marked not played on the control screen, misses its deadline unpenalised and is shown not played in the review', async () => {
    const control = await openSeat(suite.browser, suite.server.url);
    await logInAsController(control.page);
    const { exerciseId } = await createExercise(control.page, 'Dark Winter', 'Dark Winter — nobody from Northland');
    await waitForLive(control.page);

    // Nobody joins for Northland: the controller marks it not played, with the reason.
    const line = control.page.getByTestId('team-play-nl-gov');
    await line.getByLabel(`Reason for ${NORTH}`).fill('No delegation came');
    await line.getByRole('button', { name: 'Mark not played' }).click();
    await line.getByText('not played', { exact: true }).waitFor();
    await line.getByRole('button', { name: 'Mark played again' }).waitFor();
    const scoreboard = control.page.getByTestId('scoreboard');
    await scoreboard.getByTestId('not-played').filter({ hasText: NORTH }).filter({ hasText: 'not played: No delegation came' }).waitFor();
    await screenshot(control.page, '14-controller-team-not-played');

    // Its prompt goes out and its deadline (20 exercise minutes) passes at the fastest speed.
    await runClock(control.page, 'Start');
    await control.page.locator('[data-testid="exercise-status"]', { hasText: 'Running' }).waitFor();
    await control.page.getByLabel('Exercise speed').selectOption('60');
    await fireInject(control.page, 'g05-nl-security-brief');
    await missedDeadlineOf(control.page, suite.server.url, exerciseId, 'nl-gov');

    await control.page.getByRole('button', { name: 'End exercise' }).click();
    await control.page.getByRole('button', { name: 'Confirm: end for everyone' }).click();
    await control.page.locator('[data-testid="exercise-status"]', { hasText: 'Ended' }).waitFor();

    // The review: Northland's section says not played, it has no findings, and nothing is planned for it.
    await control.page.goto(`/review/${exerciseId}`);
    const review = control.page.getByTestId('review');
    await review.getByRole('heading', { name: 'Scores and findings by team', exact: true }).waitFor();
    const north = review.getByTestId('team-not-played').filter({ hasText: NORTH });
    await north.getByText('not played', { exact: true }).waitFor();
    await north.getByText('Nobody played this team (No delegation came): it has no score, no findings and no improvement-plan items.').waitFor();
    expect(await north.getByTestId('finding').count()).toBe(0);
    const timeline = review.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('row').filter({ hasText: `${NORTH} missed the deadline` }).first().waitFor();
    expect(await timeline.getByRole('row').filter({ hasText: `Findings for ${NORTH}` }).count()).toBe(0);
    expect(await review.getByTestId('improvement-item').filter({ hasText: NORTH }).count()).toBe(0);
    await screenshot(control.page, '15-review-team-not-played');

    expect(control.incidents).toEqual([]);
  });
});
