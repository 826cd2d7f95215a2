import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderAarJson } from '@ttx/report';
import { goldenModel } from './golden.js';

// Regenerate after an intended change: UPDATE_GOLDEN=1 node tools/scripts/jest.js libs/report -t golden
const expectedFile = path.join(import.meta.dirname, '../fixtures/golden-aar.json');

describe('the golden exercise', () => {
  it('gives exactly the expected AAR JSON (golden)', () => {
    const actual = renderAarJson(goldenModel(), { indent: 2 });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(expectedFile, actual);
    expect(actual).toBe(readFileSync(expectedFile, 'utf8'));
  });
});
