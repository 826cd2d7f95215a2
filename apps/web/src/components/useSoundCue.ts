// The sound cue for new injects: off until the player turns it on (the switch is the gesture browsers ask for).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ChimeGate, playChime, unlockAudio } from './inject-chime.js';

const KEY = 'ttx.sound-cue';

function storedPreference(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** Whether the sound cue is on, remembered on this device; turning it on unlocks audio and plays a sample. */
export function useSoundCue() {
  const [enabled, setEnabled] = useState(storedPreference);
  const toggle = useCallback((on: boolean) => {
    setEnabled(on);
    try {
      window.localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Not remembered: the switch still works for this page.
    }
    if (on) playChime(unlockAudio());
  }, []);
  return { enabled, toggle };
}

/** Chimes when an inject arrives after the page went live, if the cue is on. */
export function useInjectChime(latestSeq: number, live: boolean, enabled: boolean): void {
  const gate = useRef(new ChimeGate());
  useEffect(() => {
    if (gate.current.arrived(latestSeq, live) && enabled) playChime(unlockAudio());
  }, [latestSeq, live, enabled]);
}
