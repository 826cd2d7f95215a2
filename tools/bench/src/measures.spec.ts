import { formatTable, measuresJson, percentile, sizeLabel } from './measures.js';

describe('benchmark figures', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([50, 99, 100]);
    expect(percentile([], 99)).toBeNaN();
  });

  it('writes the JSON array with name, value, unit and a baseline only where there is one', () => {
    const json = JSON.parse(measuresJson([
      { name: 'fanout_p99_1000', value: 126.456, unit: 'ms', baseline: 65 },
      { name: 'restart_100k', value: 1800, unit: 'ms' },
    ])) as unknown[];
    expect(json).toEqual([
      { name: 'fanout_p99_1000', value: 126.46, unit: 'ms', baseline: 65 },
      { name: 'restart_100k', value: 1800, unit: 'ms' },
    ]);
  });

  it('marks a fan-out tail above 1.5× the bare baseline as missed in the table', () => {
    const table = formatTable([{ name: 'fanout_p99_1000', value: 126, unit: 'ms', baseline: 65 }, { name: 'aar_100k', value: 900, unit: 'ms' }]);
    expect(table).toMatch(/fanout_p99_1000\s+126\s+65\s+1\.94×\s+ms\s+≤ 1\.5× baseline MISSED/);
    expect(table).toMatch(/aar_100k .*≤ 2000 ms \(aim 1000\) met/);
  });

  it("holds the report's event-loop block to 50 ms and its build to 2 s", () => {
    const table = formatTable([
      { name: 'aar_100k', value: 1800, unit: 'ms', baseline: 1700 },
      { name: 'aar_100k_max_block', value: 60, unit: 'ms', baseline: 4 },
      { name: 'aar_pdf_100k_max_block', value: 12, unit: 'ms', baseline: 4 },
    ]);
    expect(table).toMatch(/aar_100k\s+1800\s+1700\s+1\.06×\s+ms\s+≤ 2000 ms \(aim 1000\) met/);
    expect(table).toMatch(/aar_100k_max_block\s+60\s+4\s+15×\s+ms\s+≤ 50 ms MISSED/);
    expect(table).toMatch(/aar_pdf_100k_max_block\s+12\s+4\s+3×\s+ms\s+≤ 50 ms met/);
  });

  it('holds /health to 100 ms while readers page through a log or hostile uploads are validated, and sets no target on their total time', () => {
    const table = formatTable([
      { name: 'readers_20_10k', value: 2400, unit: 'ms' },
      { name: 'readers_20_10k_max_block', value: 140, unit: 'ms', baseline: 6 },
      { name: 'readers_20_100k_max_block', value: 80, unit: 'ms', baseline: 6 },
      { name: 'validation_flood_20_max_block', value: 120, unit: 'ms', baseline: 6 },
    ]);
    expect(table).toMatch(/readers_20_10k\s+2400\s+—\s+—\s+ms\s*\n/);
    expect(table).toMatch(/readers_20_10k_max_block\s+140\s+6\s+23\.33×\s+ms\s+≤ 100 ms MISSED/);
    expect(table).toMatch(/readers_20_100k_max_block\s+80\s+6\s+13\.33×\s+ms\s+≤ 100 ms met/);
    expect(table).toMatch(/validation_flood_20_max_block\s+120\s+6\s+20×\s+ms\s+≤ 100 ms MISSED/);
  });

  it('names sizes as the measures do', () => {
    expect([sizeLabel(1000), sizeLabel(5000), sizeLabel(100_000), sizeLabel(16_000)]).toEqual(['1000', '5000', '100k', '16k']);
  });
});
