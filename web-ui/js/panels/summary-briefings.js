// The summary's briefings: those in progress or scheduled for today (Hanoi), then the next one after today;
// each a link to its briefing page (GET /api/v1/meetings: city-wide readers see all, others their own).
import {byId, el} from './dom.js';

const DAY = new Intl.DateTimeFormat('en-CA', {timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit'});
const dayOf = iso => DAY.format(new Date(iso));

/** {today: [...], next: meeting|null}: today's by time, in progress first; the next not-ended one after today. */
export function briefings(items, now = new Date()) {
  const today = DAY.format(now);
  const todays = items.filter(m => m.state === 'in_progress' || (m.scheduledAt && dayOf(m.scheduledAt) === today))
      .sort((a, b) => (b.state === 'in_progress') - (a.state === 'in_progress') || a.scheduledAt.localeCompare(b.scheduledAt));
  const next = items.filter(m => m.state === 'scheduled' && m.scheduledAt && dayOf(m.scheduledAt) > today)
      .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))[0] || null;
  return {today: todays, next};
}

function link(msg, m, showDate) {
  const item = el('li', `briefing ${m.state}`);
  item.dataset.id = m.id;
  const a = el('a', 'row-link');
  a.href = `/meeting.html?id=${m.id}`;
  const when = new Date(m.scheduledAt);
  const time = showDate ? `${msg.date.format(when)} ${msg.shortTime.format(when)}` : msg.shortTime.format(when);
  a.append(el('span', 'what user-text', m.title), el('span', `badge ${m.state}`,
      m.state === 'scheduled' ? time : msg.t(`sum.meeting.${m.state}`)));
  item.append(a);
  return item;
}

export function renderBriefings(msg, found) {
  const list = byId('briefings');
  if (!found) {
    list.replaceChildren(el('li', 'none', msg.t('sum.noDataYet')));
    return;
  }
  const rows = [];
  rows.push(el('li', 'sub-title', msg.t('sum.today')));
  if (found.today.length) found.today.forEach(m => rows.push(link(msg, m, false)));
  else rows.push(el('li', 'none', msg.t('sum.noBriefingToday')));
  rows.push(el('li', 'sub-title', msg.t('sum.next')));
  rows.push(found.next ? link(msg, found.next, true) : el('li', 'none', msg.t('sum.noNextBriefing')));
  list.replaceChildren(...rows);
}
