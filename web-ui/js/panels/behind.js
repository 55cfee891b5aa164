// Overdue today: the city's overdue dossiers and feedback as two big figures, and the districts furthest behind
// (most overdue dossiers, then most overdue feedback), each row with both counts; "no data yet" before any figure,
// and "nothing overdue" rather than a list of zeros.
import {byId, el} from './dom.js';
import {figure} from './figures.js';

const ROWS = 5;

export class BehindPanel {
  constructor(tiles) {
    this.tiles = tiles;         // data/district-tiles.json: the 30 districts' codes
    this.live = {};             // code -> today's KPIs from kpi.district.<code>
    this.ranked = {};           // code -> ranking item (names, today's figures)
    this.feedback = {};         // code -> today's feedback counts of the district (feedback topic's district.<code>)
    this.cityOverdue = null;    // today's overdue dossiers, city-wide
    this.feedbackOverdue = null;
  }

  districtCodes() {
    return this.tiles.tiles.map(t => t.code);
  }

  /** REST rankings of the districts: their names and figures until the live topics say more. */
  rankings(items) {
    for (const item of items) this.ranked[item.code] = item;
  }

  /** The kpi.district.<code> topic's data. */
  district(code, data) {
    if (data && data.today) this.live[code] = data.today;
  }

  /** The city's overdue dossiers now (kpi.city) and the feedback topic's data (today and district.<code>). */
  city(overdueNow) {
    this.cityOverdue = overdueNow;
  }

  updateFeedback(data) {
    this.feedbackOverdue = data && data.today ? data.today.overdue ?? null : null;
    this.feedback = {};
    for (const [key, value] of Object.entries(data || {})) {
      if (key.startsWith('district.')) this.feedback[key.slice('district.'.length)] = value;
    }
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
    figure(document.querySelector('#overdue-totals [data-key="overdueNow"]'), msg, this.cityOverdue);
    figure(document.querySelector('#overdue-totals [data-key="fbOverdue"]'), msg, this.feedbackOverdue);
    const rows = this.districtCodes()
        .map(code => ({code, dossiers: (this.figures(code) || {}).overdueNow ?? null,
          feedback: (this.feedback[code] || {}).overdue ?? null}))
        .filter(r => r.dossiers > 0 || r.feedback > 0)
        .sort((a, b) => (b.dossiers || 0) - (a.dossiers || 0) || (b.feedback || 0) - (a.feedback || 0)
            || a.code.localeCompare(b.code))
        .slice(0, ROWS);
    const body = byId('district-ranking').tBodies[0];
    if (!rows.length) {
      const known = this.districtCodes().some(code => this.figures(code) || this.feedback[code]);
      const td = el('td', 'no-data', msg.t(known ? 'wall.noneOverdue' : 'wall.noData'));
      td.colSpan = 3;
      const tr = el('tr', 'empty');
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(...rows.map(r => {
      const tr = el('tr');
      tr.dataset.code = r.code;
      tr.append(el('td', '', this.shortName(msg, r.code)), count(msg, r.dossiers), count(msg, r.feedback));
      return tr;
    }));
  }
}

/** A count cell: red when above zero, neutral at zero, a dash when unknown. */
function count(msg, n) {
  const td = el('td', n > 0 ? 'o' : 'zero', msg.int(n));
  td.dataset.value = n ?? '';
  return td;
}
