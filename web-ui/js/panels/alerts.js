// Active alerts, most severe and newest first, with their acknowledgement state (the alerts topic).
import {byId, el} from './dom.js';
import {alertOrder} from './alert-order.js';

const SEVERITY = {critical: 0, major: 1, warning: 2, info: 3};

/** The order every alert list uses: most severe first, then newest first. */
export function bySeverityThenNewest(a, b) {
  return (SEVERITY[a.severity] ?? 9) - (SEVERITY[b.severity] ?? 9) || String(b.firedAt || '').localeCompare(String(a.firedAt || ''));
}

export class AlertsPanel {
  constructor() {
    this.alerts = {};
  }

  update(data) {
    this.alerts = data || {};
  }

  render(msg) {
    const active = Object.values(this.alerts)
        .filter(a => a && a.state !== 'resolved' && !a.silenced)
        .sort(alertOrder);
    byId('alerts-count').textContent = active.length ? msg.int(active.length) : '';
    const list = byId('alert-list');
    if (!active.length) {
      list.replaceChildren(el('li', 'none', msg.t('alertsNone')));
      return;
    }
    list.replaceChildren(...active.slice(0, 8).map(a => {
      const item = el('li', `alert ${a.severity || ''} ${a.state || ''}`);
      item.dataset.id = a.id;
      const head = el('div', 'head');
      const title = msg.lang === 'en' ? (a.titleEn || a.title) : (a.titleVi || a.title);
      head.append(el('span', '', title || `${a.subject || ''} · ${a.rule || ''}`));
      head.append(el('span', '', msg.has(`severity.${a.severity}`) ? msg.t(`severity.${a.severity}`) : (a.severity || '')));
      const sub = el('div', 'sub');
      sub.append(el('span', '', msg.has(`alert.${a.state}`) ? msg.t(`alert.${a.state}`) : (a.state || '')));
      sub.append(el('span', '', a.firedAt ? msg.duration(Date.now() - Date.parse(a.firedAt)) : ''));
      if (a.groupSize > 1) sub.append(el('span', '', `${a.group} ×${msg.int(a.groupSize)}`));
      if (a.escalated) sub.append(el('span', 'worse', msg.t('sre.escalated')));
      item.append(head, sub);
      return item;
    }));
  }
}
