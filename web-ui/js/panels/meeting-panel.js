// The panel the chair shares, drawn from its live data (the meeting topic's panel and panelData keys) as large charts:
// systems as status tiles, a district's communes and the district ranking as bars of what is overdue (heat colours,
// zero neutral), feedback by category as bars, the KPI trend as daily columns; the last briefing's tasks as a table.
import {el} from './dom.js';
import {bars, columns, empty, tiles} from './meeting-charts.js';

const KPI_TOTALS = ['received', 'overdueNow', 'onTimeRate'];
const DAY = new Map(); // per language: the Intl formatter of a day label (numbers only: no month names)

/**
 * Draws {@code data} of a panel {@code spec} into {@code root}. {@code onPick(code)} (for those who drive): a click on
 * a commune or category highlights it for everyone; a click on a district re-shares that district.
 */
export function drawPanel(msg, root, spec, data, highlight, onPick) {
  root.dataset.kind = spec ? spec.kind : '';
  root.dataset.district = spec && spec.district ? spec.district : '';
  if (!spec || !data) {
    root.replaceChildren(el('p', 'chart-empty', msg.t('mtg.noPanel')));
    return;
  }
  const parts = (KINDS[spec.kind] || (() => [empty(msg)]))(msg, data, onPick, spec);
  parts.push(el('p', 'hint', msg.t('mtg.asOf', msg.time.format(new Date(data.asOf || Date.now())))));
  root.replaceChildren(...parts);
  root.querySelectorAll('[data-code]').forEach(row => {
    row.classList.toggle('highlight', Boolean(highlight && highlight.code === row.dataset.code));
  });
}

const KINDS = {
  systems: (msg, data) => [tiles(msg, Object.entries(data.systems || {}).map(([code, s]) => ({code, status: s.status,
    label: msg.name(s), text: msg.has(`status.${s.status}`) ? msg.t(`status.${s.status}`) : s.status})))],

  'district-dossiers': (msg, data, onPick) => [totals(msg, data.kpis, KPI_TOTALS, 'today'),
    el('h3', '', msg.t('mtg.chart.overdueByCommune')),
    bars(msg, Object.entries(data.agencies || {}).sort((a, b) => (b[1].overdueNow || 0) - (a[1].overdueNow || 0))
        .map(([code, k]) => ({code, label: msg.name(k), value: k.overdueNow || 0, text: msg.int(k.overdueNow || 0),
          detail: msg.t('mtg.chart.receivedOnTime', msg.int(k.received || 0), msg.percent(k.onTimeRate))})),
    {worse: true, onPick, caption: msg.t('mtg.chart.overdueByCommune')})],

  'district-feedback': (msg, data, onPick) => [totals(msg, data.total, ['received', 'open', 'overdue', 'answered'], 'fb'),
    el('h3', '', msg.t('mtg.chart.openByCategory')),
    bars(msg, Object.entries(data.byCategory || {}).sort((a, b) => (b[1].open || 0) - (a[1].open || 0))
        .map(([c, v]) => ({code: c, label: msg.has(`category.${c}`) ? msg.t(`category.${c}`) : c, value: v.open || 0,
          text: msg.int(v.open || 0), detail: msg.t('mtg.chart.overdueAnswered', msg.int(v.overdue || 0), msg.int(v.answered || 0))})),
    {worse: true, onPick, caption: msg.t('mtg.chart.openByCategory')})],

  'district-ranking': (msg, data, onPick) => [el('p', 'hint', msg.t(onPick ? 'mtg.chart.pickDistrict' : 'mtg.chart.ranking')),
    bars(msg, (data.items || []).map(i => ({code: i.code, label: `${msg.int(i.rank)}. ${msg.name(i)}`,
      value: i.overdueNow || 0, text: msg.int(i.overdueNow || 0), detail: msg.t('mtg.chart.onTime', msg.percent(i.onTimeRate))})),
    {worse: true, onPick, caption: msg.t('mtg.chart.ranking')})],

  'kpi-trend': (msg, data) => {
    const days = daily(msg, data.points || [], /received|answered|resolved|count/.test(data.kpi || ''));
    const caption = `${msg.name(data)} — ${msg.t('mtg.chart.perDay')}`;
    return [el('h3', '', caption), columns(msg, days, caption)];
  },

  'previous-tasks': (msg, data) => {
    const sum = data.summary || {};
    const tasks = data.tasks || [];
    return [el('p', 'summary', msg.t('mtg.previousTasksOf', data.meeting ? data.meeting.title : '', msg.int(sum.total),
        msg.int(sum.done), msg.int(sum.overdue))), tasks.length ? taskTable(msg, tasks) : empty(msg)];
  },
};

/** The hourly points as one column per day in Hanoi, labelled by day and month in numbers (no month names). */
function daily(msg, points, additive) {
  if (!DAY.has(msg.locale)) {
    DAY.set(msg.locale, new Intl.DateTimeFormat(msg.locale, {day: '2-digit', month: '2-digit', timeZone: 'Asia/Ho_Chi_Minh'}));
  }
  const format = DAY.get(msg.locale);
  const byDay = new Map();
  for (const [t, v] of points) {
    const label = format.format(new Date(t));
    byDay.set(label, additive ? (byDay.get(label) || 0) + (v || 0) : v || 0);
  }
  const labels = [...byDay.keys()];
  const every = Math.max(1, Math.ceil(labels.length / 6));
  return labels.map((label, i) => ({label, value: Math.round(byDay.get(label)), tick: i % every === 0 ? label : ''}));
}

function totals(msg, k, keys, prefix) {
  const box = el('div', 'totals');
  for (const key of keys) {
    const label = msg.has(`${prefix}.${key}`) ? msg.t(`${prefix}.${key}`) : msg.t(`fb.${key}`);
    const value = k && k[key];
    const item = el('span', '', label);
    const bad = (key === 'overdueNow' || key === 'overdue') && value > 0;
    item.prepend(el('b', bad ? 'bad' : '', key === 'onTimeRate' ? msg.percent(value) : msg.int(value ?? 0)));
    box.append(item);
  }
  return box;
}

function taskTable(msg, tasks) {
  const t = el('table');
  const head = el('tr');
  ['mtg.col.name', 'mtg.col.task', 'mtg.col.deadline', 'mtg.col.state', 'mtg.col.progress']
      .forEach(h => head.append(el('th', '', msg.t(h))));
  t.append(el('thead'), el('tbody'));
  t.tHead.append(head);
  for (const task of tasks) {
    const tr = el('tr', task.overdue ? 'overdue' : '');
    tr.dataset.code = task.agency;
    tr.dataset.task = task.id;
    [task.agencyNameVi ? msg.name({nameVi: task.agencyNameVi, nameEn: task.agencyNameEn}) : task.agency, task.description,
      msg.date.format(new Date(task.deadline)) + (task.overdue ? ` · ${msg.t('tasks.overdue')}` : ''),
      msg.t(`tasks.state.${task.state}`), `${msg.int(task.progress)}%`].forEach(c => tr.append(el('td', '', c)));
    t.tBodies[0].append(tr);
  }
  return t;
}
