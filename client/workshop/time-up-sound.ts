/**
 * The optional sound when the time is up: off by default, the person's choice
 * remembered in this browser. A short, soft Web Audio tone (no sound file).
 */
const KEY = 'samtavla.workshop.sound';

export function soundOn(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function rememberSound(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** Two soft tones, under a second in all. */
export function playTimeUp(): void {
  const Context = window.AudioContext;
  if (!Context) return;
  const audio = new Context();
  for (const [at, frequency] of [
    [0, 660],
    [0.35, 880],
  ] as const) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, audio.currentTime + at);
    gain.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + at + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + at + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + at);
    tone.stop(audio.currentTime + at + 0.32);
  }
  setTimeout(() => void audio.close(), 1000);
}
