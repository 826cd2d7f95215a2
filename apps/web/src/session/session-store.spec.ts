import { memoryStore, SessionStore } from './session-store.js';

describe('session store', () => {
  let now = 1_000;
  const make = () => {
    const shared = memoryStore();
    const perTab = memoryStore();
    return { shared, perTab, sessions: new SessionStore(shared, perTab, () => now) };
  };

  it('keeps a participant seat per tab and a controller account shared by tabs', () => {
    const { shared, perTab, sessions } = make();
    sessions.saveController({ token: 'c', username: 'admin', expiresAt: 5_000 });
    sessions.saveParticipant({ token: 'p', exerciseId: 'x1', role: 'player', teamId: 'north', expiresAt: 5_000 });
    expect(shared.getItem('ttx.controller')).toContain('"c"');
    expect(perTab.getItem('ttx.participant')).toContain('"p"');
    expect(new SessionStore(shared, memoryStore(), () => now).participant()).toBeUndefined();
  });

  it('acts on an exercise with the tab seat in it, else with the controller account', () => {
    const { sessions } = make();
    sessions.saveController({ token: 'c', username: 'admin', expiresAt: 5_000 });
    sessions.saveParticipant({ token: 'p', exerciseId: 'x1', role: 'player', teamId: 'north', expiresAt: 5_000 });
    expect(sessions.tokenFor('x1')).toBe('p');
    expect(sessions.roleFor('x1')).toBe('player');
    expect(sessions.tokenFor('x2')).toBe('c');
    expect(sessions.roleFor('x2')).toBe('controller');
  });

  it('forgets an expired or unreadable session', () => {
    const { perTab, sessions } = make();
    sessions.saveParticipant({ token: 'p', exerciseId: 'x1', role: 'player', expiresAt: 2_000 });
    now = 3_000;
    expect(sessions.participant()).toBeUndefined();
    expect(perTab.getItem('ttx.participant')).toBeNull();
    perTab.setItem('ttx.participant', '{not json');
    expect(sessions.participant()).toBeUndefined();
    now = 1_000;
  });
});
