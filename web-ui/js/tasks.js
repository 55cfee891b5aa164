// Tasks assigned in briefings: an agency's officers see theirs (a district's also its communes'), update the
// progress with a note and mark them done (a note is required); city-wide readers see every agency's. Live over the
// WebSocket: the topic tasks.agency.<code> (an officer's) or tasks (city-wide) carries every task by id, and a row
// being edited keeps what is typed in it when that or another task changes.
import {LiveClient} from './live.js';
import {TOPICS} from './topics.js';
import {apiPatch} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, showBanner} from './page.js';
import {byId, el} from './panels/dom.js';
import {refusalText} from './panels/refusal.js';

let tasks = {};
let filter = 'open';

async function startDesk() {
  byId('desk').classList.remove('hidden');
  byId('who').textContent = page.me.agency ? `${page.me.displayName || page.me.username} (${page.me.agency})`
      : page.me.displayName || page.me.username;
  languageButton(() => render(true));
  document.querySelectorAll('[data-filter]').forEach(b => { b.onclick = () => { filter = b.dataset.filter; render(); }; });
  renderClock();
  every(1000, renderClock);
  every(60_000, () => render()); // a deadline passing makes a task overdue without any change to it
  page.live = new LiveClient(page.token, [topic()], {onTopic, onState: renderConnection,
    onAuthFailed: () => showBanner('revoked')});
  page.live.start();
}

/** An agency officer follows their agency's tasks; whoever reads city-wide data, every agency's. */
function topic() {
  const roles = page.me.roles || [];
  return page.me.agency && roles.length && roles.every(r => r === 'agency')
    ? `${TOPICS.TASKS_AGENCY}${page.me.agency}` : TOPICS.TASKS;
}

function onTopic(name, data) {
  tasks = data || {};
  render();
}

function overdue(t) {
  return t.state !== 'done' && Date.parse(t.deadline) < Date.now();
}

/** The shown tasks, soonest deadline first; rows are updated in place (a note being typed stays). */
function render(relabel) {
  const msg = page.msg;
  document.querySelectorAll('[data-filter]').forEach(b => {
    b.classList.toggle('active', b.dataset.filter === filter);
    b.setAttribute('aria-pressed', String(b.dataset.filter === filter));
  });
  const shown = Object.values(tasks)
      .filter(t => filter === 'done' ? t.state === 'done' : filter === 'overdue' ? overdue(t) : t.state !== 'done')
      .sort((a, b) => String(a.deadline).localeCompare(String(b.deadline)) || a.id - b.id);
  const body = byId('tasks-table').tBodies[0];
  const old = new Map([...body.rows].map(r => [r.dataset.task, r]));
  const rows = shown.map(t => {
    const row = old.get(String(t.id));
    return row && !relabel && (row.dataset.state === 'done') === (t.state === 'done') ? refresh(msg, row, t) : build(msg, t);
  });
  const same = rows.length === body.rows.length && rows.every((r, i) => body.rows[i] === r);
  if (!same) body.replaceChildren(...rows);
  byId('tasks-table').classList.toggle('hidden', shown.length === 0);
  byId('tasks-empty').classList.toggle('hidden', shown.length > 0);
}

function build(msg, t) {
  const tr = el('tr', 'task-row');
  tr.dataset.task = t.id;
  const update = el('td', 'update-cell');
  if (t.state !== 'done') {
    const form = el('div', 'task-form');
    form.append(...controls(msg, t));
    update.append(form);
  }
  const cell = (className, label) => {
    const td = el('td', className);
    if (label) td.dataset.label = msg.t(label); // shown before the value on a phone, where the table is cards
    return td;
  };
  tr.append(cell('agency', 'mtg.assignee'), cell('what'), cell('deadline', 'mtg.deadline'), cell('priority', 'mtg.priority'),
      cell('progress-cell', 'tasks.col.progress'), update);
  return refresh(msg, tr, t);
}

/** Sets the row's facts from {@code t}; the controls (and what is typed in them) are left as they are. */
function refresh(msg, tr, t) {
  const late = overdue(t);
  tr.className = `task-row${late ? ' firing' : ''}`;
  tr.dataset.state = t.state;
  const [agency, what, deadline, priority, progress] = tr.cells;
  agency.textContent = t.agency;
  what.replaceChildren(el('span', '', t.description));
  if (late) what.append(' ', el('span', 'badge critical', msg.t('tasks.overdue')));
  deadline.textContent = msg.date.format(new Date(t.deadline));
  priority.textContent = msg.t(`mtg.priority.${t.priority}`);
  progress.textContent = `${msg.int(t.progress)}% · ${msg.t(`tasks.state.${t.state}`)}`;
  const select = tr.querySelector('select.progress');
  if (select && document.activeElement !== select && progress.dataset.progress !== String(t.progress)) {
    select.value = String(t.progress); // moved by someone else: the picker starts from the new figure
  }
  progress.dataset.progress = t.progress;
  return tr;
}

function controls(msg, t) {
  const id = `task-${t.id}`;
  const pct = el('select', 'progress');
  pct.id = `${id}-progress`;
  for (const v of [0, 25, 50, 75, 100]) {
    const o = el('option', '', `${v}%`);
    o.value = String(v);
    o.selected = v === t.progress;
    pct.append(o);
  }
  const note = el('input', 'note');
  note.id = `${id}-note`;
  note.autocomplete = 'off';
  note.placeholder = msg.t('tasks.notePlaceholder');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  const after = () => { note.value = ''; error.textContent = ''; };
  const save = button(msg.t('tasks.save'), 'save',
      () => patch(t.id, {state: 'in_progress', progress: Number(pct.value), note: note.value.trim() || undefined}, error, after));
  const done = button(msg.t('tasks.markDone'), 'done',
      () => patch(t.id, {state: 'done', note: note.value.trim() || undefined}, error, after));
  const buttons = el('div', 'task-buttons');
  buttons.append(save, done);
  return [field(msg.t('tasks.progressLabel'), pct), field(msg.t('tasks.noteLabel'), note), buttons, error];
}

function field(text, control) {
  const label = el('label', 'field');
  label.htmlFor = control.id;
  label.append(el('span', '', text), control);
  return label;
}

function button(text, action, onClick) {
  const b = el('button', action, text);
  b.type = 'button';
  b.dataset.action = action;
  b.onclick = onClick;
  return b;
}

/** The change goes to the node; the row moves when the tasks topic brings it back. A refusal is said in words. */
async function patch(id, body, error, after) {
  const answer = await apiPatch(page.token, `/api/v1/tasks/${id}`, JSON.parse(JSON.stringify(body)));
  if (answer.status >= 400) {
    error.textContent = refusalText(page.msg, answer);
    return;
  }
  after();
}

boot(startDesk).catch(e => console.error('tasks page failed to start', e));
