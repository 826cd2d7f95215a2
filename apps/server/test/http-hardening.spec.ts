// What every HTTP answer and handshake enforces: security headers, origins, a deadline for receiving a request, and
// one reading of a bearer token on both transports.
import { connect } from 'node:net';
import { io } from 'socket.io-client';
import { drillSuite, type DrillExercise } from './support/exercise-setup.js';
import { sleep, type TestClient, writeWebClient } from './support/test-server.js';

const FOREIGN = 'https://attacker.example';
const PARTNER = 'https://partner.example';

/** Opens /exercise with the given Origin header; resolves with how the handshake ended. */
function handshakeFrom(url: string, token: string, origin: string | undefined): Promise<'welcome' | string> {
  const socket = io(`${url}/exercise`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  return new Promise((resolve) => {
    socket.on('welcome', () => {
      socket.disconnect();
      resolve('welcome');
    });
    socket.on('connect_error', (error) => {
      socket.disconnect();
      resolve(`refused: ${error.message}`);
    });
  });
}

describe('HTTP hardening', () => {
  const suite = drillSuite({
    env: { TTX_ALLOWED_ORIGINS: PARTNER, TTX_REQUEST_TIMEOUT: '2' },
    // A built client in the web folder, so its pages are answered too.
    folder: (dir) => writeWebClient(dir),
  });
  let client: TestClient;
  let drill: DrillExercise;

  beforeAll(() => {
    ({ client, drill } = suite);
  });

  it('sends a content security policy, frame denial and nosniff, and no X-Powered-By, on pages, the API and errors', async () => {
    for (const route of ['/control', '/api/exercises', '/health', '/api/nowhere']) {
      const response = await fetch(client.url + route);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses an API call from a foreign origin with ORIGIN_NOT_ALLOWED and serves its own and listed origins', async () => {
    const foreign = await client.http<{ error: { code: string; message: string } }>(
      'GET',
      '/api/exercises',
      undefined,
      drill.controller,
      { origin: FOREIGN },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toEqual({
      code: 'ORIGIN_NOT_ALLOWED',
      message: `Requests from ${FOREIGN} are not allowed: open TTX at its own address, or ask its operator to add this origin to TTX_ALLOWED_ORIGINS.`,
    });
    const own = await client.http('GET', '/api/exercises', undefined, drill.controller, {
      origin: client.url,
    });
    expect(own.status).toBe(200);
    const partner = await fetch(`${client.url}/api/exercises`, {
      headers: { origin: PARTNER, authorization: `Bearer ${drill.controller}` },
    });
    expect(partner.status).toBe(200);
    expect(partner.headers.get('access-control-allow-origin')).toBe(PARTNER);
    const preflight = await fetch(`${client.url}/api/exercises`, {
      method: 'OPTIONS',
      headers: { origin: PARTNER, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses a socket handshake from a foreign origin and accepts its own, a listed one, and none', async () => {
    const token = drill.tokens.slGov;
    expect(await handshakeFrom(client.url, token, FOREIGN)).toMatch(/^refused/);
    expect(await handshakeFrom(client.url, token, 'null')).toMatch(/^refused/);
    expect(await handshakeFrom(client.url, token, client.url)).toBe('welcome');
    expect(await handshakeFrom(client.url, token, PARTNER)).toBe('welcome');
    expect(await handshakeFrom(client.url, token, undefined)).toBe('welcome');
  });

  it('closes a request whose body trickles in past the request timeout with 408', async () => {
    const url = new URL(client.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let received = '';
      let sent = 0;
      // 60 bytes at one every 200 ms: 12 s to finish, well past the 2 s the server allows.
      const body = JSON.stringify({ code: 'A'.repeat(40), name: 'Slow Loris' }).padEnd(60, ' ');
      const drip = setInterval(() => {
        if (sent < body.length) socket.write(body[sent++]!);
      }, 200);
      socket.on('connect', () =>
        socket.write(
          `POST /api/join HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
        ),
      );
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => {
        clearInterval(drip);
        resolve(`${sent < body.length ? 'cut' : 'complete'} ${received.split('\r\n')[0]}`);
      });
      socket.on('error', reject);
    });
    expect(answer).toBe('cut HTTP/1.1 408 Request Timeout');
  }, 20_000);

  it('keeps live sockets open past the request timeout', async () => {
    const socket = drill.sockets.slGov;
    // Longer than the 2 s a request may take to arrive, plus Node's checking interval.
    await sleep(3500);
    expect(socket.socket.connected).toBe(true);
    expect(await socket.send('sync', { sinceSeq: 0 })).toMatchObject({ ok: true });
  });

  it('reads a token with surrounding whitespace the same on HTTP and on the socket', async () => {
    const padded = `${drill.tokens.slGov} `;
    const http = await client.http('GET', `/api/exercises/${drill.id}`, undefined, undefined, {
      authorization: `Bearer  ${padded}`,
    });
    expect(http.status).toBe(200);
    expect(await handshakeFrom(client.url, padded, undefined)).toBe('welcome');
    expect(await handshakeFrom(client.url, `\t${drill.tokens.slGov}\n`, undefined)).toBe('welcome');
  });
});
