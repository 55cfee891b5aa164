// Tasks assigned in briefings: an agency's officers see theirs (a district's also its communes'), update the
// progress with a note and mark them done (a note is required); city-wide readers see every agency's.
import {api, apiPatch} from './auth.js';
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId, el} from './panels/dom.js';

let tasks = [];
let filter = 'open';

async function startDesk() {
  byId('desk').classList.remove('hidden');
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.agency})`;
  languageButton(render);
  document.querySelectorAll('[data-filter]').forEach(b => { b.onclick = () => { filter = b.dataset.filter; render(); }; });
  renderClock();
  every(1000, renderClock);
  every(30_000, load);
  await load();
}

async function load() {
  tasks = (await api(page.token, '/api/v1/tasks')).items;
  render();
}

function render() {
  const msg = page.msg;
  document.querySelectorAll('[data-filter]').forEach(b => b.classList.toggle('active', b.dataset.filter === filter));
  const shown = tasks.filter(t => filter === 'done' ? t.state === 'done' : filter === 'overdue' ? t.overdue : t.state !== 'done');
  byId('tasks-table').tBodies[0].replaceChildren(...shown.map(t => row(msg, t)));
  byId('tasks-empty').classList.toggle('hidden', shown.length > 0);
}

function row(msg, t) {
  const tr = el('tr', t.overdue ? 'firing' : '');
  tr.dataset.task = t.id;
  tr.dataset.state = t.state;
  const what = el('td');
  what.append(el('span', '', t.description));
  if (t.overdue) what.append(' ', el('span', 'badge critical', msg.t('tasks.overdue')));
  const progress = el('td', 'progress-cell', `${msg.int(t.progress)}% · ${msg.t(`tasks.state.${t.state}`)}`);
  progress.dataset.progress = t.progress;
  const update = el('td');
  if (t.state !== 'done') {
    const pct = el('select');
    pct.className = 'progress';
    for (const v of [0, 25, 50, 75, 100]) {
      const o = el('option', '', `${v}%`);
      o.value = String(v);
      o.selected = v === t.progress;
      pct.append(o);
    }
    const note = el('input');
    note.className = 'note';
    note.placeholder = msg.t('tasks.notePlaceholder');
    const save = button(msg.t('tasks.save'), 'save', () => patch(t, {state: 'in_progress', progress: Number(pct.value), note: note.value.trim() || undefined}));
    const done = button(msg.t('tasks.markDone'), 'done', () => patch(t, {state: 'done', note: note.value.trim() || undefined}));
    const error = el('p', 'error');
    update.append(pct, note, save, done, error);
  }
  tr.append(el('td', '', t.agency), what, el('td', '', msg.date.format(new Date(t.deadline))),
      el('td', '', msg.t(`mtg.priority.${t.priority}`)), progress, update);
  return tr;
}

function button(text, action, onClick) {
  const b = el('button', action, text);
  b.type = 'button';
  b.dataset.action = action;
  b.onclick = onClick;
  return b;
}

async function patch(task, body) {
  const answer = await apiPatch(page.token, `/api/v1/tasks/${task.id}`, JSON.parse(JSON.stringify(body)));
  if (answer.status >= 400) {
    const error = document.querySelector(`tr[data-task="${task.id}"] .error`);
    error.textContent = page.msg.t('sre.refused', answer.body && answer.body.message ? answer.body.message : answer.status);
    return;
  }
  await load();
}

boot(startDesk).catch(e => console.error('tasks page failed to start', e));
