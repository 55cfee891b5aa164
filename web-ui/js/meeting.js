// A briefing (giao ban): every participant sees the current agenda item and the panel the chair shares, live;
// the chair (or secretary) also drives: start, go to an item, share a panel, highlight a row, record a
// conclusion, assign a task, end; the chair also designates the secretary, who drives at once. Conclusions and
// tasks appear on every screen as they are recorded. Joins on open, renews its presence every presenceRenewMs
// (a browser that dies stops renewing and is marked left) and leaves on close.
import {LiveClient} from './live.js';
import {TOPICS} from './topics.js';
import {api, apiPost, apiPut} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, renderFreshness, showBanner} from './page.js';
import {byId, el} from './panels/dom.js';
import {drawPanel} from './panels/meeting-panel.js';

const id = new URLSearchParams(location.search).get('id');
let meeting = null;   // REST: agenda, decisions…
let live = {};        // the meeting topic's data
let drives = false;
let wired = false;     // the controls, wired once this person first drives

async function startRoom() {
  byId('room').classList.remove('hidden');
  meeting = await api(page.token, `/api/v1/meetings/${id}`);
  byId('who').textContent = page.me.displayName || page.me.username;
  languageButton(render);
  await driving(meeting);
  byId('hand').onclick = () => post('hand', {raised: !raised()});
  await post('join');
  // presence expires unless renewed; joining again renews it (or rejoins after an expiry)
  every(meeting.presenceRenewMs || 20_000, () => {
    if ((live.meeting || meeting).state !== 'ended') post('join');
  });
  window.addEventListener('pagehide', () => fetch(`/api/v1/meetings/${id}/leave`, {method: 'POST', keepalive: true,
    headers: {Authorization: `Bearer ${page.token}`, 'Content-Type': 'application/json'}, body: '{}'}));
  renderClock();
  page.live = new LiveClient(page.token, [TOPICS.MEETING + id], {onTopic, onState: renderConnection,
    onAuthFailed: () => showBanner('revoked')});
  window.cityops = {live: page.live}; // for diagnostics from the browser console
  page.live.start();
  every(1000, () => { renderClock(); renderFreshness(120_000); });
  render();
}

function onTopic(topic, data) {
  live = data;
  document.body.dataset.seq = String(page.live.seq.get(topic));
  driving(live.meeting || meeting).then(render);
}

/** Whether this person drives now: the chair, or the secretary (whom the chair may designate at any time). */
async function driving(m) {
  drives = [m.chair, m.secretary].includes(page.me.username);
  byId('controls').classList.toggle('hidden', !drives);
  byId('secretary-control').classList.toggle('hidden', m.chair !== page.me.username);
  document.querySelector('.meeting-grid').classList.toggle('participant', !drives);
  document.body.dataset.drives = String(drives);
  if (drives && !wired) {
    wired = true;
    await wireControls();
  }
}

function raised() {
  return (live.hands || []).includes(page.me.username);
}

function render() {
  const msg = page.msg;
  const m = live.meeting || meeting;
  byId('meeting-title').textContent = m.title;
  byId('meeting-state').textContent = msg.t(`mtg.state.${m.state}`);
  document.body.dataset.state = m.state;
  const current = live.item ? live.item.id : null;
  byId('secretary').textContent = m.secretary || msg.t('mtg.secretaryNone');
  byId('agenda').replaceChildren(...(meeting.agenda || []).map(item => {
    const title = item.panel && item.panel.kind === 'previous-tasks' ? msg.t('mtg.previousTasks') : item.title;
    const li = el('li', item.id === current ? 'current' : '', title + (item.presenter ? ` — ${item.presenter}` : ''));
    li.dataset.item = item.id;
    if (drives && m.state === 'in_progress' && item.id !== current) {
      const go = el('button', '', msg.t('mtg.activate'));
      go.type = 'button';
      go.onclick = () => post(`agenda/${item.id}/activate`);
      li.append(go);
    }
    return li;
  }));
  byId('presence').replaceChildren(...(live.presence || []).map(p => {
    const li = el('li', p.late ? 'late' : '', p.username + (p.agency ? ` (${p.agency})` : ''));
    li.dataset.user = p.username;
    li.title = p.late ? msg.t('mtg.late') : '';
    return li;
  }));
  byId('hands').replaceChildren(...(live.hands || []).map(u => {
    const li = el('li', '', u);
    li.dataset.user = u;
    return li;
  }));
  byId('hand').textContent = msg.t(raised() ? 'mtg.lowerHand' : 'mtg.raiseHand');
  const titled = live.panelData && live.panelData.meeting && live.panel && live.panel.kind === 'previous-tasks';
  byId('panel-title').textContent = titled ? msg.t('mtg.previousTasks') + ` — ${live.panelData.meeting.title}`
    : live.panel ? msg.t(`mtg.kind.${live.panel.kind}`)
      + (live.panelData && live.panelData.nameVi ? ` — ${msg.name(live.panelData)}` : '') : msg.t('mtg.noPanel');
  drawPanel(msg, byId('panel'), live.panel, live.panelData, live.highlight,
      drives ? code => post('highlight', {target: live.panel.kind === 'district-ranking' ? 'district' : 'agency', code}) : null);
  // conclusions and tasks as the topic carries them (every screen), the REST copy until the first message
  byId('decisions').replaceChildren(...listed(live.decisions || meeting.decisions, d => {
    const li = el('li', '', d.text);
    li.dataset.decision = d.id;
    return li;
  }));
  byId('tasks').replaceChildren(...listed(live.tasks || meeting.tasks, t => {
    const li = el('li', t.overdue ? 'overdue' : '', `${t.agency}: ${t.description} (${t.deadline ? msg.date.format(new Date(t.deadline)) : ''}`
      + ` · ${msg.t(`tasks.state.${t.state}`)} ${msg.int(t.progress)}%)`);
    li.dataset.task = t.id;
    return li;
  }));
  if (drives && m.chair === page.me.username) renderSecretaryChoice(m);
}

