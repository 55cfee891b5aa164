// The briefings lobby (README: Briefings): the briefings the signed-in person may see (the node decides: a city-wide
// reader all, an agency officer those they take part in), running, upcoming and past, filtered by level and date;
// a leader schedules one, changes or cancels it before it starts, or copies one as next week's; the chair starts it
// and the briefing page opens; the calendar file and the minutes are fetched with the person's token.
import {api, apiPost, apiPut} from './auth.js';
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId} from './panels/dom.js';
import {clearProblems, showProblems} from './panels/problems.js';
import {BriefingForm, LOBBY, body, formState} from './panels/lobby-form.js';
import {briefingItem, grouped} from './panels/lobby-list.js';

const MEETINGS = '/api/v1/meetings';
/** Others schedule and start briefings too: the lists are read again this often. */
const REFRESH_MS = 30_000;

let items = null;
let agencies = null;
let form = null;
/** Refusals of the lists' actions by briefing id, shown again after a re-render or a language switch. */
const refusals = new Map();
/** The briefing whose cancel button was pressed once (a second press cancels). */
let confirming = null;

async function startLobby() {
  byId('lobby').classList.remove('hidden');
  const leader = (page.me.roles || []).includes('leader');
  byId('new-briefing').classList.toggle('hidden', !leader);
  byId('new-briefing').onclick = () => openForm(formState(null), 'lobby.editor.new');
  for (const id of ['filter-level', 'filter-from', 'filter-to']) byId(id).onchange = renderLists;
  form = new BriefingForm(byId('editor-body'), [], save, closeForm);
  languageButton(render);
  renderClock();
  every(1000, renderClock);
  every(REFRESH_MS, load);
  await load();
}

async function load() {
  try {
    items = (await api(page.token, MEETINGS)).items;
    byId('load-error').textContent = '';
    delete byId('load-error').dataset.status;
  } catch (e) {
    console.info('lobby', e.message);
    byId('load-error').dataset.status = e.status || 'network';
  }
  render();
}

