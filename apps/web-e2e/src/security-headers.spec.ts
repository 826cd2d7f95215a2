// The production client under the server's content security policy: every screen works with no violation, and no
// page of another origin can frame the control screen.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite, openSeat, type Seat } from './browser.js';
import { createExercise, joinWithCode, logInAsController, runClock, waitForLive } from './ttx-flows.js';

const SOUTH = 'Southland National Security Council';

/** Every violation the page reports, from the DOM event and from Chromium's console line, and every page without a policy. */
async function recordViolations(context: BrowserContext, page: Page): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`csp-violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('csp-violation:') || text.includes('Content Security Policy')) violations.push(text);
  });
  // A screen served without a policy would show no violation either: count it as one.
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && !response.headers()['content-security-policy'])
      violations.push(`no policy on ${response.url()}`);
  });
  return violations;
}

describe('the client under the security headers', () => {
  const suite = browserSuite();
  const seats: Seat[] = [];

  afterEach(async () => {
    for (const seat of seats.splice(0)) await seat.context.close();
  });

  async function seatWithViolations(): Promise<{ seat: Seat; violations: string[] }> {
    const seat = await openSeat(suite.browser, suite.server.url);
    seats.push(seat);
    return { seat, violations: await recordViolations(seat.context, seat.page) };
  }

  it('runs /control, /join, /play and /api/docs with no content security policy violation', async () => {
    const control = await seatWithViolations();
    await logInAsController(control.seat.page);
    const { codes } = await createExercise(control.seat.page);
    await waitForLive(control.seat.page);

    const player = await seatWithViolations();
    await joinWithCode(player.seat.page, codes[SOUTH]!, 'Ana South');
    await player.seat.page.waitForURL(/\/play/);
    await waitForLive(player.seat.page);
    await runClock(control.seat.page, 'Start');
    // The feed fills over the socket: the first inject reaches the player.
    await player.seat.page
      .locator('[data-testid="inject-card"][data-inject-id="g01-strategic-context"]')
      .waitFor();

    const docs = await seatWithViolations();
    await docs.seat.page.goto('/api/docs');
    await docs.seat.page.locator('.swagger-ui .info .title').waitFor();
    await docs.seat.page.locator('.opblock').first().waitFor();

    expect([...control.violations, ...player.violations, ...docs.violations]).toEqual([]);
    expect([...control.seat.incidents, ...player.seat.incidents, ...docs.seat.incidents]).toEqual([]);
  });

  it('refuses to show the control screen inside a frame of another site', async () => {
    const { seat } = await seatWithViolations();
    const bait = `<!doctype html><title>Win a prize</title><iframe id="bait" src="${suite.server.url}/control"></iframe>`;
    // Another origin on the same machine (another port), so the browser's private-network rules do not step in.
    const site = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html' }).end(bait),
    );
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const refusal = seat.page.waitForEvent('console', (message) =>
        message.text().includes(`directive: "frame-ancestors 'none'". The request has been blocked.`),
      );
      await seat.page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/prize`);
      await refusal;
      const framed = seat.page.frames().find((frame) => frame !== seat.page.mainFrame());
      expect(framed).toBeDefined();
      await framed!.waitForLoadState();
      // Chromium puts its error page in the frame instead: the client never ran there.
      expect(framed!.url()).toBe('chrome-error://chromewebdata/');
      expect(await framed!.locator('#root').count()).toBe(0);
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
