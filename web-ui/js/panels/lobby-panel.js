// An agenda item's prepared panel in the lobby's form: the kinds a chair can share (as on the briefing page), with
// the parameters each kind takes (README: Panels) — a district for a district's dossiers or feedback (and, optional,
// for a KPI trend), a period, the ranking's measure, the KPI and its days. When the chair moves to that item in the
// briefing, the node shares this panel on every screen. Each parameter has the place its refusal is shown
// (agenda[i].panel.district …), as the node names it.
import {el} from './dom.js';
import {field, input, select} from './oncall-form.js';

/** The kinds a person scheduling a briefing can prepare (previous-tasks is the node's, from carryOverTasks). */
export const PANEL_KINDS = ['systems', 'district-dossiers', 'district-feedback', 'district-ranking', 'kpi-trend'];
const PERIODS = ['today', 'week', 'month', 'year'];
const MEASURES = ['overdueNow', 'onTimeRate'];
const DEFAULT_KPI = 'dossiers_received';
const MAX_DAYS = 30;

/**
 * The panel of {@code kind} ('' for none), keeping what {@code old} already says that the kind takes; a district
 * panel starts on {@code district} (the item's presenter or an invited district), else on none to be picked.
 */
export function panelOfKind(kind, old, district) {
  const o = old || {};
  switch (kind) {
    case 'systems': return {kind};
    case 'district-dossiers': return {kind, district: o.district || district || ''};
    case 'district-feedback': return {kind, district: o.district || district || '', period: o.period || 'today'};
    case 'district-ranking': return {kind, by: o.by || 'overdueNow'};
    case 'kpi-trend': return {kind, kpi: o.kpi || DEFAULT_KPI, days: o.days ?? MAX_DAYS, district: o.district || ''};
    default: return null;
  }
}

/** The panel as the API takes it: empty parameters left out (a kpi-trend without a district is the city's). */
export function panelBody(panel) {
  if (!panel) return null;
  const out = {};
  for (const [key, value] of Object.entries(panel)) {
    if (value === '' || value === null || value === undefined) continue;
    out[key] = key === 'days' && /^\s*\d+\s*$/.test(String(value)) ? Number(value) : value;
  }
  return out;
}

/**
 * The picker of item {@code i}'s panel: its kind and that kind's parameters, redrawn in place when the kind changes.
 * {@code choices}: {districts: [[code, name]], kpis: [[code, name]]}, {@code district()}: the district a new
 * district panel starts on.
 */
export function panelPicker(msg, i, item, choices, district) {
  const box = el('div', 'item-panel-picker');
  box.dataset.item = String(i);
  const draw = () => {
    const p = item.panel;
    const name = part => `agenda[${i}].panel.${part}`;
    const kind = select(msg, name('kind'), [['', 'lobby.form.panelNone'],
      ...PANEL_KINDS.map(k => [k, `mtg.kind.${k}`])], p ? p.kind : '');
    kind.onchange = () => {
      item.panel = panelOfKind(kind.value, item.panel, district());
      draw();
      box.querySelector('select').focus();
    };
    const fields = [field(msg, 'lobby.form.panelKind', kind, null, 'panel-kind')];
    const bound = (control, key) => {
      control.onchange = () => { p[key] = control.value; };
      control.oninput = control.onchange;
      return control;
    };
    if (p && 'district' in p) {
      const none = p.kind === 'kpi-trend' ? 'lobby.form.panelCity' : 'lobby.form.panelPickDistrict';
      const options = [['', none], ...choices.districts.map(([code, text]) => [code, text, true])];
      if (p.district && !choices.districts.some(([code]) => code === p.district)) options.push([p.district, p.district, true]);
      fields.push(field(msg, 'lobby.form.panelDistrict', bound(select(msg, name('district'), options, p.district), 'district'),
          null, 'panel-district'));
    }
    if (p && 'period' in p) {
      fields.push(field(msg, 'lobby.form.panelPeriod', bound(select(msg, name('period'),
          PERIODS.map(x => [x, `lobby.form.period.${x}`]), p.period), 'period'), null, 'panel-period'));
    }
    if (p && 'by' in p) {
      fields.push(field(msg, 'lobby.form.panelBy', bound(select(msg, name('by'),
          MEASURES.map(x => [x, `lobby.form.by.${x}`]), p.by), 'by'), null, 'panel-by'));
    }
    if (p && 'kpi' in p) {
      const options = choices.kpis.map(([code, text]) => [code, text, true]);
      if (!options.some(([code]) => code === p.kpi)) options.push([p.kpi, p.kpi, true]);
      fields.push(field(msg, 'lobby.form.panelKpi', bound(select(msg, name('kpi'), options, p.kpi), 'kpi'), null, 'panel-kpi'));
      const days = bound(input(name('days'), 'number', p.days), 'days');
      days.min = '1';
      days.max = String(MAX_DAYS);
      days.inputMode = 'numeric';
      fields.push(field(msg, 'lobby.form.panelDays', days, null, 'panel-days'));
    }
    box.replaceChildren(...fields);
  };
  draw();
  return box;
}
