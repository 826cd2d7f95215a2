import type { Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot, type Seat } from './browser.js';
import { createExercise, joinWithCode, logInAsController, runClock, waitForLive } from './ttx-flows.js';
import { ADMIN_PASSWORD } from './ttx-server.js';

const PHONE = { width: 360, height: 780 };
const DESK = { width: 1440, height: 900 };
const SOUTH = 'Southland National Security Council';

/** Nothing on the page reaches past the right edge of the window (wide tables scroll inside their own box). */
async function expectNoSidewaysOverflow(page: Page, screen: string): Promise<void> {
  // Charts resize a moment after the window does: give the layout a short while to settle before judging it.
  const measure = () => page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    // The outermost elements past the edge, named so a failure says where to look.
    const past = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
    const outermost = past.filter((el) => !past.includes(el.parentElement as Element)).slice(0, 5);
    return { overflow, culprits: overflow > 0 ? outermost.map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 120)) : [] };
  });
  let found = await measure();
  for (let tries = 0; found.overflow > 0 && tries < 10; tries++) {
    await page.waitForTimeout(200);
    found = await measure();
  }
  expect({ screen, ...found }).toEqual({ screen, overflow: 0, culprits: [] });
}

/** Shoots the screen at a phone's width and a desktop's, checking it fits the phone. */
async function shootAtBothWidths(page: Page, name: string, settle?: () => Promise<void>): Promise<void> {
  await page.setViewportSize(PHONE);
  await settle?.();
  await expectNoSidewaysOverflow(page, name);
  await screenshot(page, `${name}-360`, true);
  await page.setViewportSize(DESK);
  await settle?.();
  await screenshot(page, `${name}-1440`);
}

/** Every status badge in the exercise list shows its whole word inside the window. */
async function expectStatusesReadable(page: Page): Promise<void> {
  const badges = page.getByTestId('exercise-status-badge');
  await badges.first().waitFor();
  const measured = await badges.evaluateAll((nodes) =>
    nodes.map((badge) => {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      const box = badge.getBoundingClientRect();
      return { text: label.textContent, cut: label.scrollWidth > label.clientWidth + 1, inside: box.left >= 0 && box.right <= window.innerWidth };
    }),
  );
  for (const badge of measured) expect(badge).toEqual({ text: badge.text, cut: false, inside: true });
}

