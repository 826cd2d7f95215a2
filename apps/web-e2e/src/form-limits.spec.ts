// The forms take their limits from the engine's command table (LIMITS): text of exactly the limit is recorded, one
// character more is not typed, and text of only spaces is refused on screen before anything is sent.
import { LIMITS } from '@ttx/contracts';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot, type Seat } from './browser.js';
import { chooseAction, createExercise, fireInject, logInAsController, runClock, waitForLive } from './ttx-flows.js';

const SOUTH = 'Southland National Security Council';
const CRISIS_ROOM = 'Southland crisis room';
const NORTHLAND = 'Government of Northland (Presidential Administration)';

/** Text of exactly `length` characters that starts with `tag` (so the screen can be searched for it), no spaces to trim. */
function textOfLength(tag: string, length: number): string {
  return `${tag}-${'abcdefghij'.repeat(Math.ceil(length / 10))}`.slice(0, length);
}

/** Fills `field` with `text`, then types one character more at its end: the field must keep `text` as it was. */
async function fillToLimit(field: Locator, text: string, limit: number): Promise<void> {
  expect(text).toHaveLength(limit);
  await field.fill(text);
  await field.press('End');
  await field.press('x');
  const kept = await field.inputValue();
  expect(kept.length).toBe(limit);
  expect(kept).toBe(text);
  expect(await field.getAttribute('maxlength')).toBe(String(limit));
}

async function openChannel(page: Page, channelName: string): Promise<Locator> {
  await page.getByRole('tab', { name: /^Channels/ }).click();
  await page.getByRole('tab', { name: new RegExp(channelName) }).click();
  return page.getByLabel(`Message on ${channelName}`);
}

