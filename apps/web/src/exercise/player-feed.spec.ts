import { eventAt, releasedInject } from './event-fixtures.spec-helper.js';
import { foldEvents } from './exercise-view.js';
import { channelsOfTeam, countUnread, newestFirst, openPrompts } from './player-feed.js';

const prompt = { prompt: 'Respond', actions: ['activate-hotline'], targets: [], maxActions: 3, deadline: 600_000 };

describe('player feed', () => {
  const view = foldEvents([
    eventAt(1, 'inject.released', releasedInject('a', ['north'], { decision: prompt })),
    eventAt(2, 'inject.released', releasedInject('b', ['north', 'south'], { decision: prompt })),
    eventAt(3, 'inject.released', releasedInject('c', ['north'])),
    eventAt(4, 'decision.submitted', { decisionId: 'd', teamId: 'north', injectId: 'a', actions: [{ actionId: 'activate-hotline' }], rationale: '' }),
    eventAt(5, 'inject.deadline-missed', { injectId: 'b', teamId: 'south' }),
  ]);

  it('shows the newest inject first', () => {
    expect(newestFirst(view.injects).map((i) => i.injectId)).toEqual(['c', 'b', 'a']);
  });

  it('keeps open only the prompts a team has neither answered nor missed', () => {
    expect(openPrompts(view, 'north').map((i) => i.injectId)).toEqual(['b']);
    expect(openPrompts(view, 'south')).toEqual([]);
  });

  it('counts what arrived after the last item seen', () => {
    expect(countUnread(view.injects, 1)).toBe(2);
    expect(countUnread(view.injects, 3)).toBe(0);
  });

  it('opens to a team only the channels it is a member of', () => {
    const channels = [
      { id: 'hotline', kind: 'hotline' as const, name: 'Hotline', members: ['north', 'south'] },
      { id: 'north-chat', kind: 'team-chat' as const, name: 'North', members: ['north'] },
    ];
    expect(channelsOfTeam(channels, 'south').map((c) => c.id)).toEqual(['hotline']);
  });
});
