// Active alerts in the order of alert-order.js (most severe, unacknowledged, newest first), with their acknowledgement state (the alerts topic).
import {byId, el} from './dom.js';
import {alertOrder} from './alert-order.js';

export class AlertsPanel {
  constructor(limit = 4) {
    this.alerts = {};
    this.limit = limit;
  }

  update(data) {
    this.alerts = data || {};
  }

  /** The open alerts (neither resolved nor silenced) in the wall's order. */
  active() {
    return Object.values(this.alerts)
        .filter(a => a && a.state !== 'resolved' && !a.silenced)
        .sort(alertOrder);
  }

  render(msg) {
    const active = this.active();
    byId('alerts-count').textContent = active.length ? msg.count('wall.alertsOpen', active.length) : '';
    const list = byId('alert-list');
    if (!active.length) {
      list.replaceChildren(el('li', 'none', msg.t('alertsNone')));
      return;
    }
    const items = active.slice(0, this.limit).map(a => {
      const item = el('li', `alert ${a.severity || ''} ${a.state || ''}`);
      item.dataset.id = a.id;
      const head = el('div', 'head');
      const title = msg.lang === 'en' ? (a.titleEn || a.title) : (a.titleVi || a.title);
      head.append(el('span', 'title', title || `${a.subject || ''} · ${a.rule || ''}`));
      head.append(el('span', 'severity', msg.has(`severity.${a.severity}`) ? msg.t(`severity.${a.severity}`) : (a.severity || '')));
      const sub = el('div', 'sub');
      sub.append(el('span', 'who', a.state === 'acknowledged' && a.acknowledgedBy
          ? msg.t('wall.ackBy', a.acknowledgedBy) : msg.t('wall.ackNobody')));
      sub.append(el('span', 'age', a.firedAt ? msg.duration(Date.now() - Date.parse(a.firedAt)) : ''));
      if (a.escalated) sub.append(el('span', 'worse', msg.t('sre.escalated')));
      item.append(head, sub);
      return item;
    });
    this.fit(msg, list, items, active.length);
  }

  /** Shows as many of {@code items} as the list has room for (at least one), and how many more there are. */
  fit(msg, list, items, total) {
    for (let shown = items.length; shown >= 1; shown--) {
      const rows = items.slice(0, shown);
      if (total > shown) rows.push(el('li', 'more', msg.count('wall.moreAlerts', total - shown)));
      list.replaceChildren(...rows);
      if (list.scrollHeight <= list.clientHeight + 1) return;
    }
  }
}
