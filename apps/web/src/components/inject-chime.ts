// A short, quiet two-tone beep drawn with Web Audio (no sound file), and the rule for when a new inject earns one.

/** Decides when to chime: never for what was already there when the page went live, once for each later arrival batch. */
export class ChimeGate {
  private heardSeq: number | undefined;

  /** Called with the newest inject seq whenever the feed changes; true when a new inject arrived since the last call. */
  arrived(latestSeq: number, live: boolean): boolean {
    if (this.heardSeq === undefined) {
      if (live) this.heardSeq = latestSeq;
      return false;
    }
    if (latestSeq <= this.heardSeq) return false;
    this.heardSeq = latestSeq;
    return true;
  }
}

type AudioContextConstructor = new () => AudioContext;

let sharedContext: AudioContext | undefined;

/** The page's audio context, created (or resumed) from a user gesture such as turning the sound on. */
export function unlockAudio(): AudioContext | undefined {
  const Constructor = (globalThis as { AudioContext?: AudioContextConstructor }).AudioContext;
  if (!Constructor) return undefined;
  sharedContext ??= new Constructor();
  if (sharedContext.state === 'suspended') void sharedContext.resume();
  return sharedContext;
}

/** Two soft sine tones, 880 Hz then 660 Hz, a quarter of a second in all, at a low volume. */
export function playChime(context: AudioContext | undefined = sharedContext): void {
  if (!context || context.state === 'closed') return;
  const start = context.currentTime + 0.01;
  [880, 660].forEach((frequency, index) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const at = start + index * 0.12;
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.06, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.13);
  });
}
