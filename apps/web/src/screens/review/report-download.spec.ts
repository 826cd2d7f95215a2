import { reportFileName } from './report-download.js';

describe('report file names', () => {
  it('saves a download under the name the server gives', () => {
    const name = reportFileName('attachment; filename="grid-dark-winter-ex-1-aar-decisions.csv"', 'ex-1', { format: 'csv', table: 'decisions' });
    expect(name).toBe('grid-dark-winter-ex-1-aar-decisions.csv');
  });

  it('makes a name from the exercise and table when the server gives none, and never a path', () => {
    expect(reportFileName(null, 'ex-1', { format: 'csv', table: 'timeline' })).toBe('ex-1-aar-timeline.csv');
    expect(reportFileName(null, 'ex-1', { format: 'pdf' })).toBe('ex-1-aar.pdf');
    expect(reportFileName('attachment; filename="../../etc/x.pdf"', 'ex-1', { format: 'pdf' })).toBe('..-..-etc-x.pdf');
  });
});
