import type { Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot, type Seat } from './browser.js';
import { chooseAction, createExercise, fireInject, joinWithCode, logInAsController, runClock, sendOnChannel, submitDecision, waitForLive } from './ttx-flows.js';

const SOUTH = 'Southland National Security Council';
const NORTH = 'Northland Presidential Security Office';

function injectCard(page: Page, injectId: string) {
  return page.locator(`[data-testid="inject-card"][data-inject-id="${injectId}"]`);
}

async function injectIdsShown(page: Page): Promise<string[]> {
  return page.locator('[data-testid="inject-card"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-inject-id') ?? ''));
}

async function sendAdHocInject(page: Page, title: string, body: string, teams: string[]): Promise<void> {
  await page.getByRole('tab', { name: 'Ad-hoc inject' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Body (Markdown)').fill(body);
  for (const team of teams) await page.getByRole('checkbox', { name: team }).check();
  await page.getByRole('button', { name: 'Release ad-hoc inject' }).click();
  await page.getByText('Inject released.').waitFor();
  await page.getByRole('tab', { name: 'MSEL timeline' }).click();
}

describe('what a player sees', () => {
  const suite = browserSuite();
  let control: Seat;
  let south: Seat;
  let north: Seat;

  beforeEach(async () => {
    control = await openSeat(suite.browser, suite.server.url);
    await logInAsController(control.page);
    const { codes } = await createExercise(control.page);
    south = await openSeat(suite.browser, suite.server.url);
    north = await openSeat(suite.browser, suite.server.url);
    await joinWithCode(south.page, codes[SOUTH], 'Ana South');
    await joinWithCode(north.page, codes[NORTH], 'Nik North');
    await Promise.all([waitForLive(south.page), waitForLive(north.page), waitForLive(control.page)]);
    await runClock(control.page, 'Start');
    await injectCard(south.page, 'g01-strategic-context').waitFor();
  });

  afterEach(async () => {
    for (const seat of [control, south, north]) await seat?.context.close();
  });

  it('restores the view after a reload mid-exercise and misses nothing released meanwhile', async () => {
    await fireInject(control.page, 'g10-nsc-options');
    await chooseAction(south.page, 'g10-nsc-options', 'activate-hotline', 'Government of Northland (Presidential Administration)');
    await submitDecision(south.page, 'g10-nsc-options', 'Talk first.');
    await south.page.getByTestId('decision-ack').waitFor();
    await sendOnChannel(south.page, 'Southland crisis room', 'Hold all statements until the NSC meets.');
    await south.page.getByTestId('channel-message').filter({ hasText: 'Hold all statements' }).waitFor();
    const before = await injectIdsShown(south.page);

    // Reload while the controller keeps releasing injects.
    const reload = south.page.reload();
    await fireInject(control.page, 'g07-sitrep-tdos');
    await fireInject(control.page, 'g04-state-tv');
    await reload;

    await south.page.getByTestId('team-name').filter({ hasText: SOUTH }).waitFor();
    await waitForLive(south.page);
    await injectCard(south.page, 'g04-state-tv').waitFor();
    await injectCard(south.page, 'g07-sitrep-tdos').waitFor();
    const after = await injectIdsShown(south.page);
    expect(after).toEqual(['g04-state-tv', 'g07-sitrep-tdos', ...before]);
    expect(new Set(after).size).toBe(after.length);
    // The decision it took and its chat survive the reload, and the answered prompt stays answered.
    await south.page.getByRole('tab', { name: 'Decision log' }).click();
    await south.page.getByTestId('decision-entry').filter({ hasText: 'Talk first.' }).waitFor();
    expect(await south.page.locator('[data-testid="decision-prompt"][data-inject-id="g10-nsc-options"]').count()).toBe(0);
    await sendOnChannel(south.page, 'Southland crisis room', 'Back after a reload.');
    expect(await south.page.getByTestId('channel-message').filter({ hasText: 'Hold all statements' }).count()).toBe(1);
    await screenshot(south.page, '09-player-after-reload');
  });

  it("never shows a player another team's private inject", async () => {
    await fireInject(control.page, 'g05-nl-security-brief');
    await sendAdHocInject(control.page, 'Northland eyes only: General Staff liaison note', 'Unit 4471 **is** active.', [NORTH]);
    // An inject for everyone, released after the private ones: once it is on screen, anything leaked would be too.
    await fireInject(control.page, 'g04-state-tv');
    await injectCard(north.page, 'g05-nl-security-brief').waitFor();
    await north.page.getByText('Northland eyes only: General Staff liaison note').first().waitFor();
    await injectCard(south.page, 'g04-state-tv').waitFor();
    await south.page.reload();
    await waitForLive(south.page);
    await injectCard(south.page, 'g04-state-tv').waitFor();
    const southIds = await injectIdsShown(south.page);
    expect(southIds).not.toContain('g05-nl-security-brief');
    const html = await south.page.content();
    expect(html).not.toContain('BorealHost servers in heavy contact');
    expect(html).not.toContain('Northland eyes only');
    expect(html).not.toContain('Unit 4471 ');
  });

  it("shows another team the escalation level a decision set, on its Escalation tab, at a phone's width too", async () => {
    await fireInject(control.page, 'g10-nsc-options');
    await chooseAction(south.page, 'g10-nsc-options', 'public-attribution', 'Government of Northland (Presidential Administration)');
    await submitDecision(south.page, 'g10-nsc-options', 'Name them.');
    await south.page.getByTestId('decision-ack').waitFor();
    await north.page.setViewportSize({ width: 360, height: 780 });
    await north.page.getByRole('tab', { name: 'Escalation' }).click();
    // Northland's events carry the level without Southland's decision; the cell reads the level and its peak.
    await north.page.locator('[data-pair="southland>northland"]', { hasText: 'ESC-2 (2)' }).waitFor();
    expect(await north.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(north.page, '11-player-escalation-tab', true);
  });

  it('shows malicious Markdown from an ad-hoc inject and a chat message as text and runs nothing', async () => {
    const attack = [
      'Routine update <img src=x onerror="window.__ttxPwned=1;alert(1)">',
      '',
      '<script>window.__ttxPwned=2;alert(2)</script>',
      '',
      '[Open the report](javascript:window.__ttxPwned=3) and <iframe src="javascript:alert(3)"></iframe>',
    ].join('\n');
    await sendAdHocInject(control.page, 'Advisory with markup', attack, [SOUTH]);
    const card = south.page.locator('[data-testid="inject-card"]').filter({ hasText: 'Advisory with markup' });
    await card.waitFor();
    await card.getByText('<img src=x onerror="window.__ttxPwned=1;alert(1)">', { exact: false }).waitFor();
    await card.getByText('<script>window.__ttxPwned=2;alert(2)</script>', { exact: false }).waitFor();
    expect(await card.locator('img, script, iframe').count()).toBe(0);
    const link = card.getByRole('link', { name: 'Open the report' });
    expect(await link.getAttribute('href')).not.toMatch(/javascript:/i);

    await sendOnChannel(north.page, 'Northland–Southland government hotline', '<b>bold</b><img src=x onerror="window.__ttxPwned=4">');
    await sendOnChannel(south.page, 'Northland–Southland government hotline', 'Received.');
    const message = south.page.getByTestId('channel-message').filter({ hasText: '<b>bold</b>' });
    await message.waitFor();
    expect(await message.locator('b, img').count()).toBe(0);

    expect(await south.page.evaluate(() => (window as unknown as { __ttxPwned?: number }).__ttxPwned)).toBeUndefined();
    expect(south.incidents).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot(south.page, '10-player-malicious-markdown-as-text');
  });
});
