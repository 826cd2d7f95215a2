import { onlySpacesError, saysNothing } from './blank-text.js';

describe('text that says nothing', () => {
  it('counts empty text and text of only spaces, tabs and line breaks as saying nothing', () => {
    expect(saysNothing('')).toBe(true);
    expect(saysNothing(' \t\n\u00a0')).toBe(true);
    expect(saysNothing(' a ')).toBe(false);
  });

  it('gives the reason only while the field holds spaces, not while it is still empty or says something', () => {
    expect(onlySpacesError('', 'needs words')).toBeUndefined();
    expect(onlySpacesError('   ', 'needs words')).toBe('needs words');
    expect(onlySpacesError(' hotline ', 'needs words')).toBeUndefined();
  });
});
