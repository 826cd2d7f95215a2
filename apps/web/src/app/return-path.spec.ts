import { loginPathFor, safeReturnPath } from './return-path.js';

describe('the page a controller returns to after logging in', () => {
  it('returns to the page that was asked for, with its query and hash', () => {
    expect(safeReturnPath('/control/ex-1')).toBe('/control/ex-1');
    expect(safeReturnPath('/review/ex%201?tab=plan#improvement-plan')).toBe('/review/ex%201?tab=plan#improvement-plan');
    expect(safeReturnPath('/facilitate/ex-1')).toBe('/facilitate/ex-1');
  });

  it('goes to the exercise list when nothing was asked for', () => {
    expect(safeReturnPath(null)).toBe('/control');
    expect(safeReturnPath('')).toBe('/control');
  });

  it('never leaves the site: absolute, protocol-relative and backslash URLs fall back to the list', () => {
    for (const raw of ['https://evil.example/', '//evil.example/control', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', 'control/ex-1', '/\tcontrol'])
      expect(safeReturnPath(raw)).toBe('/control');
  });

  it('keeps an encoded path on the site as a path, not a host', () => {
    const path = safeReturnPath('/%2F%2Fevil.example');
    expect(new URL(path, 'https://ttx.example').origin).toBe('https://ttx.example');
  });

  it('does not loop back to the login page', () => {
    expect(safeReturnPath('/login?next=/control/x')).toBe('/control');
  });

  it('round-trips the asked-for page through the login link', () => {
    const login = loginPathFor({ pathname: '/control/ex 1', search: '?a=1', hash: '#msel' });
    const next = new URL(login, 'https://ttx.example').searchParams.get('next');
    expect(safeReturnPath(next)).toBe('/control/ex%201?a=1#msel');
  });
});
