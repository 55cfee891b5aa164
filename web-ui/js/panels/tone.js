// The wall's optional tone for a new critical alert: off by default, switched on the wall (remembered in this
// browser), a short two-note chime generated with WebAudio (no sound file). The alerts present when the page
// loads are known, not new. Each chime counts in body[data-tones-played] (and its oscillators in
// body[data-tone-oscillators]) so that a test, or a curious operator, can see it sounded.
const STORE = 'cityops.wall.tone';
const NOTES = [{hz: 880, at: 0}, {hz: 660, at: 0.4}];

export class AlertTone {
  constructor() {
    this.known = null;       // ids of critical alerts firing at the last look; null before the first
    this.played = 0;
    this.oscillators = 0;
    this.context = null;
  }

  enabled() {
    return localStorage.getItem(STORE) === 'on';
  }

  /** Wires the toggle button; {@code msg()} answers the page's current messages. */
  attach(button, msg) {
    this.button = button;
    button.onclick = () => {
      localStorage.setItem(STORE, this.enabled() ? 'off' : 'on');
      if (this.enabled()) this.audio().resume().catch(() => {}); // a click lets the page make sound
      this.render(msg());
    };
    if (this.enabled()) { // after a reload the browser may want a gesture before sound: the first touch gives it
      document.addEventListener('pointerdown', () => this.audio().resume().catch(() => {}), {once: true});
    }
  }

  render(msg) {
    if (!this.button) return;
    const on = this.enabled();
    this.button.textContent = msg.t(on ? 'wall.toneOn' : 'wall.toneOff');
    this.button.setAttribute('aria-pressed', String(on));
  }

  /** The alerts topic's data: a critical alert firing that was not firing at the last look sounds the tone. */
  observe(alerts) {
    const firing = new Set(Object.values(alerts || {})
        .filter(a => a && a.severity === 'critical' && a.state === 'firing' && !a.silenced).map(a => String(a.id)));
    const before = this.known;
    this.known = firing;
    if (before === null || !this.enabled()) return;
    if ([...firing].some(id => !before.has(id))) this.play();
  }

  play() {
    const audio = this.audio();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
    const start = audio.currentTime + 0.05;
    for (const note of NOTES) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.hz;
      gain.gain.setValueAtTime(0.0001, start + note.at);
      gain.gain.exponentialRampToValueAtTime(0.5, start + note.at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + note.at + 0.35);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + note.at);
      oscillator.stop(start + note.at + 0.4);
      this.oscillators++;
    }
    this.played++;
    document.body.dataset.tonesPlayed = String(this.played);
    document.body.dataset.toneOscillators = String(this.oscillators);
    document.body.dataset.toneContext = audio.state;
  }

  audio() {
    if (!this.context) this.context = new AudioContext();
    return this.context;
  }
}
