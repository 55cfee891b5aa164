// A briefing (giao ban): every participant sees the current agenda item and the panel the chair shares, live;
// the chair (or secretary) also drives: start, go to an item, share a panel, highlight a row, re-share a district,
// give the floor to a raised hand or lower it, record a conclusion, assign a task, end (after a confirmation); the
// chair also designates the secretary, who drives at once. People are named by display name and agency. After the
// end the page links the minutes. Joins on open, renews its presence every presenceRenewMs (a browser that dies stops
// renewing and is marked left; a renewal that fails while the node is away is said, not thrown) and leaves on close.
// "Join video" opens the meeting's video room (an http(s) link) in a new tab. A cancelled briefing says so, with the
// way back to the lobby and nothing to join or drive; one cancelled while the page is open changes at once (the
// cancel is an event of the meeting's topic).
import {LiveClient} from './live.js';
import {TOPICS} from './topics.js';
import {api} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, renderFreshness, showBanner} from './page.js';
import {byId, el} from './panels/dom.js';
import {drawPanel} from './panels/meeting-panel.js';
import {MeetingPeople} from './panels/meeting-people.js';
import {room} from './panels/meeting-room.js';
import {minutesLink, wireControls} from './panels/meeting-controls.js';
import {renderCancelled, renderVideo} from './panels/meeting-status.js';

room.id = new URLSearchParams(location.search).get('id');

async function startRoom() {
  byId('room').classList.remove('hidden');
  room.meeting = await api(page.token, `/api/v1/meetings/${room.id}`);
  room.people = new MeetingPeople(page.token, room.id, render);
  byId('who').textContent = page.me.displayName || page.me.username;
  languageButton(render);
  if (room.meeting.state === 'cancelled') { // only read: nothing to join, follow or drive
    await room.people.load();
    render();
    return;
  }
  await driving(room.meeting);
  byId('hand').onclick = () => room.post('hand', {raised: !raised()});
  await room.people.load();
  await room.post('join');
  // presence expires unless renewed; joining again renews it (or rejoins after an expiry)
  every(room.meeting.presenceRenewMs || 20_000, renewPresence);
  window.addEventListener('pagehide', () => fetch(`/api/v1/meetings/${room.id}/leave`, {method: 'POST', keepalive: true,
    headers: {Authorization: `Bearer ${page.token}`, 'Content-Type': 'application/json'}, body: '{}'}).catch(() => {}));
  renderClock();
  page.live = new LiveClient(page.token, [TOPICS.MEETING + room.id], {onTopic, onState: renderConnection,
    onAuthFailed: () => showBanner('revoked')});
  window.cityops = {live: page.live}; // for diagnostics from the browser console
  page.live.start();
  every(1000, () => { renderClock(); renderFreshness(120_000); });
  render();
}

/** Renews this person's presence; while the node is away the failure shows as the connection state, then retries. */
async function renewPresence() {
  if (['ended', 'cancelled'].includes(current().state)) return;
  const done = await room.post('join', undefined, {quiet: true});
  document.body.dataset.presence = done ? 'renewed' : 'failed';
  if (!done && (!page.live || page.live.state !== 'live')) showBanner('lost');
}

function onTopic(topic, data) {
  room.live = data;
  document.body.dataset.seq = String(page.live.seq.get(topic));
  driving(current()).then(render).catch(e => console.info('briefing controls not ready', e.message));
}

function current() {
  return room.live.meeting || room.meeting;
}

/** Whether this person drives now: the chair, or the secretary (whom the chair may designate), until the end. */
async function driving(m) {
  room.drives = !['ended', 'cancelled'].includes(m.state) && [m.chair, m.secretary].includes(page.me.username);
  byId('controls').classList.toggle('hidden', !room.drives);
  byId('secretary-control').classList.toggle('hidden', m.chair !== page.me.username);
  document.querySelector('.meeting-grid').classList.toggle('participant', !room.drives);
  document.body.dataset.drives = String(room.drives);
  if (room.drives && !room.wired) {
    room.wired = true;
    await wireControls(render);
  }
}

function raised() {
  return (room.live.hands || []).includes(page.me.username);
}

