import { composerPurposes, keptPurpose } from './message-purposes.js';

describe('the message composer purposes', () => {
  it('offers on the hotline the purposes a hotline allows, worded for players', () => {
    expect(composerPurposes({ kind: 'hotline' })).toEqual([
      { value: 'notify', label: 'Notify' },
      { value: 'demand', label: 'Demand compliance' },
      { value: 'consult', label: 'Consult' },
      { value: 'request-assistance', label: 'Request assistance' },
      { value: 'offer-assistance', label: 'Offer assistance' },
    ]);
  });

  it('offers on the CERT network sharing, requests, offers and notices', () => {
    expect(composerPurposes({ kind: 'cert-network' }).map((o) => o.value)).toEqual(['share-indicators', 'request-assistance', 'offer-assistance', 'notify']);
  });

  it('offers nothing on a team chat, so the composer shows no purpose select', () => {
    expect(composerPurposes({ kind: 'team-chat' })).toEqual([]);
  });

  it("follows the channel's own list when the scenario gives one, an empty list included", () => {
    expect(composerPurposes({ kind: 'hotline', purposes: ['demand'] })).toEqual([{ value: 'demand', label: 'Demand compliance' }]);
    expect(composerPurposes({ kind: 'cert-network', purposes: [] })).toEqual([]);
    expect(composerPurposes({ kind: 'team-chat', purposes: ['consult'] }).map((o) => o.value)).toEqual(['consult']);
  });

  it('sends the purpose chosen only while the channel allows it, and none for "None"', () => {
    expect(keptPurpose({ kind: 'hotline' }, 'demand')).toBe('demand');
    expect(keptPurpose({ kind: 'hotline' }, 'share-indicators')).toBeUndefined();
    expect(keptPurpose({ kind: 'hotline' }, '')).toBeUndefined();
    expect(keptPurpose({ kind: 'team-chat' }, 'consult')).toBeUndefined();
  });
});
