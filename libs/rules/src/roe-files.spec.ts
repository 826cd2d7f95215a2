import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { catalogueSchema } from '@ttx/scenario';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the action catalogue in exercises/roe', () => {
  const catalogue = catalogueSchema.parse(parse(readFileSync(path.join(root, 'exercises/roe/catalogue.yaml'), 'utf8')));

  it('holds every agreed action id exactly once', () => {
    const ids = catalogue.actions.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'activate-hotline', 'notify-contact-point', 'request-consultations', 'share-indicators',
        'issue-public-advisory', 'report-to-cert', 'request-assistance', 'offer-assistance', 'request-mitigation',
        'mitigate-activity-from-territory', 'isolate-and-restore', 'private-demarche', 'public-attribution',
        'expel-diplomats', 'indict-operators', 'trade-measures', 'targeted-sanctions', 'reversible-countermeasure',
        'disruptive-operation', 'attack-critical-infrastructure', 'limited-strike', 'armed-response',
      ]),
    );
  });
});
