// "Thông báo" in the SRE console's alert detail: each page the on-call engine sent for the alert (a page, an
// all-clear, a reminder, a handoff; its round and step, to whom, its state) and every delivery attempt of it (who,
// channel, masked address, attempt number, sent/delivered/failed/skipped_quiet/rate_limited, when, the error), from
// GET /api/v1/oncall/pages?alert=<id>:
//   {"items": [{"id", "kind", "round", "step", "username", "state", "createdAt",
//               "attempts": [{"channel", "address", "attempt", "status", "httpStatus", "error", "at"}]}]}
import {el} from './dom.js';

/** {@code pages}: {items} as the API answers, {items: null} when it could not be read. */
export function renderPages(msg, container, pages) {
  if (!container) return;
  if (!pages) {
    container.replaceChildren(el('p', 'hint', msg.t('pages.loading')));
    return;
  }
  if (pages.items === null) {
    container.replaceChildren(el('p', 'hint', msg.t('pages.unavailable')));
    return;
  }
  if (!pages.items.length) {
    container.replaceChildren(el('p', 'hint', msg.t('pages.none')));
    return;
  }
  const list = el('ol', 'pages-list');
  for (const p of pages.items) {
    const li = el('li', `page-item ${p.kind || ''}`);
    li.dataset.page = p.id;
    li.dataset.kind = p.kind;
    li.dataset.state = p.state;
    const head = el('div', 'page-head');
    head.append(el('span', 'page-kind', label(msg, 'pages.kind', p.kind)), ' ',
        el('span', 'page-who', p.username || ''), ' ', el('span', `badge page-state ${p.state || ''}`, label(msg, 'pages.state', p.state)));
    const meta = [p.createdAt ? msg.time.format(new Date(p.createdAt)) : null,
      p.round ? msg.t('pages.round', msg.int(p.round), msg.int(p.step || 1)) : null].filter(Boolean).join(' · ');
    if (meta) head.append(' ', el('span', 'page-meta', meta));
    li.append(head);
    const attempts = el('ol', 'page-attempts');
    for (const a of p.attempts || []) {
      const row = el('li', `page-attempt ${a.status}`);
      row.dataset.status = a.status;
      row.dataset.channel = a.channel || '';
      row.append(el('span', `badge delivery ${a.status}`, label(msg, 'delivery', a.status)), ' ',
          el('span', '', [a.at ? msg.time.format(new Date(a.at)) : null, a.channel ? label(msg, 'cp.channel', a.channel) : null,
            a.address, a.attempt ? msg.t('cp.attempt', msg.int(a.attempt)) : null,
            a.httpStatus ? msg.t('cp.httpStatus', a.httpStatus) : null].filter(Boolean).join(' · ')));
      if (a.error) row.append(' ', el('code', 'page-error', a.error));
      attempts.append(row);
    }
    if (!(p.attempts || []).length) attempts.append(el('li', 'hint', msg.t('pages.noAttempts')));
    li.append(attempts);
    list.append(li);
  }
  container.replaceChildren(list);
}

function label(msg, prefix, value) {
  return msg.has(`${prefix}.${value}`) ? msg.t(`${prefix}.${value}`) : (value || '');
}
