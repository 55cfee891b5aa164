// The summary's overdue briefing tasks of the signed-in person's agency (the whole city for the city's own people),
// live over the tasks topics the tasks page follows.
import {byId, el} from './dom.js';

const SHOWN = 3;

/** Whether the person's tasks are the whole city's: the city's own people (agency HN, or none). */
function wholeCity(me) {
  return !me.agency || me.agency === 'HN';
}

/** The topic of "my agency's" tasks: every agency's for the city's people, else their agency's (a district's with its communes). */
export function tasksTopic(me, topics) {
  return wholeCity(me) ? topics.TASKS : topics.TASKS_AGENCY + me.agency;
}

/** The same over REST, read once in case the topic is slow to answer. */
export function tasksPath(me) {
  return wholeCity(me) || (me.roles || []).includes('agency') ? '/api/v1/tasks'
      : `/api/v1/tasks?agency=${encodeURIComponent(me.agency)}`;
}

/** Not done and past the deadline now (a task turns overdue with time alone, no event says so). */
function overdue(t, now) {
  return t.state !== 'done' && Date.parse(t.deadline) < now;
}

/** {@code all}: the agency's tasks, any state (null until known); the overdue ones are shown. */
export function renderTasks(msg, me, all) {
  const whole = wholeCity(me);
  const now = Date.now();
  const tasks = all && all.filter(t => overdue(t, now));
  byId('tasks-heading').textContent = whole ? msg.t('sum.tasksCity') : msg.t('sum.tasksMine', me.agency);
  const count = byId('tasks-count');
  count.textContent = tasks && tasks.length ? msg.count('sum.taskCount', tasks.length) : '';
  count.classList.toggle('worse', Boolean(tasks && tasks.length));
  const list = byId('tasks');
  if (!tasks) {
    list.replaceChildren(el('li', 'none', msg.t('sum.noDataYet')));
    return;
  }
  if (!tasks.length) {
    list.replaceChildren(el('li', 'none all-clear', msg.t('sum.noOverdueTasks')));
    return;
  }
  const oldest = [...tasks].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const rows = oldest.slice(0, SHOWN).map(t => {
    const item = el('li', 'task');
    item.dataset.id = t.id;
    const head = el('div', 'row-head');
    head.append(el('span', 'what user-text', t.description), el('span', 'badge agency', t.agency));
    const late = now - Date.parse(t.deadline);
    item.append(head, el('div', 'row-sub', msg.t('sum.lateBy', msg.duration(late))));
    return item;
  });
  if (tasks.length > SHOWN) rows.push(el('li', 'none', msg.count('sum.moreTasks', tasks.length - SHOWN)));
  list.replaceChildren(...rows);
}
