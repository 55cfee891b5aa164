// The summary's overdue briefing tasks of the signed-in person's agency (the whole city for the city's own people).
import {byId, el} from './dom.js';

const SHOWN = 3;

/** Which tasks are "mine": the city's people (agency HN) see every agency's, anyone else their agency's. */
export function tasksQuery(me) {
  return !me.agency || me.agency === 'HN' || (me.roles || []).includes('agency')
      ? '/api/v1/tasks?overdue=true' : `/api/v1/tasks?overdue=true&agency=${encodeURIComponent(me.agency)}`;
}

export function renderTasks(msg, me, tasks) {
  const whole = !me.agency || me.agency === 'HN';
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
    const late = Date.now() - Date.parse(t.deadline);
    item.append(head, el('div', 'row-sub', msg.t('sum.lateBy', msg.duration(late))));
    return item;
  });
  if (tasks.length > SHOWN) rows.push(el('li', 'none', msg.count('sum.moreTasks', tasks.length - SHOWN)));
  list.replaceChildren(...rows);
}
