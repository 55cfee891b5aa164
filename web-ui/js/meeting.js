// A briefing (giao ban): every participant sees the current agenda item and the panel the chair shares, live;
// the chair (or secretary) also drives: start, go to an item, share a panel, highlight a row, record a
// conclusion, end. Joins on open and leaves on close (presence is a record for the minutes).
import {LiveClient} from './live.js';
import {api, apiPost} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, renderFreshness, showBanner} from './page.js';
import {byId, el} from './panels/dom.js';
import {drawPanel} from './panels/meeting-panel.js';

const id = new URLSearchParams(location.search).get('id');
let meeting = null;   // REST: agenda, decisions…
let live = {};        // the meeting topic's data
let drives = false;

async function startRoom() {
  byId('room').classList.remove('hidden');
  meeting = await api(page.token, `/api/v1/meetings/${id}`);
  drives = [meeting.chair, meeting.secretary].includes(page.me.username);
  byId('who').textContent = page.me.displayName || page.me.username;
  byId('controls').classList.toggle('hidden', !drives);
  document.querySelector('.meeting-grid').classList.toggle('participant', !drives);
  languageButton(render);
  if (drives) await wireControls();
  byId('hand').onclick = () => post('hand', {raised: !raised()});
  await post('join');
  window.addEventListener('pagehide', () => fetch(`/api/v1/meetings/${id}/leave`, {method: 'POST', keepalive: true,
    headers: {Authorization: `Bearer ${page.token}`, 'Content-Type': 'application/json'}, body: '{}'}));
  renderClock();
  page.live = new LiveClient(page.token, [`meeting.${id}`], {onTopic, onState: renderConnection,
    onAuthFailed: () => showBanner('revoked')});
  window.cityops = {live: page.live}; // for diagnostics from the browser console
  page.live.start();
  every(1000, () => { renderClock(); renderFreshness(120_000); });
  render();
}

function onTopic(topic, data) {
  live = data;
  document.body.dataset.seq = String(page.live.seq.get(topic));
  render();
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
  byId('agenda').replaceChildren(...(meeting.agenda || []).map(item => {
    const li = el('li', item.id === current ? 'current' : '', item.title + (item.presenter ? ` — ${item.presenter}` : ''));
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
  byId('panel-title').textContent = live.panel ? msg.t(`mtg.kind.${live.panel.kind}`)
      + (live.panelData && live.panelData.nameVi ? ` — ${msg.name(live.panelData)}` : '') : msg.t('mtg.noPanel');
  drawPanel(msg, byId('panel'), live.panel, live.panelData, live.highlight,
      drives ? code => post('highlight', {target: live.panel.kind === 'district-ranking' ? 'district' : 'agency', code}) : null);
  if (drives) {
    byId('decisions').replaceChildren(...(meeting.decisions || []).map(d => el('li', '', d.text)));
    byId('tasks').replaceChildren(...(meeting.tasks || []).map(t => {
      const li = el('li', '', `${t.agency}: ${t.description} (${t.deadline ? msg.date.format(new Date(t.deadline)) : ''})`);
      li.dataset.task = t.id;
      return li;
    }));
  }
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
      byId('task-text').value = '';
      meeting = await api(page.token, `/api/v1/meetings/${id}`);
      render();
    }
  };
  byId('decide').onclick = async () => {
    const text = byId('decision-text').value.trim();
    if (text && await post('decisions', {text})) {
      byId('decision-text').value = '';
      meeting = await api(page.token, `/api/v1/meetings/${id}`);
      render();
    }
  };
}

/** POSTs a meeting action; a refusal is shown in words. Answers whether it was done. */
async function post(action, body) {
  const answer = await apiPost(page.token, `/api/v1/meetings/${id}/${action}`, body || {});
  const error = byId('control-error');
  if (answer.status >= 400) {
    error.textContent = page.msg.t('sre.refused', answer.body && answer.body.message ? answer.body.message : answer.status);
    return false;
  }
  error.textContent = '';
  return true;
}

boot(startRoom).catch(e => console.error('briefing page failed to start', e));
