// The re-scoring panel of the control screen: a controller re-scores a running exercise under the server's rule set
// (nothing differs) and under pasted YAML with every weight doubled (both scoreboards move, the findings that differ
// are listed), and pasted YAML with a mistake is answered with its line and column.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, openSeat, screenshot, type Seat } from './browser.js';
import { chooseAction, createExercise, fireInject, joinWithCode, logInAsController, runClock, submitDecision, waitForLive } from './ttx-flows.js';
import { repoRoot } from './ttx-server.js';

const SOUTH = 'Southland National Security Council';
const defaultYaml = readFileSync(path.join(repoRoot, 'exercises/roe/default.yaml'), 'utf8');
/** The default rules with every weight doubled, under another id. */
const doubledYaml = defaultYaml.replace('id: default', 'id: doubled').replace(/weight: (\d+)/g, (_, w: string) => `weight: ${Number(w) * 2}`);

async function openRescore(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Re-score' }).click();
  await page.getByRole('form', { name: 'Re-score the exercise' }).waitFor();
}

async function pasteYaml(page: Page, yaml: string): Promise<void> {
  await page.getByText('Paste YAML').click();
  await page.getByLabel('Rule set (YAML)').fill(yaml);
  await page.getByRole('button', { name: 'Re-score' }).click();
}

/** The recorded and re-scored totals of a team, as the scoreboards show them. */
async function totals(page: Page, teamId: string): Promise<[string, string]> {
  const cell = (scored: string) => page.locator(`[data-testid="rescore-scores"] tr[data-team="${teamId}"][data-scored="${scored}"] td`);
  // The recorded row has the team's name first; the re-scored row starts with its label.
  return [(await cell('recorded').nth(2).innerText()).trim(), (await cell('rescored').nth(1).innerText()).trim()];
}

describe('the re-scoring panel', () => {
  const suite = browserSuite();
  let control: Seat;
  let south: Seat;

  beforeAll(async () => {
    control = await openSeat(suite.browser, suite.server.url);
    await logInAsController(control.page);
    const { codes } = await createExercise(control.page);
    south = await openSeat(suite.browser, suite.server.url);
    await joinWithCode(south.page, codes[SOUTH]!, 'Ana South');
    await Promise.all([waitForLive(south.page), waitForLive(control.page)]);
    await runClock(control.page, 'Start');
    await fireInject(control.page, 'g10-nsc-options');
    // Expelling diplomats over a suspected intrusion is out of proportion: a finding with points to re-score.
    await chooseAction(south.page, 'g10-nsc-options', 'expel-diplomats', 'Government of Northland (Presidential Administration)');
    await submitDecision(south.page, 'g10-nsc-options', 'Send them home.');
    await south.page.getByTestId('decision-ack').waitFor();
    await openRescore(control.page);
  });

  afterAll(async () => {
    for (const seat of [control, south]) await seat?.context.close();
  });

  it('finds nothing different under the rule set the exercise is scored by', async () => {
    const page = control.page;
    await page.getByLabel('Rule set', { exact: true }).selectOption('default');
    await page.getByRole('button', { name: 'Re-score' }).click();
    await page.getByTestId('rescore-no-changes').waitFor();
    await page.getByText('Recorded under default, re-scored under default').waitFor();
    const [recorded, rescored] = await totals(page, 'sl-gov');
    expect(rescored).toBe(recorded);
  });

  it('downloads the exercise bundle for ttx rescore', async () => {
    const page = control.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download bundle' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^grid-dark-winter-.+-bundle\.json$/);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as { format: string; events: { type: string }[] };
    expect(bundle.format).toBe('ttx-exercise-bundle');
    expect(bundle.events.some((e) => e.type === 'decision.submitted')).toBe(true);
  });

  it('shows both scoreboards and the findings that differ under pasted YAML', async () => {
    const page = control.page;
    await pasteYaml(page, doubledYaml);
    await page.getByText('Recorded under default, re-scored under doubled').waitFor();
    const rows = page.locator('[data-testid="rescore-changes"] tbody tr');
    await rows.first().waitFor();
    const southRow = rows.filter({ hasText: SOUTH }).filter({ hasText: 'answer to g10-nsc-options' }).first();
    await southRow.getByText('changed', { exact: true }).waitFor();
    const cells = await southRow.locator('td').allInnerTexts();
    const [before, after] = [Number(cells[4]), Number(cells[5])];
    expect(after).toBeCloseTo(before * 2, 6);
    const [recorded, rescored] = await totals(page, 'sl-gov');
    expect(Number(recorded)).not.toBe(0);
    expect(Number(rescored)).toBeCloseTo(Number(recorded) * 2, 1);
    await screenshot(page, 'rescore-panel', true);
  });

  it('answers pasted YAML with a mistake with the line and column of the problem', async () => {
    const page = control.page;
    const broken = doubledYaml.replace('weight: 40', 'weight: forty');
    const line = broken.slice(0, broken.indexOf('weight: forty')).split('\n').length;
    await page.getByLabel('Rule set (YAML)').fill(broken);
    await page.getByRole('button', { name: 'Re-score' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The rule set has problems' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`rule-set.yaml:${line}:`);
    expect(await alert.innerText()).toContain('rules[0].weight');
  });
});
