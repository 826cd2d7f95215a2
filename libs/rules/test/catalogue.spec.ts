import { catalogue } from './world.js';

// The agreed catalogue: id, rung, category, target kinds, reversible, public, traits.
const AGREED = `
activate-hotline | ESC-0 | cooperative | state-government | yes | no | hotline, notification
notify-contact-point | ESC-0 | cooperative | state-government, cert | yes | no | notification
request-consultations | ESC-0 | cooperative | state-government | yes | no | consultation
share-indicators | ESC-0 | cooperative | cert, critical-infrastructure, private-company | yes | no | information-sharing
issue-public-advisory | ESC-0 | cooperative |  | yes | yes | information-sharing
report-to-cert | ESC-0 | cooperative | cert | yes | no | information-sharing
request-assistance | ESC-0 | cooperative | state-government, cert | yes | no | assistance-request
offer-assistance | ESC-0 | cooperative | state-government, cert, critical-infrastructure | yes | no | assistance-offer
request-mitigation | ESC-0 | cooperative | state-government | yes | no | mitigation-request
mitigate-activity-from-territory | ESC-0 | cooperative | private-company | yes | no | mitigation
investigate-activity-from-territory | ESC-0 | legal | private-company | yes | no | law-enforcement
seize-infrastructure-on-territory | ESC-0 | legal | private-company | yes | no | law-enforcement, mitigation
isolate-and-restore | ESC-0 | cyber |  | yes | no | mitigation
report-to-security-council | ESC-0 | diplomatic |  | yes | yes | security-council-report
private-demarche | ESC-1 | diplomatic | state-government | yes | no | demarche, demand
public-attribution | ESC-2 | diplomatic | state-government | no | yes | public-attribution
joint-attribution | ESC-2 | diplomatic | state-government | no | yes | public-attribution, joint-attribution
expel-diplomats | ESC-3 | diplomatic | state-government | yes | yes | retorsion
indict-operators | ESC-4 | legal | state-government, military | yes | yes | retorsion
trade-measures | ESC-4 | economic | state-government | yes | yes | retorsion
targeted-sanctions | ESC-5 | economic | state-government, military, private-company | yes | yes | sanction
reversible-countermeasure | ESC-6 | cyber | state-government, military, cert, critical-infrastructure | yes | no | countermeasure, temporary
disruptive-operation | ESC-7 | cyber | state-government, military, cert | no | no | offensive-cyber
attack-critical-infrastructure | ESC-8 | cyber | critical-infrastructure | no | no | offensive-cyber
limited-strike | ESC-9 | military | military | no | yes | use-of-force
armed-response | ESC-10 | military | military, state-government | no | yes | use-of-force`;

describe('the action catalogue in exercises/roe', () => {
  it('holds exactly the agreed actions with their agreed rung, category, targets, reversibility, publicity and traits', () => {
    const list = (cell: string) => cell.split(',').map((s) => s.trim()).filter(Boolean);
    const agreed = AGREED.trim().split('\n').map((line) => {
      const [id, rung, category, targets, reversible, isPublic, traits] = line.split('|').map((s) => s.trim());
      return { id, rung, category, targets: list(targets), reversible: reversible === 'yes', public: isPublic === 'yes', traits: list(traits) };
    });
    expect(catalogue.actions.map(({ id, rung, category, targets, reversible, public: isPublic, traits }) => ({ id, rung, category, targets, reversible, public: isPublic, traits }))).toEqual(agreed);
  });

  it('cites only CBMs for the measures an action puts into practice', () => {
    for (const action of catalogue.actions) for (const cbm of action.cbm) expect(cbm).toMatch(/^CBM-/);
  });
});
