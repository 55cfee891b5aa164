// The SRE console's alert list: open alerts (or a state filter), most severe first, unacknowledged before
// acknowledged, then newest (alert-order.js); alerts of one cause shown under one group line with a count, each
// with one-click acknowledge, resolve and silence.
import {byId, el} from './dom.js';
import {alertOrder} from './alert-order.js';

export class AlertBoard {
  /** {@code act(action, alert)}: 'acknowledge' | 'resolve' | 'silence'; {@code pick(alert)}: show its detail. */
  constructor(act, pick) {
    this.alerts = {};
    this.filter = 'open';
    this.selected = null;
    this.act = act;
    this.pick = pick;
    this.seen = null;
  }

  /** The alerts topic's data; answers the alerts that are new and critical since the last update (for the flash). */
  update(data) {
    const fresh = [];
    for (const [id, a] of Object.entries(data || {})) {
      if (this.seen && !this.seen.has(id) && a.state === 'firing' && a.severity === 'critical' && !a.silenced) fresh.push(a);
    }
    this.seen = new Set(Object.keys(data || {}));
    this.alerts = data || {};
    return fresh;
  }

  shown() {
    return Object.values(this.alerts)
        .filter(a => this.filter === 'open' ? a.state !== 'resolved' : a.state === this.filter)
        .sort(alertOrder);
  }

