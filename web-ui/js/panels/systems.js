// The 14 city systems: a tile each with status colour, time in the current state and latency.
// Options (the wall's): order 'state' puts down, then degraded systems first; statusPrefix names shorter state
// labels and inStateKey a shorter time in state; acknowledged(code) marks a down tile whose outage someone has taken (it stops flashing).
import {byId, el} from './dom.js';

const STATE_ORDER = {down: 0, degraded: 1, up: 2};

export class SystemsPanel {
  constructor(options = {}) {
    this.systems = {};   // live topic data: code -> {status, latencyMs, reportedAt, names}
    this.since = {};     // code -> epoch ms the current status began
    this.uptime = {};    // code -> uptime % today
    this.options = options;
  }

  /** REST /api/v1/systems: when each status began and today's uptime. */
  details(items) {
    for (const s of items) {
      if (s.since) this.since[s.code] = Date.parse(s.since);
      this.uptime[s.code] = s.uptimeToday;
    }
  }

  /** The systems topic's whole data; a changed status starts its clock at the report that changed it. */
  update(data) {
    for (const [code, s] of Object.entries(data)) {
      const before = this.systems[code];
      if (before && before.status !== s.status) this.since[code] = Date.parse(s.reportedAt);
    }
    this.systems = data;
  }

  /** The codes in display order: alphabetical, or (option order 'state') the worst state first. */
  codes() {
    const codes = Object.keys(this.systems).sort();
    if (this.options.order !== 'state') return codes;
    const rank = code => STATE_ORDER[this.systems[code].status] ?? 1;
    return codes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  }

  render(msg) {
    const tiles = byId('system-tiles');
    const codes = this.codes();
    const counts = {up: 0, degraded: 0, down: 0};
    const prefix = this.options.statusPrefix || 'status';
    tiles.replaceChildren(...codes.map(code => {
      const s = this.systems[code];
      counts[s.status] = (counts[s.status] || 0) + 1;
      const acked = s.status === 'down' && this.options.acknowledged && this.options.acknowledged(code);
      const tile = el('div', `system ${s.status}${acked ? ' acked' : ''}`);
      tile.dataset.code = code;
      tile.dataset.status = s.status;
      tile.title = msg.name(s);
      tile.append(el('div', 'name', msg.name(s)));
      const meta = el('div', 'meta');
      meta.append(el('span', 'state', msg.t(`${prefix}.${s.status}`)));
      const since = this.since[code];
      meta.append(el('span', 'since', since ? msg.t(this.options.inStateKey || 'inStateFor', msg.duration(Date.now() - since)) : ''));
      meta.append(el('span', 'latency', s.latencyMs === null || s.latencyMs === undefined ? '' : msg.t('latency', msg.int(s.latencyMs))));
      tile.append(meta);
      return tile;
    }));
    byId('systems-empty')?.classList.toggle('hidden', codes.length > 0);
    const summary = byId('systems-counts');
    summary.textContent = codes.length
        ? msg.t('systemsCounts', msg.int(counts.up), msg.int(counts.degraded), msg.int(counts.down)) : '';
    summary.className = counts.down > 0 ? 'worse' : counts.degraded > 0 ? 'warn' : '';
  }
}
