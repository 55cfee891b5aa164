// Who is falling behind: a tile map of the 30 districts coloured by a chosen KPI, the districts with the
// most overdue dossiers and the departments likewise, each with its change since the same time yesterday.
import {byId, change, el, heat} from './dom.js';

const ROWS = 7;
const AGENCY_ROWS = 5;
/** How each KPI colours a tile: 0 good … 1 needs attention. */
const SCALES = {
  overdueNow: (v, max) => (v ?? 0) / Math.max(1, max),
  onTimeRate: v => v === null || v === undefined ? null : (100 - v) / 20,
  onlineShare: v => v === null || v === undefined ? null : (40 - v) / 40,
};

/** The table follows the map: most overdue first, or lowest on-time rate / online share first (unknown last). */
const lowestFirst = key => (a, b) => (a[key] ?? 101) - (b[key] ?? 101);
const ORDER = {
  overdueNow: (a, b) => (b.overdueNow || 0) - (a.overdueNow || 0) || lowestFirst('onTimeRate')(a, b),
  onTimeRate: (a, b) => lowestFirst('onTimeRate')(a, b) || (b.overdueNow || 0) - (a.overdueNow || 0),
  onlineShare: (a, b) => lowestFirst('onlineShare')(a, b) || (b.overdueNow || 0) - (a.overdueNow || 0),
};

export class BehindPanel {
  constructor(tiles) {
    this.tiles = tiles;         // data/district-tiles.json
    this.live = {};             // code -> today's KPIs from kpi.district.<code>
    this.ranked = {};           // code -> ranking item (names, previous)
    this.agencies = [];         // ranking items of departments
    this.kpi = 'overdueNow';
  }

  districtCodes() {
    return this.tiles.tiles.map(t => t.code);
  }

  /** REST rankings of the districts with compare=yesterday: names and yesterday's figures. */
  rankings(items) {
    for (const item of items) this.ranked[item.code] = item;
  }

  agencyRankings(items) {
    this.agencies = items;
  }

  /** The kpi.district.<code> topic's data. */
  district(code, data) {
    if (data && data.today) this.live[code] = data.today;
  }

  figures(code) {
    return this.live[code] || this.ranked[code] || null;
  }

  shortName(msg, code) {
    const r = this.ranked[code];
    if (!r) return code;
    return msg.name(r).replace(/ (District|Town)$/, '');
  }

  render(msg) {
    document.querySelectorAll('[data-map-kpi]').forEach(b => b.classList.toggle('active', b.dataset.mapKpi === this.kpi));
    const values = this.districtCodes().map(code => (this.figures(code) || {})[this.kpi]);
    const max = Math.max(0, ...values.filter(v => typeof v === 'number'));
    const map = byId('district-map');
    map.replaceChildren(...this.tiles.tiles.map(t => {
      const f = this.figures(t.code) || {};
      const value = f[this.kpi];
      const tile = el('div', 'district');
      tile.dataset.code = t.code;
      tile.dataset.value = value ?? '';
      tile.style.gridColumn = String(t.col + 1);
      tile.style.gridRow = String(t.row + 1);
      const level = SCALES[this.kpi](value, max);
      tile.style.background = level === null ? '#2a3a5a' : heat(level);
      tile.title = `${this.shortName(msg, t.code)}: ${this.kpi === 'overdueNow' ? msg.int(value) : msg.percent(value)}`;
      tile.append(el('span', 'n', this.shortName(msg, t.code)),
          el('span', 'v', this.kpi === 'overdueNow' ? msg.int(value) : msg.dec(value)));
      return tile;
    }));
    this.renderDistricts(msg);
    this.renderAgencies(msg);
  }

  renderDistricts(msg) {
    const rows = this.districtCodes()
        .map(code => ({code, f: this.figures(code) || {}, r: this.ranked[code]}))
        .sort((a, b) => ORDER[this.kpi](a.f, b.f) || a.code.localeCompare(b.code))
        .slice(0, ROWS);
    byId('district-ranking').tBodies[0].replaceChildren(...rows.map(({code, f, r}) =>
        this.row(msg, code, this.shortName(msg, code), f, r && r.previous)));
  }

  renderAgencies(msg) {
    byId('agency-ranking').tBodies[0].replaceChildren(...this.agencies.slice(0, AGENCY_ROWS).map(item =>
        this.row(msg, item.code, msg.name(item), item, item.previous)));
  }

  row(msg, code, name, f, previous) {
    const tr = el('tr');
    tr.dataset.code = code;
    const overdueChange = previous && previous.overdueNow !== null && previous.overdueNow !== undefined
        ? (f.overdueNow || 0) - previous.overdueNow : null;
    const rateChange = previous && previous.onTimeRate !== null && previous.onTimeRate !== undefined
        && f.onTimeRate !== null && f.onTimeRate !== undefined ? Math.round((f.onTimeRate - previous.onTimeRate) * 10) / 10 : null;
    const changes = el('td');
    changes.append(change(msg, overdueChange, true, false));
    if (rateChange !== null) {
      changes.append(' · ', change(msg, rateChange, false, true));
    }
    tr.append(el('td', '', name), el('td', 'o', msg.int(f.overdueNow)), el('td', '', msg.percent(f.onTimeRate)), changes);
    return tr;
  }
}
