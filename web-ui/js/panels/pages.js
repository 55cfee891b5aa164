// The pages of the selected alert's outages (GET /api/v1/oncall/pages?alert=): each page with who it went to,
// its state, and every delivery attempt per channel; a maintenance window's hold. The console's delivery timeline.
import {el} from './dom.js';

export function renderPages(msg, outages) {
  const section = el('div', 'pages');
  section.id = 'pages';
  section.append(el('h3', '', msg.t('sre.pages')));
  const list = el('ol', 'history');
  for (const outage of outages || []) {
    for (const hold of outage.holds || []) {
      const li = el('li', 'hold', `${msg.shortTime.format(new Date(hold.heldAt))} · ${msg.t('sre.page.hold', hold.reason)}`);
      li.dataset.kind = 'hold';
      list.append(li);
    }
    for (const page of outage.pages || []) {
      const attempts = (page.notifications || []).flatMap(n => n.attempts || [])
          .map(a => `${a.channel || '—'}: ${a.status}${a.error ? ` (${a.error})` : ''}`);
      const kind = msg.has(`sre.page.${page.kind}`) ? msg.t(`sre.page.${page.kind}`) : page.kind;
      const li = el('li', '', `${msg.shortTime.format(new Date(page.createdAt))} · ${kind} → ${page.username} · `
          + `${page.state}${attempts.length ? ` · ${attempts.join(', ')}` : ''}`);
      li.dataset.kind = page.kind;
      li.dataset.state = page.state;
      list.append(li);
    }
  }
  if (!list.children.length) {
    section.append(el('p', 'hint', msg.t('sre.pagesNone')));
  } else {
    section.append(list);
  }
  return section;
}