describe('form limits from the command table', () => {
  const suite = browserSuite();
  let control: Seat;
  let codes: Record<string, string>;
  const seats: Seat[] = [];

  beforeAll(async () => {
    control = await openSeat(suite.browser, suite.server.url);
    ({ codes } = await logInAsController(control.page).then(() => createExercise(control.page)));
    await waitForLive(control.page);
    await runClock(control.page, 'Start');
    await control.page.locator('[data-testid="exercise-status"]', { hasText: 'Running' }).waitFor();
  });

  afterAll(async () => {
    for (const seat of [control, ...seats]) await seat?.context.close();
  });

  async function seat(): Promise<Seat> {
    const opened = await openSeat(suite.browser, suite.server.url);
    seats.push(opened);
    return opened;
  }

  it(`joins under a name of exactly ${LIMITS.participantLength} characters and refuses a name of only spaces`, async () => {
    const { page } = await seat();
    await page.goto('/join');
    await page.getByLabel('Join code').fill(codes[SOUTH]);
    const name = page.getByLabel('Your name');
    await name.fill('   ');
    await page.getByText('A name needs letters, not only spaces; or leave it empty.').waitFor();
    expect(await page.getByRole('button', { name: 'Join' }).isDisabled()).toBe(true);
    await name.press('Enter');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/join');

    const fullName = textOfLength('Ana', LIMITS.participantLength);
    await fillToLimit(name, fullName, LIMITS.participantLength);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByTestId('team-name').filter({ hasText: SOUTH }).waitFor();
    await waitForLive(page);
    // The name is recorded: it signs the messages the participant sends.
    const field = await openChannel(page, CRISIS_ROOM);
    await field.fill('Ana here.');
    await page.getByRole('button', { name: 'Send' }).click();
    const line = page.getByTestId('channel-message').filter({ hasText: 'Ana here.' });
    await line.waitFor();
    expect(await line.innerText()).toContain(fullName);
  });

  it(`sends a chat message of exactly ${LIMITS.messageLength} characters and refuses one of only spaces`, async () => {
    const { page } = await seat();
    await page.goto('/join');
    await page.getByLabel('Join code').fill(codes[SOUTH]);
    await page.getByLabel('Your name').fill('Bo Chat');
    await page.getByRole('button', { name: 'Join' }).click();
    await waitForLive(page);
    const field = await openChannel(page, 'Northland–Southland government hotline');

    await field.fill('  \n  ');
    await page.getByText('A message needs words: spaces alone are not sent.').waitFor();
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await screenshot(page, '30-player-blank-message-refused');
    await field.press('Enter');

    const text = textOfLength('Hotline-limit', LIMITS.messageLength);
    await fillToLimit(field, text, LIMITS.messageLength);
    await page.getByRole('button', { name: 'Send' }).click();
    const sent = page.getByTestId('channel-message').filter({ hasText: 'Hotline-limit' });
    await sent.waitFor();
    expect(await sent.innerText()).toContain(text);
    // Only the message with words reached the channel.
    expect(await page.getByTestId('channel-message').count()).toBe(1);
    await control.page.getByRole('tab', { name: /^Channel traffic/ }).click();
    await control.page.getByRole('tab', { name: /Northland–Southland government hotline/ }).click();
    await control.page.getByTestId('channel-message').filter({ hasText: 'Hotline-limit' }).waitFor();
    await control.page.getByRole('tab', { name: 'MSEL timeline' }).click();
  });

  it(`records a decision rationale of exactly ${LIMITS.rationaleLength} characters`, async () => {
    const { page } = await seat();
    await page.goto('/join');
    await page.getByLabel('Join code').fill(codes[SOUTH]);
    await page.getByRole('button', { name: 'Join' }).click();
    await waitForLive(page);
    await fireInject(control.page, 'g10-nsc-options');
    const prompt = page.locator('[data-testid="decision-prompt"][data-inject-id="g10-nsc-options"]');
    await prompt.waitFor();
    await chooseAction(page, 'g10-nsc-options', 'activate-hotline', NORTHLAND);
    const rationale = textOfLength('Rationale-limit', LIMITS.rationaleLength);
    await fillToLimit(prompt.getByLabel('Rationale'), rationale, LIMITS.rationaleLength);
    await prompt.getByRole('button', { name: 'Submit decision' }).click();
    await page.getByTestId('decision-ack').waitFor();
    await page.getByRole('tab', { name: 'Decision log' }).click();
    const entry = page.getByTestId('decision-entry').filter({ hasText: 'Rationale-limit' });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(rationale);
  });

  it(`records an observation note of exactly ${LIMITS.noteLength} characters`, async () => {
    const { page } = await seat();
    await page.goto('/join');
    await page.getByLabel('Join code').fill(codes['Facilitators']);
    await page.getByLabel('Your name').fill('Fay Evaluator');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.waitForURL(/\/facilitate\//);
    await waitForLive(page);
    const objective = page.getByTestId('objective-card').filter({ hasText: 'Use the hotline' });
    await objective.getByLabel(/^S — /).check();
    const note = textOfLength('Note-limit', LIMITS.noteLength);
    await fillToLimit(objective.getByLabel('Observation note'), note, LIMITS.noteLength);
    await objective.getByRole('button', { name: 'Record observation' }).click();
    const recorded = objective.getByTestId('observation').filter({ hasText: 'Note-limit' });
    await recorded.waitFor();
    expect(await recorded.innerText()).toContain(note);
  });

  it(`adjusts a score by ${LIMITS.scoreDelta} points with a reason of exactly ${LIMITS.reasonLength} characters, and refuses 0 points and a blank reason`, async () => {
    const page = control.page;
    const form = page.locator('form[aria-labelledby="adjust-heading"]');
    const points = form.getByLabel('Points (±)');
    const reason = form.getByLabel('Reason');
    const record = form.getByRole('button', { name: 'Record adjustment' });

    await reason.fill('   ');
    await form.getByText('A reason needs words: spaces alone are not recorded.').waitFor();
    expect(await record.isDisabled()).toBe(true);

    await reason.fill('Zero points say nothing.');
    await points.fill('0');
    await record.click();
    await form.getByRole('alert').filter({ hasText: 'Adjust by a whole number of points other than 0' }).waitFor();
    await points.fill('2.5');
    expect(await points.inputValue()).not.toContain('.');

    await points.fill(String(LIMITS.scoreDelta));
    await points.press('End');
    await points.press('0');
    expect(await points.inputValue()).toBe(String(LIMITS.scoreDelta));
    const text = textOfLength('Reason-limit', LIMITS.reasonLength);
    await fillToLimit(reason, text, LIMITS.reasonLength);
    await record.click();
    const adjustment = page.getByTestId('adjustment').filter({ hasText: 'Reason-limit' });
    await adjustment.waitFor();
    expect(await adjustment.innerText()).toContain(text);
    expect(await adjustment.innerText()).toContain(`+${LIMITS.scoreDelta}`);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, '31-controller-adjustment-at-limit');
    // Neither the 0-point nor the blank attempt was recorded.
    expect(await page.getByTestId('adjustment').count()).toBe(1);
  });
});