  render(msg) {
    document.querySelectorAll('[data-filter]').forEach(b => {
      b.classList.toggle('active', b.dataset.filter === this.filter);
      b.setAttribute('aria-pressed', String(b.dataset.filter === this.filter));
    });
    const focused = document.activeElement && document.activeElement.closest('tr.alert-row');
    const focusedAction = focused && document.activeElement.dataset.action;
    const all = Object.values(this.alerts);
    byId('alert-counts').textContent = msg.t('sre.counts', msg.int(all.filter(a => a.state === 'firing').length),
        msg.int(all.filter(a => a.state === 'acknowledged').length));
    const rows = [];
    const groups = new Map();
    for (const a of this.shown()) {
      const key = a.groupSize > 1 ? a.group : `#${a.id}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(a);
    }
    for (const [key, members] of groups) {
      if (members.length > 1) {
        const head = el('tr', 'group-head');
        head.dataset.group = key;
        const cell = el('td', '', msg.t('sre.group', key, msg.int(members.length)));
        cell.colSpan = 5;
        head.append(cell);
        rows.push(head);
      }
      members.forEach(a => rows.push(this.row(msg, a, members.length > 1)));
    }
    byId('alerts-table').tBodies[0].replaceChildren(...rows);
    if (focused) { // keyboard focus stays on the row (or its button) the list was re-drawn under
      const again = byId('alerts-table').querySelector(`tr.alert-row[data-id="${focused.dataset.id}"]`);
      (again && focusedAction ? again.querySelector(`[data-action="${focusedAction}"]`) || again : again)?.focus();
    }
    byId('alerts-empty').classList.toggle('hidden', rows.length > 0);
  }

  row(msg, a, inGroup) {
    const tr = el('tr', `alert-row ${a.state}${inGroup ? ' group-member' : ''}${this.selected === String(a.id) ? ' selected' : ''}`);
    tr.dataset.id = a.id;
    tr.dataset.state = a.state;
    tr.dataset.subject = a.subject;
    tr.dataset.severity = a.severity;
    tr.onclick = () => { this.selected = String(a.id); this.pick(a); };
    tr.tabIndex = 0; // Enter or Space on a focused row opens its detail, as a click does
    tr.onkeydown = event => {
      if (event.target === tr && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        tr.onclick();
      }
    };
    const severity = el('td');
    severity.append(el('span', `badge ${a.severity}`, label(msg, 'severity', a.severity)));
    const title = el('td');
    title.append(el('span', 'title', msg.lang === 'en' ? (a.titleEn || a.title) : (a.titleVi || a.title)));
    if (a.escalated) title.append(' ', el('span', 'badge escalated', msg.t('sre.escalated')));
    if (a.silenced) title.append(' ', el('span', 'badge silenced', msg.t('sre.silenced')));
    if (a.groupSize > 1 && !inGroup) title.append(' ', el('span', 'badge group', `${a.group} ×${msg.int(a.groupSize)}`));
    const actions = el('td');
    const buttons = el('div', 'actions');
    const button = (action, text, show) => {
      if (!show) return;
      const b = el('button', action, text);
      b.type = 'button';
      b.dataset.action = action;
      b.onclick = event => { event.stopPropagation(); this.act(action, a); };
      buttons.append(b);
    };
    button('acknowledge', msg.t('sre.ack'), a.state === 'firing');
    button('resolve', msg.t('sre.resolve'), a.state !== 'resolved');
    button('silence', msg.t('sre.silence'), a.state !== 'resolved' && !a.silenced);
    actions.append(buttons);
    tr.append(severity, title, el('td', 'state', label(msg, 'alert', a.state)),
        el('td', 'age', a.firedAt ? msg.duration(Date.now() - Date.parse(a.firedAt)) : ''), actions);
    return tr;
  }
}

/**
 * The history and facts of one alert (REST /api/v1/alerts/{id}) in the detail panel. The note field stays as it is
 * while the same alert is re-drawn (its count, its history or another alert changed): what is typed survives.
 */
export function renderDetail(msg, alert) {
  const body = byId('detail');
  if (!alert) return;
  let note = byId('note');
  if (!note || note.dataset.alert !== String(alert.id)) {
    note = el('textarea');
    note.id = 'note';
    note.rows = 2;
    note.dataset.alert = String(alert.id);
    const label = el('label', 'note-label');
    label.htmlFor = 'note';
    label.id = 'note-label';
    const error = el('p', 'error');
    error.id = 'action-error';
    error.setAttribute('role', 'alert');
    body.replaceChildren(el('div', 'detail-view'), label, note, error);
  }
  note.placeholder = msg.t('sre.note');
  byId('note-label').textContent = msg.t('sre.noteLabel');
  body.querySelector('.detail-view').replaceChildren(...view(msg, alert));
}

function view(msg, alert) {
  const facts = el('dl');
  const fact = (key, value) => { if (value !== null && value !== undefined && value !== '') facts.append(el('dt', '', msg.t(key)), el('dd', '', value)); };
  const at = iso => iso ? `${msg.shortTime.format(new Date(iso))} (${msg.duration(Date.now() - Date.parse(iso))})` : null;
  fact('sre.field.subject', alert.subject);
  fact('sre.field.rule', alert.rule);
  fact('sre.field.firedAt', at(alert.firedAt));
  fact('sre.field.acknowledged', alert.acknowledgedBy ? `${alert.acknowledgedBy} · ${at(alert.acknowledgedAt)}` : null);
  fact('sre.field.resolved', alert.resolvedAt ? `${alert.resolvedBy || ''} · ${at(alert.resolvedAt)}` : null);
  const count = el('dd', 'count', msg.int(alert.count || 1));
  count.id = 'detail-count';
  facts.append(el('dt', '', msg.t('sre.field.count')), count);
  const history = el('ol', 'history');
  for (const h of alert.history || []) {
    const li = el('li', '', `${msg.shortTime.format(new Date(h.at))} · ${h.actor} · ${label(msg, 'action', h.action)}`
        + (h.note ? ` — ${h.note}` : ''));
    li.dataset.action = h.action;
    history.append(li);
  }
  return [el('h3', '', msg.lang === 'en' ? alert.titleEn : alert.titleVi), facts, el('h3', '', msg.t('sre.history')), history];
}

function label(msg, prefix, value) {
  return msg.has(`${prefix}.${value}`) ? msg.t(`${prefix}.${value}`) : (value || '');
}
