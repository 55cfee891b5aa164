// The one-tap acknowledge page a page's message links to: public, no sign-in — the signed, single-use, expiring
// token in ?t= is the authority. It first shows what the link acknowledges (GET /api/v1/oncall/ack?t=…, which
// changes nothing, so a mail scanner opening the link acknowledges nothing), then one big button POSTs
// /api/v1/oncall/ack {"token"}; the answer is "Đã xác nhận" or why not (used, expired, unknown).
//
// The answers this page reads (oncall/, README: On call):
//   GET  → 200 {"for": {"username", "displayName"}, "group", "since", "expiresAt",
//               "alerts": [{"id", "subject", "system": {"code", "nameVi", "nameEn"}, "titleVi", "titleEn",
//                           "severity", "state", "firedAt"}]}
//   POST → 200 {"acknowledged": <how many alerts>, "by", "at"}
//   refusals: the error handler's {"error", "message", "details"}: 404 unknown token, 410 expired, 409 used.
import {chosenLanguage, loadMessages} from './i18n.js';
import {byId, el} from './panels/dom.js';

const token = new URLSearchParams(location.search).get('t');
let msg;
let group = null;
let outcome = null;

async function start() {
  msg = await loadMessages(chosenLanguage());
  msg.apply(document);
  document.body.classList.remove('loading');
  byId('lang').onclick = async () => {
    msg = await loadMessages(msg.lang === 'vi' ? 'en' : 'vi');
    msg.apply(document);
    render();
  };
  byId('retry').onclick = () => (group ? acknowledge() : look());
  byId('ack-button').onclick = acknowledge;
  if (!token) {
    show('unknown', 'ack.missing');
    return;
  }
  await look();
}

async function look() {
  const answer = await call(fetch(`/api/v1/oncall/ack?t=${encodeURIComponent(token)}`));
  if (answer.status === 200 && answer.body) {
    group = answer.body;
    outcome = answer.body.state && answer.body.state !== 'pending' ? reasonOf({status: 409, body: {error: answer.body.state}}) : null;
  } else {
    outcome = reasonOf(answer);
  }
  render();
}

async function acknowledge() {
  const button = byId('ack-button');
  button.disabled = true;
  button.textContent = msg.t('ack.sending');
  const answer = await call(fetch('/api/v1/oncall/ack', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({token})}));
  outcome = answer.status === 200 ? {kind: 'done', body: answer.body || {}} : reasonOf(answer);
  button.disabled = false;
  render();
}

/** {status, body} of a fetch; status 0 when the node could not be reached. */
async function call(request) {
  try {
    const response = await request;
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    return {status: response.status, body};
  } catch (e) {
    console.info('acknowledge', e.message);
    return {status: 0, body: null};
  }
}

/** Why the link did not work: used (409, or an error code saying so), expired (410), unknown (404, 400), or error. */
function reasonOf(answer) {
  const code = String(answer.body && answer.body.error || '');
  if (answer.status === 409 || /used|already/.test(code)) return {kind: 'used', body: answer.body};
  if (answer.status === 410 || /expired/.test(code)) return {kind: 'expired', body: answer.body};
  if (answer.status === 404 || answer.status === 400 || /unknown|not_found|invalid/.test(code)) return {kind: 'unknown', body: answer.body};
  return {kind: 'error', body: answer.body};
}

function render() {
  byId('ack-loading').classList.add('hidden');
  byId('ack-group').classList.toggle('hidden', !group);
  if (group) renderGroup();
  const pending = group && !outcome;
  const button = byId('ack-button');
  button.classList.toggle('hidden', !pending && !(outcome && outcome.kind === 'error' && group));
  button.textContent = msg.t('ack.button');
  if (!outcome) {
    hideOutcome();
    return;
  }
  const detail = outcome.kind === 'done' ? doneDetail(outcome.body) : msg.t(`ack.${outcome.kind}.detail`);
  show(outcome.kind, `ack.${outcome.kind}`, detail);
  if (outcome.kind === 'error' && group) button.classList.add('hidden');
}

function show(kind, key, detail) {
  const element = byId('outcome');
  element.classList.remove('hidden');
  element.className = `ack-outcome ${kind === 'done' ? 'done' : 'refused'}`;
  element.dataset.outcome = kind;
  element.textContent = msg.t(key);
  const more = byId('outcome-detail');
  more.textContent = detail || '';
  more.classList.toggle('hidden', !detail);
  byId('retry').classList.toggle('hidden', kind !== 'error');
}

function hideOutcome() {
  byId('outcome').classList.add('hidden');
  byId('outcome-detail').classList.add('hidden');
  byId('retry').classList.add('hidden');
}

function doneDetail(body) {
  const at = body.at ? msg.time.format(new Date(body.at)) : msg.time.format(new Date());
  const who = body.by || personName(group && group.for) || '';
  return who ? msg.t('ack.done.detailBy', who, at) : msg.t('ack.done.detail', at);
}

function personName(person) {
  if (!person) return null;
  if (typeof person === 'string') return person;
  return person.displayName ? `${person.displayName} (${person.username})` : person.username;
}

function renderGroup() {
  const facts = byId('ack-facts');
  const fact = (key, value) => { if (value) facts.append(el('dt', '', msg.t(key)), el('dd', '', value)); };
  facts.replaceChildren();
  const when = iso => iso ? `${msg.shortTime.format(new Date(iso))} · ${msg.date.format(new Date(iso))}` : null;
  fact('ack.for', personName(group.for || (group.username && {username: group.username, displayName: group.displayName})));
  fact('ack.group', group.group);
  fact('ack.since', group.since ? `${when(group.since)} (${msg.t('ack.ago', msg.duration(Date.now() - Date.parse(group.since)))})` : null);
  fact('ack.expires', when(group.expiresAt));
  const alerts = Array.isArray(group.alerts) ? group.alerts : [];
  byId('ack-alerts-title').textContent = msg.t('ack.alerts', msg.int(alerts.length));
  byId('ack-alerts').replaceChildren(...alerts.map(a => {
    const li = el('li', a.severity || '');
    li.dataset.id = a.id;
    const title = msg.lang === 'en' ? (a.titleEn || a.title || a.titleVi) : (a.titleVi || a.title || a.titleEn);
    li.append(el('span', 'ack-system', a.system ? msg.name(a.system) : a.subject || ''), el('span', 'title', title || ''));
    if (a.severity && msg.has(`severity.${a.severity}`)) li.append(' ', el('span', `badge ${a.severity}`, msg.t(`severity.${a.severity}`)));
    return li;
  }));
}

start().catch(e => console.error('acknowledge page failed to start', e));
