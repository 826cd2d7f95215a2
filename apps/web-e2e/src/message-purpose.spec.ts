// A message's purpose in the browser: the composer offers only the purposes the channel allows (no select where it
// allows none), the purpose goes with the message, and the message list shows it to the sender and the white cell.
import type { Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot } from './browser.js';
import { createExercise, joinWithCode, logInAsController, runClock, waitForLive } from './ttx-flows.js';

const SOUTH = 'Southland National Security Council';
const HOTLINE = 'Northland–Southland government hotline';

async function openChannel(page: Page, channelName: string): Promise<void> {
  await page.getByRole('tab', { name: /^Channels/ }).click();
  await page.getByRole('tab', { name: new RegExp(channelName) }).click();
  await page.getByLabel(`Message on ${channelName}`).waitFor();
}

describe('a message with a purpose, in the browser', () => {
  const suite = browserSuite();

  it('offers the purposes the channel allows, sends the one chosen and shows it in the message list', async () => {
    const control = await openSeat(suite.browser, suite.server.url);
    await logInAsController(control.page);
    const { codes } = await createExercise(control.page, 'Dark Winter', 'Dark Winter — message purposes');
    const south = await openSeat(suite.browser, suite.server.url);
    await joinWithCode(south.page, codes[SOUTH], 'Ana South');
    await Promise.all([waitForLive(south.page), waitForLive(control.page)]);
    await runClock(control.page, 'Start');

    // A team chat allows no purpose: the composer has no select.
    await openChannel(south.page, 'Southland crisis room');
    expect(await south.page.getByLabel('Purpose').count()).toBe(0);

    await openChannel(south.page, HOTLINE);
    const purpose = south.page.getByLabel('Purpose');
    expect(await purpose.locator('option').allTextContents()).toEqual(['None', 'Notify', 'Demand compliance', 'Consult', 'Request assistance', 'Offer assistance']);
    await purpose.selectOption('demand');
    await south.page.getByLabel(`Message on ${HOTLINE}`).fill('Stop the operation against our grid now.');
    await south.page.getByRole('button', { name: 'Send' }).click();
    const sent = south.page.getByTestId('channel-message').filter({ hasText: 'Stop the operation against our grid now.' });
    await sent.getByTestId('message-purpose').filter({ hasText: 'Demand compliance' }).waitFor();
    // The composer is ready for the next message, without a purpose.
    expect(await purpose.inputValue()).toBe('');
    await screenshot(south.page, '16-player-message-purpose');

    // A message without a purpose shows none.
    await south.page.getByLabel(`Message on ${HOTLINE}`).fill('Standing by on this line.');
    await south.page.getByRole('button', { name: 'Send' }).click();
    const plain = south.page.getByTestId('channel-message').filter({ hasText: 'Standing by on this line.' });
    await plain.waitFor();
    expect(await plain.getByTestId('message-purpose').count()).toBe(0);

    await control.page.getByRole('tab', { name: /^Channel traffic/ }).click();
    await control.page.getByRole('tab', { name: new RegExp(HOTLINE) }).click();
    await control.page
      .getByTestId('channel-message')
      .filter({ hasText: 'Stop the operation against our grid now.' })
      .getByTestId('message-purpose')
      .filter({ hasText: 'Demand compliance' })
      .waitFor();
    for (const seat of [control, south]) await seat.context.close();
  });
});
