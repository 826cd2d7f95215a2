// What people do on TTX screens, as steps the specs compose: log in, create, join, fire, decide, talk.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD } from './ttx-server.js';

export const SCENARIO_TITLE = 'Dark Winter';

export async function logInAsController(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('User name').fill('admin');
  await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'New exercise' }).waitFor();
}

/** Creates an exercise of the scenario whose title contains `scenarioTitle`; returns its id and the codes by seat label. */
export async function createExercise(page: Page, scenarioTitle = SCENARIO_TITLE, name?: string) {
  await page.getByRole('radio', { name: new RegExp(scenarioTitle) }).check();
  await page.getByText('Objectives', { exact: true }).waitFor();
  if (name) await page.getByLabel('Exercise name').fill(name);
  await page.getByRole('button', { name: 'Create exercise' }).click();
  await page.waitForURL(/\/control\/[^/]+$/);
  const exerciseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  await page.getByRole('tab', { name: 'Join codes' }).click();
  const cards = page.getByTestId('join-code');
  await cards.first().waitFor();
  const codes: Record<string, string> = {};
  for (const card of await cards.all()) {
    const label = (await card.getAttribute('data-team')) ?? '';
    codes[label] = (await card.getByTestId('join-code-value').innerText()).trim();
  }
  await page.getByRole('tab', { name: 'MSEL timeline' }).click();
  return { exerciseId, codes };
}

export async function joinWithCode(page: Page, code: string, name: string): Promise<void> {
  await page.goto('/join');
  await page.getByLabel('Join code').fill(code);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
}

export async function waitForLive(page: Page): Promise<void> {
  await page.locator('[data-testid="connection-state"][data-state="live"]').waitFor();
}

export async function runClock(page: Page, button: 'Start' | 'Pause' | 'Resume'): Promise<void> {
  await page.getByRole('toolbar', { name: 'Exercise clock controls' }).getByRole('button', { name: button, exact: true }).click();
}

export async function fireInject(page: Page, injectId: string): Promise<void> {
  const row = page.locator(`[data-testid="msel"] tr[data-inject-id="${injectId}"]`);
  await row.getByRole('button', { name: /^Fire .* now$/ }).click();
  await page.locator(`[data-testid="msel"] tr[data-inject-id="${injectId}"][data-status="released"]`).waitFor();
}

function promptFor(page: Page, injectId: string) {
  return page.locator(`[data-testid="decision-prompt"][data-inject-id="${injectId}"]`);
}

export async function chooseAction(page: Page, injectId: string, actionId: string, targetName?: string): Promise<void> {
  const prompt = promptFor(page, injectId);
  await prompt.locator(`input[data-action-id="${actionId}"]`).check();
  if (targetName) {
    await prompt.locator(`select[data-target-for="${actionId}"]`).selectOption({ label: targetName });
  }
}

export async function sendOnChannel(page: Page, channelName: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: /^Channels/ }).click();
  await page.getByRole('tab', { name: new RegExp(channelName) }).click();
  await page.getByLabel(`Message on ${channelName}`).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

export async function submitDecision(page: Page, injectId: string, rationale: string): Promise<void> {
  const prompt = promptFor(page, injectId);
  await prompt.getByLabel('Rationale').fill(rationale);
  await prompt.getByRole('button', { name: 'Submit decision' }).click();
}

/** A decision on the team's own initiative: actions (with a target name where they take one) and a rationale. */
export async function takeFreeDecision(page: Page, choices: { actionId: string; target?: string }[], rationale: string): Promise<void> {
  await page.getByRole('button', { name: 'New decision' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decision on your own initiative' });
  for (const choice of choices) {
    await dialog.locator(`input[data-action-id="${choice.actionId}"]`).check();
    if (choice.target) await dialog.locator(`select[data-target-for="${choice.actionId}"]`).selectOption({ label: choice.target });
  }
  await dialog.getByLabel('Rationale').fill(rationale);
  await dialog.getByRole('button', { name: 'Submit decision' }).click();
}

/** Downloads one rendering of the review through its menu; returns the file's name and bytes. */
export async function downloadFromReview(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('review-downloads').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `Download ${label}` }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}
