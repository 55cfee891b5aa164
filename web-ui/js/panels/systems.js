// The 14 city systems: a tile each with status colour, time in the current state and latency.
import {byId, el} from './dom.js';

export class SystemsPanel {
  constructor() {
    this.systems = {};   // live topic data: code -> {status, latencyMs, reportedAt, names}
    this.since = {};     // code -> epoch ms the current status began
    this.uptime = {};    // code -> uptime % today
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

  render(msg) {
    const tiles = byId('system-tiles');
    const codes = Object.keys(this.systems).sort();
    const counts = {up: 0, degraded: 0, down: 0};
    tiles.replaceChildren(...codes.map(code => {
      const s = this.systems[code];
      counts[s.status] = (counts[s.status] || 0) + 1;
      const tile = el('div', `system ${s.status}`);
      tile.dataset.code = code;
      tile.dataset.status = s.status;
      tile.title = msg.name(s);
      tile.append(el('div', 'name', msg.name(s)));
      const meta = el('div', 'meta');
      meta.append(el('span', 'state', msg.t(`status.${s.status}`)));
      const since = this.since[code];
      meta.append(el('span', 'since', since ? msg.t('inStateFor', msg.duration(Date.now() - since)) : ''));
      meta.append(el('span', 'latency', s.latencyMs === null || s.latencyMs === undefined ? '' : msg.t('latency', msg.int(s.latencyMs))));
      tile.append(meta);
      return tile;
    }));
    const summary = byId('systems-counts');
    summary.textContent = msg.t('systemsCounts', msg.int(counts.up), msg.int(counts.degraded), msg.int(counts.down));
    summary.className = counts.down > 0 ? 'worse' : counts.degraded > 0 ? 'warn' : '';
  }
}
