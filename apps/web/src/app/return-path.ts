// Where to go after logging in: the page that sent the visitor to /login, but only a path on this site.

const BASE = 'https://ttx.invalid';

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The same-origin path (with its query and hash) named by `raw`, or `fallback` for anything else: absolute and
 * protocol-relative URLs, backslash tricks, control characters, and the login page itself.
 */
export function safeReturnPath(raw: string | null | undefined, fallback = '/control'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || hasControlCharacter(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname === '/login') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The login page, asked to come back to `location` (a router location on this site) afterwards. */
export function loginPathFor(location: { pathname: string; search?: string; hash?: string }): string {
  const back = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  return `/login?next=${encodeURIComponent(back)}`;
}