describe('the main screens at a phone and a desktop width', () => {
  const suite = browserSuite();

  it('returns a controller to the page asked for after logging in, and never to another site', async () => {
    const admin = await openSeat(suite.browser, suite.server.url);
    await logInAsController(admin.page);
    const { exerciseId } = await createExercise(admin.page);
    const id = encodeURIComponent(exerciseId);

    for (const asked of [`/control/${id}`, `/review/${id}`, `/facilitate/${id}`]) {
      const fresh = await openSeat(suite.browser, suite.server.url, PHONE);
      await fresh.page.goto(asked);
      await fresh.page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === asked);
      await fresh.page.getByRole('textbox', { name: 'Password' }).fill(ADMIN_PASSWORD);
      await fresh.page.getByRole('button', { name: 'Log in' }).click();
      await fresh.page.waitForURL((url) => url.pathname === asked);
      expect(fresh.incidents).toEqual([]);
      await fresh.context.close();
    }

    const tricked = await openSeat(suite.browser, suite.server.url);
    await tricked.page.goto(`/login?next=${encodeURIComponent('//example.org/control')}`);
    await tricked.page.getByRole('textbox', { name: 'Password' }).fill(ADMIN_PASSWORD);
    await tricked.page.getByRole('button', { name: 'Log in' }).click();
    await tricked.page.getByRole('heading', { name: 'New exercise' }).waitFor();
    expect(new URL(tricked.page.url()).origin).toBe(suite.server.url.replace(/\/$/, ''));
    expect(new URL(tricked.page.url()).pathname).toBe('/control');
    await Promise.all([admin.context.close(), tricked.context.close()]);
  });

  it('shows each main screen whole at 360 and 1440 px: statuses, the wait for the start, the pause, the end', async () => {
    const control: Seat = await openSeat(suite.browser, suite.server.url);
    await control.page.goto('/login');
    await shootAtBothWidths(control.page, '20-login');
    await logInAsController(control.page);
    const { exerciseId, codes } = await createExercise(control.page, 'Dark Winter', 'Dark Winter — at every width');

    // A player who joins before the start reads a briefing and waits, with no disabled buttons to puzzle over.
    const south: Seat = await openSeat(suite.browser, suite.server.url, PHONE);
    await joinWithCode(south.page, codes[SOUTH], 'Ana South');
    await waitForLive(south.page);
    const waiting = south.page.getByTestId('waiting-for-start');
    await waiting.getByRole('heading', { name: 'Waiting for the exercise control to start the exercise' }).waitFor();
    await waiting.getByRole('heading', { name: /Dark Winter/ }).waitFor();
    expect(await waiting.getByTestId('waiting-team').innerText()).toContain(SOUTH);
    expect(await waiting.getByTestId('waiting-team').innerText()).toMatch(/Role: State · acting for .*Southland/);
    expect(await waiting.getByTestId('waiting-channels').innerText()).toContain('Northland–Southland government hotline');
    expect(await south.page.getByRole('button', { name: 'New decision' }).count()).toBe(0);
    await shootAtBothWidths(south.page, '21-player-waiting');

    await control.page.goto('/control');
    await shootAtBothWidths(control.page, '22-controller-exercises', () => expectStatusesReadable(control.page));
    await control.page.setViewportSize(PHONE);
    await expectStatusesReadable(control.page);
    await control.page.setViewportSize(DESK);
    await control.page.goto(`/control/${encodeURIComponent(exerciseId)}`);
    await waitForLive(control.page);

    // The start turns the wait into the live feed; a pause shows a banner; the end offers the team's debrief.
    await runClock(control.page, 'Start');
    await south.page.getByRole('heading', { name: /^Inject feed/ }).waitFor();
    await waiting.waitFor({ state: 'detached' });
    await south.page.getByRole('button', { name: 'New decision' }).waitFor();
    await runClock(control.page, 'Pause');
    await south.page.getByTestId('paused-banner').waitFor();
    await shootAtBothWidths(south.page, '23-player-paused');
    await shootAtBothWidths(control.page, '24-controller-paused');

    const cells = await control.page.getByTestId('escalation-matrix').locator('[data-pair]').allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.trim()).toMatch(/^ESC-\d+ \(\d+\)$/);
    await control.page.setViewportSize(PHONE);
    const legend = control.page.getByTestId('escalation-legend');
    expect(await legend.innerText()).toContain('in brackets the highest it has reached so far');
    const legendBox = await legend.boundingBox();
    expect(legendBox && legendBox.x >= 0 && legendBox.x + legendBox.width <= PHONE.width).toBe(true);
    await control.page.setViewportSize(DESK);

    const facilitator = await openSeat(suite.browser, suite.server.url, PHONE);
    await joinWithCode(facilitator.page, codes['Facilitators'], 'Fay Evaluator');
    await waitForLive(facilitator.page);
    await shootAtBothWidths(facilitator.page, '25-facilitator');

    await runClock(control.page, 'Resume');
    await south.page.getByTestId('paused-banner').waitFor({ state: 'detached' });
    await control.page.getByRole('button', { name: 'End exercise' }).click();
    await control.page.getByRole('button', { name: 'Confirm: end for everyone' }).click();
    const ended = south.page.getByTestId('ended-banner');
    await ended.getByTestId('debrief-link').waitFor();
    await shootAtBothWidths(south.page, '26-player-ended');
    await ended.getByTestId('debrief-link').click();
    await south.page.getByRole('heading', { name: /Team debrief/ }).waitFor();
    await shootAtBothWidths(south.page, '27-player-debrief');

    await control.page.goto(`/review/${encodeURIComponent(exerciseId)}`);
    await control.page.getByTestId('review').waitFor();
    await shootAtBothWidths(control.page, '28-review');

    for (const seat of [control, south, facilitator]) expect(seat.incidents).toEqual([]);
  });
});