function listed(items, draw) {
  return items && items.length ? items.map(draw) : [el('li', 'hint', page.msg.t('mtg.none'))];
}

/** The people the chair may designate: those invited and those present, the chair aside. */
function renderSecretaryChoice(m) {
  const select = byId('secretary-user');
  const people = [...new Set([...(m.invitedPeople || []), ...(live.presence || []).map(p => p.username)])]
    .filter(u => u !== m.chair).sort();
  if (select.dataset.people === people.join(',')) return; // keep the chair's pick while the list is the same
  select.dataset.people = people.join(',');
  select.replaceChildren(...people.map(u => {
    const option = el('option', '', u);
    option.value = u;
    return option;
  }));
}

async function wireControls() {
  const tiles = await (await fetch('/data/district-tiles.json')).json();
  const ranking = await api(page.token, '/api/v1/rankings/districts?limit=30').catch(() => ({items: []}));
  const names = Object.fromEntries((ranking.items || []).map(i => [i.code, i]));
  byId('district').replaceChildren(...tiles.tiles.map(t => t.code).sort().map(code => {
    const option = el('option', '', names[code] ? page.msg.name(names[code]) : code);
    option.value = code;
    return option;
  }));
  byId('start').onclick = () => post('start');
  byId('secretary-set').onclick = () => put('secretary', {username: byId('secretary-user').value || null});
  byId('secretary-clear').onclick = () => put('secretary', {username: null});
  byId('end').onclick = () => post('end');
  byId('share').onclick = () => {
    const kind = byId('kind').value;
    const district = byId('district').value;
    const panel = {kind};
    if (kind === 'district-dossiers') panel.district = district;
    if (kind === 'district-feedback') Object.assign(panel, {district, period: 'today'});
    if (kind === 'district-ranking') panel.by = 'overdueNow';
    if (kind === 'kpi-trend') Object.assign(panel, {kpi: 'dossiers_received', days: 30});
    return post('panel', panel);
  };
  byId('task-agency').replaceChildren(...(meeting.invitedAgencies || []).map(code => {
    const option = el('option', '', names[code] ? page.msg.name(names[code]) : code);
    option.value = code;
    return option;
  }));
  byId('assign').onclick = async () => {
    const description = byId('task-text').value.trim();
    const day = byId('task-deadline').value; // yyyy-mm-dd, due at the end of that day in Hanoi
    if (!description || !day) return;
    if (await post('tasks', {agency: byId('task-agency').value, description, deadline: `${day}T17:00:00+07:00`,
      priority: byId('task-priority').value})) {
      byId('task-text').value = ''; // the task reaches every screen on the meeting topic
    }
  };
  byId('decide').onclick = async () => {
    const text = byId('decision-text').value.trim();
    if (text && await post('decisions', {text})) {
      byId('decision-text').value = ''; // the conclusion reaches every screen on the meeting topic
    }
  };
}

/** POSTs a meeting action; a refusal is shown in words. Answers whether it was done. */
async function post(action, body) {
  return shown(await apiPost(page.token, `/api/v1/meetings/${id}/${action}`, body || {}));
}

async function put(action, body) {
  return shown(await apiPut(page.token, `/api/v1/meetings/${id}/${action}`, body));
}

function shown(answer) {
  const error = byId('control-error');
  if (answer.status >= 400) {
    error.textContent = page.msg.t('sre.refused', answer.body && answer.body.message ? answer.body.message : answer.status);
    return false;
  }
  error.textContent = '';
  return true;
}

boot(startRoom).catch(e => console.error('briefing page failed to start', e));
