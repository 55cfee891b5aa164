// The one-tap acknowledge page a page's link opens (/ack.html?t=<token>). Loading it acts on nothing: it only
// reads what the link acknowledges (link previewers fetch links); the button POSTs the token, which acknowledges
// every firing alert of the outage's group as the person the page was sent to. No sign-in: the link is the
// credential (single use, expiring).
import {chosenLanguage, loadMessages} from './i18n.js';
import {byId} from './panels/dom.js';
import {refusalReason} from './panels/refusal.js';

const token = new URLSearchParams(location.search).get('t') || '';
let msg;

async function start() {
  msg = await loadMessages(chosenLanguage());
  msg.apply(document);
  document.title = `cityops — ${msg.t('ack.title')}`;
  if (!token) { // a link cut short (a mail client, a copy): nothing to ask the node about
    document.body.dataset.status = 'incomplete';
    state(msg.t('ack.incomplete'));
    return;
  }
  const answer = await fetch(`/api/v1/oncall/ack?t=${encodeURIComponent(token)}`);
  if (!answer.ok) {
    state(msg.t('ack.invalid'));
    return;
  }
  show(await answer.json());
}

function show(link) {
  const when = t => t ? `${msg.shortTime.format(new Date(t))} ${msg.date.format(new Date(t))}` : msg.t('noData');
  byId('ack-facts').classList.remove('hidden');
  byId('ack-system').textContent = `${msg.lang === 'en' ? link.systemEn : link.systemVi} (${link.system})`;
  byId('ack-what').textContent = msg.lang === 'en' ? link.titleEn : link.titleVi;
  byId('ack-since').textContent = when(link.since);
  byId('ack-open').textContent = msg.t('ack.firing', link.firingAlerts, link.openAlerts);
  byId('ack-expires').textContent = when(link.expiresAt);
  const consoleLink = byId('ack-console');
  consoleLink.href = link.console;
  consoleLink.classList.remove('hidden');
  document.body.dataset.status = link.status;
  if (link.over) {
    state(msg.t('ack.over', when(link.closedAt)));
  } else if (link.status === 'used') {
    state(msg.t('ack.used', when(link.usedAt)));
  } else if (link.status === 'expired') {
    state(msg.t('ack.expired', when(link.expiresAt)));
  } else {
    state(msg.t('ack.intro', link.username));
    const button = byId('ack-button');
    button.classList.remove('hidden');
    button.onclick = () => acknowledge(button, link);
  }
}

async function acknowledge(button, link) {
  button.disabled = true;
  const answer = await fetch('/api/v1/oncall/ack', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token})});
  const body = await answer.json().catch(() => ({}));
  const result = byId('ack-result');
  if (answer.ok) {
    result.className = 'ack-result done';
    result.textContent = body.acknowledged.length
      ? msg.t('ack.done', body.acknowledged.length, body.group, body.by)
      : msg.t('ack.doneNone', body.group);
    document.body.dataset.acknowledged = String(body.acknowledged.length);
  } else {
    result.className = 'ack-result refused';
    result.textContent = msg.t('ack.failed', refusalReason(msg, {status: answer.status, body}));
    button.disabled = false;
  }
}

function state(text) {
  byId('ack-state').textContent = text;
}

start().catch(e => state(String(e)));
