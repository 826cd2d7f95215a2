import { playerStage } from './player-stage.js';

describe("the stage of a player's screen", () => {
  it('waits for exercise control while the exercise is created or in its lobby', () => {
    expect(playerStage('created', 'live')).toBe('waiting');
    expect(playerStage('lobby', 'offline')).toBe('waiting');
  });

  it('gives way to the live feed when the exercise starts, and shows the pause and the end', () => {
    expect(playerStage('running', 'live')).toBe('running');
    expect(playerStage('paused', 'live')).toBe('paused');
    expect(playerStage('ended', 'catching-up')).toBe('ended');
  });

  it('does not claim the exercise has not started before the first sync has arrived', () => {
    expect(playerStage('none', 'connecting')).toBe('connecting');
    expect(playerStage('none', 'catching-up')).toBe('connecting');
    expect(playerStage('none', 'live')).toBe('waiting');
  });
});
