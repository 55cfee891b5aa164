// What the briefing page says about the briefing as a whole: cancelled (in words, when it was to be held and who
// chaired it, the way back to the lobby; the grid with its join and drive controls hidden), and "Join video", the
// meeting's video room (the voice; the page shares the data) beside the shared panel while it is to be or is held.
import {byId} from './dom.js';

/**
 * Shows or hides the cancelled state of {@code m} (the live state), with facts from {@code full} (the REST copy);
 * {@code who(username)} names a person.
 */
export function renderCancelled(msg, m, full, who) {
  const cancelled = m.state === 'cancelled';
  document.body.dataset.cancelled = String(cancelled);
  byId('cancelled').classList.toggle('hidden', !cancelled);
  document.querySelector('.meeting-grid').classList.toggle('hidden', cancelled);
  if (!cancelled) return;
  byId('controls').classList.add('hidden');
  byId('hand').classList.add('hidden');
  const at = new Date(m.scheduledAt || full.scheduledAt);
  const facts = [msg.t('mtg.cancelledWas', msg.shortTime.format(at), msg.date.format(at), who(m.chair || full.chair))];
  // the node may say when it was cancelled; today's API does not (the audit log has who and when)
  if (full.cancelledAt) facts.push(msg.t('mtg.cancelledAt', msg.shortTime.format(new Date(full.cancelledAt)),
      msg.date.format(new Date(full.cancelledAt))));
  byId('cancelled-facts').textContent = facts.join(' ');
}

/** "Join video" when the meeting has an http(s) video room and is scheduled or in progress. */
export function renderVideo(url, state) {
  const link = byId('join-video');
  const shown = Boolean(url) && isHttp(url) && (state === 'scheduled' || state === 'in_progress');
  link.classList.toggle('hidden', !shown);
  if (shown) link.href = url;
  else link.removeAttribute('href');
}

/** Only http(s) links are opened (the node refuses others too). */
function isHttp(url) {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch (e) {
    return false;
  }
}
