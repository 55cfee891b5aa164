// The summary's "outages now": every system down or degraded and every open critical alert, each with since when
// and who acknowledged it (the systems and alerts topics); unacknowledged and down first.
import {byId, el} from './dom.js';

const ORDER = {down: 0, critical: 1, degraded: 2};
/** One glance: the first few (unacknowledged and down first), then how many more the console lists. */
const SHOWN = 4;

/** Open, unsilenced alerts of the alerts topic. */
function openAlerts(alerts) {
  return Object.values(alerts || {}).filter(a => a && a.state !== 'resolved' && !a.silenced);
}

/**
 * The rows to show: a system that is down or degraded (with the open alert about it, for its acknowledgement), then
 * each open critical alert about anything else. {@code since}: code -> epoch ms its status began, when known.
 */
export function outages(systems, alerts, since) {
  const open = openAlerts(alerts);
  const rows = [];
  const covered = new Set();
  for (const [code, s] of Object.entries(systems || {})) {
    if (s.status !== 'down' && s.status !== 'degraded') continue;
    const alert = open.filter(a => a.subject === code).sort((a, b) => (a.state === 'firing') - (b.state === 'firing'))[0];
    if (alert) covered.add(alert.id);
    rows.push({key: `system:${code}`, kind: s.status, name: s, since: since[code] ?? Date.parse(s.reportedAt), alert});
  }
  for (const a of open) {
    if (a.severity !== 'critical' || covered.has(a.id) || rows.some(r => r.alert && r.alert.subject === a.subject)) continue;
    rows.push({key: `alert:${a.id}`, kind: 'critical', title: a, since: Date.parse(a.firstFiredAt || a.firedAt), alert: a});
  }
  const acknowledged = r => Boolean(r.alert && r.alert.acknowledgedBy);
  return rows.sort((a, b) => acknowledged(a) - acknowledged(b) || ORDER[a.kind] - ORDER[b.kind] || a.since - b.since);
}

/** {@code known}: whether the systems topic has answered yet (before that the section says so). */
export function renderOutages(msg, rows, known) {
  const list = byId('outages');
  const count = byId('outages-count');
  count.textContent = rows.length ? msg.count('sum.outageCount', rows.length) : '';
  count.classList.toggle('worse', rows.length > 0);
  if (!known) {
    list.replaceChildren(el('li', 'none', msg.t('sum.noDataYet')));
    return;
  }
  if (!rows.length) {
    list.replaceChildren(el('li', 'none all-clear', msg.t('sum.noOutages')));
    return;
  }
  const shown = rows.slice(0, SHOWN).map(r => {
    const item = el('li', `outage ${r.kind}`);
    item.dataset.key = r.key;
    const head = el('div', 'row-head');
    const title = r.name ? msg.name(r.name)
        : (msg.lang === 'en' ? (r.title.titleEn || r.title.title) : (r.title.titleVi || r.title.title));
    head.append(el('span', 'what', title), el('span', `badge ${r.kind}`, msg.t(`sum.kind.${r.kind}`)));
    const sub = el('div', 'row-sub');
    if (Number.isFinite(r.since)) {
      sub.append(el('span', 'since', msg.t('sum.since', msg.shortTime.format(new Date(r.since)), msg.duration(Date.now() - r.since))));
    }
    const ack = r.alert && r.alert.acknowledgedBy;
    sub.append(el('span', ack ? 'ack' : 'unack', ack ? msg.t('sum.ackBy', ack) : msg.t('sum.notAcked')));
    item.append(head, sub);
    return item;
  });
  if (rows.length > SHOWN) shown.push(el('li', 'none', msg.count('sum.moreOutages', rows.length - SHOWN)));
  list.replaceChildren(...shown);
}