function render() {
  const msg = page.msg;
  const m = current();
  const live = room.live;
  const who = u => room.people.label(msg, u);
  room.people.know([m.secretary, live.floor, ...(live.hands || []), ...(live.presence || []).map(p => p.username)]);
  byId('meeting-title').textContent = m.title;
  byId('meeting-state').textContent = msg.t(`mtg.state.${m.state}`);
  document.body.dataset.state = m.state;
  const ended = m.state === 'ended';
  byId('ended').classList.toggle('hidden', !ended);
  renderCancelled(msg, m, room.meeting, who);
  renderVideo(room.meeting.videoUrl, m.state);
  if (ended) minutesLink();
  byId('hand').classList.toggle('hidden', m.state !== 'in_progress');
  byId('secretary').textContent = m.secretary ? who(m.secretary) : msg.t('mtg.secretaryNone');
  renderAgenda(msg, m);
  renderFloor(msg, live.floor, who);
  byId('presence').replaceChildren(...listed((live.presence || []), p => {
    const li = el('li', p.late ? 'late' : '', who(p.username) + (p.late ? ` · ${msg.t('mtg.late')}` : ''));
    li.dataset.user = p.username;
    return li;
  }));
  byId('hands').replaceChildren(...listed(live.hands || [], u => hand(msg, u, who)));
  byId('hand').textContent = msg.t(raised() ? 'mtg.lowerHand' : 'mtg.raiseHand');
  const titled = live.panelData && live.panelData.meeting && live.panel && live.panel.kind === 'previous-tasks';
  byId('panel-title').textContent = titled ? msg.t('mtg.previousTasks') + ` — ${live.panelData.meeting.title}`
    : live.panel ? msg.t(`mtg.kind.${live.panel.kind}`)
      + (live.panelData && live.panelData.nameVi ? ` — ${msg.name(live.panelData)}` : '') : msg.t('mtg.noPanel');
  drawPanel(msg, byId('panel'), live.panel, live.panelData, live.highlight, room.drives && !ended ? pick : null);
  // conclusions and tasks as the topic carries them (every screen), the REST copy until the first message
  byId('decisions').replaceChildren(...listed(live.decisions || room.meeting.decisions, d => {
    const li = el('li', '', d.text);
    li.append(el('span', 'by', ` — ${who(d.recordedBy)}`));
    li.dataset.decision = d.id;
    return li;
  }));
  byId('tasks').replaceChildren(...listed(live.tasks || room.meeting.tasks, t => {
    const li = el('li', t.overdue ? 'overdue' : '', `${room.people.agency(msg, t.agency)}: ${t.description} (${t.deadline
      ? msg.date.format(new Date(t.deadline)) : ''} · ${msg.t(`tasks.state.${t.state}`)} ${msg.int(t.progress)}%)`);
    li.dataset.task = t.id;
    return li;
  }));
  if (room.drives && m.chair === page.me.username) renderSecretaryChoice(m, who);
  if (room.drives) renderAgencyChoice(msg);
}

function renderAgenda(msg, m) {
  const currentItem = room.live.item ? room.live.item.id : null;
  byId('agenda').replaceChildren(...(room.meeting.agenda || []).map(item => {
    const title = item.panel && item.panel.kind === 'previous-tasks' ? msg.t('mtg.previousTasks') : item.title;
    const li = el('li', item.id === currentItem ? 'current' : '', title
      + (item.presenter ? ` — ${room.people.agency(msg, item.presenter)}` : ''));
    li.dataset.item = item.id;
    if (room.drives && m.state === 'in_progress' && item.id !== currentItem) {
      li.append(button(msg.t('mtg.activate'), () => room.post(`agenda/${item.id}/activate`)));
    }
    return li;
  }));
}

/** Who has the floor, for everyone; those who drive can take it back. */
function renderFloor(msg, floor, who) {
  const box = byId('floor');
  box.classList.toggle('hidden', !floor);
  box.dataset.user = floor || '';
  if (!floor) return box.replaceChildren();
  box.replaceChildren(el('span', '', msg.t('mtg.floorHas', who(floor))));
  if (room.drives) box.append(button(msg.t('mtg.floorEnd'), () => room.post('floor', {username: null}), 'floor-end'));
}

/** A raised hand; those who drive give that person the floor or lower the hand. */
function hand(msg, username, who) {
  const li = el('li', 'hand-row');
  li.dataset.user = username;
  li.append(el('span', '', who(username)));
  if (room.drives && username !== page.me.username) {
    li.append(button(msg.t('mtg.giveFloor'), () => room.post('floor', {username}), 'give-floor'),
        button(msg.t('mtg.lowerOthersHand'), () => room.post('hand', {raised: false, username}), 'lower-hand'));
  }
  return li;
}

/** A click in the shared panel: a district in the ranking is shared in its turn; another row is highlighted. */
function pick(code) {
  const kind = room.live.panel && room.live.panel.kind;
  if (kind === 'district-ranking') return room.post('panel', {kind: 'district-dossiers', district: code});
  return room.post('highlight', {target: kind === 'district-feedback' ? 'row' : kind === 'systems' ? 'system' : 'agency', code});
}

function button(text, onclick, className) {
  const b = el('button', className || '', text);
  b.type = 'button';
  b.onclick = onclick;
  return b;
}

function listed(items, draw) {
  return items && items.length ? items.map(draw) : [el('li', 'hint', page.msg.t('mtg.none'))];
}

/** The people the chair may designate: those invited and those present, the chair aside. */
function renderSecretaryChoice(m, who) {
  const select = byId('secretary-user');
  const people = [...new Set([...(m.invitedPeople || []), ...(room.live.presence || []).map(p => p.username)])]
    .filter(u => u !== m.chair).sort();
  const key = people.map(who).join(',');
  if (select.dataset.people === key) return; // keep the chair's pick while the list is the same
  select.dataset.people = key;
  const chosen = select.value;
  select.replaceChildren(...people.map(u => {
    const option = el('option', '', who(u));
    option.value = u;
    return option;
  }));
  if (people.includes(chosen)) select.value = chosen;
}

/** The invited agencies by name, for a task. */
function renderAgencyChoice(msg) {
  const select = byId('task-agency');
  const codes = room.meeting.invitedAgencies || [];
  const key = `${msg.lang}:${codes.map(c => room.people.agency(msg, c)).join(',')}`;
  if (select.dataset.names === key) return;
  select.dataset.names = key;
  const chosen = select.value;
  select.replaceChildren(...codes.map(code => {
    const option = el('option', '', room.people.agency(msg, code));
    option.value = code;
    return option;
  }));
  if (codes.includes(chosen)) select.value = chosen;
}

boot(startRoom).catch(e => console.error('briefing page failed to start', e));
