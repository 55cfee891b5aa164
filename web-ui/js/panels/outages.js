// The full-width strip that cannot be missed: every system down and every open critical alert, with since when and
// who acknowledged it ("nobody yet" otherwise). An outage nobody has taken flashes; an acknowledged one is steady.
import {byId, el} from './dom.js';

const SHOWN = 3;

export class OutageStrip {
  /** @param systems the SystemsPanel (states, since) @param alerts the AlertsPanel (open alerts) */
  constructor(systems, alerts) {
    this.systems = systems;
    this.alerts = alerts;
  }

  /** The open alert that speaks for system {@code code}'s outage: its system_down alert, else any open one about it. */
  lead(code) {
    const about = this.alerts.active().filter(a => a.subject === code);
    return about.find(a => a.kind === 'system_down') || about[0] || null;
  }

  /** Whether someone has acknowledged the outage of system {@code code}. */
  acknowledged(code) {
    const lead = this.lead(code);
    return Boolean(lead && lead.state === 'acknowledged');
  }

  items(msg) {
    const down = this.systems.codes().filter(code => this.systems.systems[code].status === 'down');
    const items = down.map(code => {
      const lead = this.lead(code);
      const since = this.systems.since[code] || (lead && Date.parse(lead.firstFiredAt || lead.firedAt)) || null;
      return {key: code, name: msg.name(this.systems.systems[code]), status: msg.t('wall.status.down'), since,
        by: lead && lead.state === 'acknowledged' ? lead.acknowledgedBy : null, alert: lead};
    });
    const downCodes = new Set(down);
    for (const a of this.alerts.active()) {
      if (a.severity !== 'critical' || downCodes.has(a.subject)) continue;
      items.push({key: `alert-${a.id}`, name: msg.lang === 'en' ? (a.titleEn || a.title) : (a.titleVi || a.title),
        status: msg.t('severity.critical'), since: Date.parse(a.firstFiredAt || a.firedAt) || null,
        by: a.state === 'acknowledged' ? a.acknowledgedBy : null, alert: a});
    }
    return items;
  }

  render(msg) {
    const items = this.items(msg);
    const strip = byId('outage-strip');
    strip.classList.toggle('hidden', items.length === 0);
    document.body.dataset.outages = String(items.length);
    const rows = items.slice(0, SHOWN).map(item => {
      const li = el('li', `outage ${item.by ? 'acked' : 'unacked'}`);
      li.dataset.key = item.key;
      li.dataset.acknowledgedBy = item.by || '';
      li.append(el('span', 'what', `⚠ ${item.name}`), el('span', 'state', item.status));
      li.append(el('span', 'when', item.since
          ? msg.t('wall.since', msg.shortTime.format(new Date(item.since)), msg.duration(Date.now() - item.since)) : ''));
      li.append(el('span', 'who', item.by ? msg.t('wall.ackBy', item.by) : msg.t('wall.ackNobody')));
      return li;
    });
    if (items.length > SHOWN) rows.push(el('li', 'outage more', msg.count('wall.moreOutages', items.length - SHOWN)));
    byId('outages').replaceChildren(...rows);
  }
}
