import { ChimeGate } from './inject-chime.js';

describe('the inject chime', () => {
  it('stays silent for the injects already there when the page goes live', () => {
    const gate = new ChimeGate();
    expect(gate.arrived(12, false)).toBe(false);
    expect(gate.arrived(12, true)).toBe(false);
    expect(gate.arrived(12, true)).toBe(false);
  });

  it('chimes once for each inject that arrives afterwards, not again for the same one', () => {
    const gate = new ChimeGate();
    gate.arrived(3, true);
    expect(gate.arrived(7, true)).toBe(true);
    expect(gate.arrived(7, true)).toBe(false);
    expect(gate.arrived(9, true)).toBe(true);
  });
});