function render() {
  const msg = page.msg;
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.username})`;
  const error = byId('load-error');
  error.textContent = error.dataset.status ? msg.t('lobby.loadFailed', error.dataset.status) : '';
  if (!byId('editor').classList.contains('hidden')) {
    byId('editor-title').textContent = msg.t(byId('editor').dataset.titleKey);
    form.render(msg);
  }
  renderLists();
}

function renderLists() {
  if (!items) return;
  const msg = page.msg;
  const groups = grouped(items, {level: byId('filter-level').value, from: byId('filter-from').value, to: byId('filter-to').value});
  for (const [name, list] of Object.entries(groups)) {
    byId(name).replaceChildren(...list.map(m => briefingItem(msg, m, page.me, act)));
    byId(`${name}-empty`).classList.toggle('hidden', list.length > 0);
  }
  for (const [id, answer] of refusals) {
    const li = document.querySelector(`li.briefing[data-id="${id}"]`);
    if (li) showProblems(li, msg, answer, undefined, LOBBY);
  }
  if (confirming) {
    const b = document.querySelector(`li.briefing[data-id="${confirming}"] button[data-action="cancel"]`);
    if (b) confirmText(b);
  }
  document.body.dataset.lobby = 'ready';
}

/** The city's agencies and the KPIs a trend panel can show, read once when the form first opens. */
async function referenceAgencies() {
  if (!agencies) {
    const [all, series] = await Promise.all([api(page.token, '/api/v1/agencies'),
      api(page.token, '/api/v1/series/kpis').catch(() => ({kpis: []}))]);
    agencies = all.items;
    form.kpis = series.kpis || [];
  }
  form.agencies = agencies;
  return agencies;
}

async function openForm(state, titleKey) {
  await referenceAgencies();
  form.open(state);
  const editor = byId('editor');
  editor.dataset.titleKey = titleKey;
  editor.classList.remove('hidden');
  byId('editor-title').textContent = page.msg.t(titleKey);
  form.render(page.msg);
  editor.scrollIntoView({block: 'start'});
  editor.querySelector('input[name="title"]').focus();
}

function closeForm() {
  byId('editor').classList.add('hidden');
  byId('editor-body').replaceChildren();
  form.open(null);
}

/** POST a new briefing or PUT a change; answers the refusal to show, or null once saved. */
async function save(state) {
  const answer = await guarded(() => state.id ? apiPut(page.token, `${MEETINGS}/${state.id}`, body(state))
    : apiPost(page.token, MEETINGS, body(state)));
  if (answer.status !== 200 && answer.status !== 201) return answer;
  form.clear();
  closeForm();
  await load();
  const saved = document.querySelector(`li.briefing[data-id="${answer.body.id}"]`);
  if (saved) saved.scrollIntoView({block: 'center'});
  return null;
}

async function guarded(call) {
  try {
    return await call();
  } catch (e) {
    console.info('lobby', e.message);
    return {status: 0, body: {error: 'network'}};
  }
}

/** A list item's action. */
async function act(action, m, button) {
  const li = button.closest('li.briefing');
  refusals.delete(String(m.id));
  clearProblems(li);
  if (action !== 'cancel') confirming = null;
  if (action === 'edit' || action === 'copy') {
    const full = await guarded(() => api(page.token, `${MEETINGS}/${m.id}`).then(b => ({status: 200, body: b})));
    if (full.status !== 200) return refuse(m, li, full);
    await openForm(formState(full.body, action === 'copy'), action === 'copy' ? 'lobby.editor.copy' : 'lobby.editor.edit');
  } else if (action === 'start') {
    const answer = await guarded(() => apiPost(page.token, `${MEETINGS}/${m.id}/start`));
    if (answer.status !== 200) return refuse(m, li, answer);
    location.assign(`/meeting.html?id=${m.id}`);
  } else if (action === 'cancel') {
    if (confirming !== m.id) {
      confirming = m.id;
      confirmText(button);
      return;
    }
    confirming = null;
    const answer = await guarded(() => apiPost(page.token, `${MEETINGS}/${m.id}/cancel`));
    if (answer.status !== 200) return refuse(m, li, answer);
    await load();
  } else if (action === 'ics') {
    await download(m, li, `${MEETINGS}/${m.id}/invite.ics?lang=${page.msg.lang}`, 'text/calendar', file => {
      const a = document.createElement('a');
      a.href = file;
      a.download = `giao-ban-${m.id}.ics`;
      a.click();
    });
  } else if (action === 'minutes') {
    await download(m, li, `${MEETINGS}/${m.id}/minutes?lang=${page.msg.lang}`, 'text/html', file => {
      window.open(file, '_blank', 'noopener');
    });
  }
  return undefined;
}

function confirmText(button) {
  button.textContent = page.msg.t('lobby.action.cancelConfirm');
  button.dataset.i18n = 'lobby.action.cancelConfirm';
}

/** Fetches a file with the person's token and hands it on as a blob URL (freed a minute later). */
async function download(m, li, path, type, use) {
  try {
    const response = await fetch(path, {headers: {Authorization: `Bearer ${page.token}`}});
    if (!response.ok) {
      const text = await response.text();
      return refuse(m, li, {status: response.status, body: text ? JSON.parse(text) : null});
    }
    const file = URL.createObjectURL(new Blob([await response.blob()], {type}));
    use(file);
    setTimeout(() => URL.revokeObjectURL(file), 60_000);
  } catch (e) {
    console.info('lobby', e.message);
    return refuse(m, li, {status: 0, body: {error: 'network'}});
  }
  return undefined;
}

function refuse(m, li, answer) {
  refusals.set(String(m.id), answer);
  showProblems(li, page.msg, answer, undefined, LOBBY);
}

boot(startLobby).catch(e => console.error('lobby failed to start', e));
