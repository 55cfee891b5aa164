// The lobby's lists: the briefings running now, the upcoming ones (soonest first; a cancelled one stays, marked) and
// the past ones (newest first), filtered by level and by Hanoi date; each with what the signed-in person may do:
// open, start (the chair), change, cancel (twice pressed), copy as a template (a leader), the calendar file, the
// minutes of an ended one, and "Join video" when it has a video room. The node decides again on every action.
import {el} from './dom.js';
import {errorFor, hanoiLocal, words} from './oncall-form.js';

/** The three lists of {@code items} ({@code filter}: level, from, to as yyyy-mm-dd) at {@code now}. */
export function grouped(items, filter, now = Date.now()) {
  const shown = items.filter(m => (!filter.level || m.level === filter.level) && inDays(m, filter));
  const at = m => Date.parse(m.scheduledAt);
  return {
    running: shown.filter(m => m.state === 'in_progress').sort((a, b) => at(a) - at(b)),
    upcoming: shown.filter(m => m.state === 'scheduled' || (m.state === 'cancelled' && at(m) >= now))
        .sort((a, b) => at(a) - at(b)),
    past: shown.filter(m => m.state === 'ended' || (m.state === 'cancelled' && at(m) < now)).sort((a, b) => at(b) - at(a)),
  };
}

function inDays(m, {from, to}) {
  const day = hanoiLocal(m.scheduledAt).slice(0, 10);
  return (!from || day >= from) && (!to || day <= to);
}

/** One briefing as a list item; {@code act(action, m, button)} runs an action. */
export function briefingItem(msg, m, me, act) {
  const li = el('li', `briefing ${m.state}`);
  li.dataset.id = String(m.id);
  li.dataset.state = m.state;
  li.dataset.scope = `briefing-${m.id}`;
  const head = el('div', 'briefing-head');
  head.append(el('h3', 'briefing-title', m.title));
  const state = el('span', `badge state ${m.state}`, msg.t(`lobby.state.${m.state}`));
  head.append(el('span', 'badge level', msg.t(`lobby.level.${m.level}`)), state);
  const when = new Date(m.scheduledAt);
  const facts = el('p', 'briefing-facts');
  facts.append(el('span', 'when', msg.t('lobby.when', msg.date.format(when), msg.shortTime.format(when),
      msg.count('lobby.minutes', m.durationMinutes || 60))), el('span', 'chair', msg.t('lobby.chair', m.chair)));
  const actions = el('div', 'briefing-actions');
  const leader = (me.roles || []).includes('leader');
  const chair = m.chair === me.username;
  const open = words('a', 'action open', msg, m.state === 'in_progress' ? 'lobby.action.join' : 'lobby.action.open');
  open.href = `/meeting.html?id=${m.id}`;
  open.dataset.action = 'open';
  if (m.state !== 'cancelled') actions.append(open);
  if (m.state === 'scheduled' && chair) actions.append(button(msg, 'start', 'lobby.action.start', m, act, 'primary'));
  if (m.videoUrl && (m.state === 'scheduled' || m.state === 'in_progress')) {
    const video = words('a', 'action video', msg, 'lobby.action.video');
    video.href = m.videoUrl;
    video.target = '_blank';
    video.rel = 'noopener';
    video.dataset.action = 'video';
    actions.append(video);
  }
  if (m.state === 'scheduled' && (chair || leader)) {
    actions.append(button(msg, 'edit', 'lobby.action.edit', m, act));
    actions.append(button(msg, 'cancel', 'lobby.action.cancel', m, act, 'danger'));
  }
  if (m.state !== 'cancelled') actions.append(button(msg, 'ics', 'lobby.action.ics', m, act));
  if (m.state === 'ended') actions.append(button(msg, 'minutes', 'lobby.action.minutes', m, act));
  if (leader) actions.append(button(msg, 'copy', 'lobby.action.copy', m, act));
  li.append(head, facts, actions, errorFor('*', 'p'));
  return li;
}

function button(msg, action, key, m, act, className) {
  const b = words('button', `action ${action}${className ? ` ${className}` : ''}`, msg, key);
  b.type = 'button';
  b.dataset.action = action;
  b.onclick = () => act(action, m, b);
  return b;
}
