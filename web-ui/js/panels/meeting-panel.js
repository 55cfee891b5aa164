// The panel the chair shares, drawn from its live data (the meeting topic's panel and panelData keys).
import {el, rem} from './dom.js';

const KPI_COLUMNS = ['received', 'overdueNow', 'onTimeRate'];

/** Draws {@code data} of a panel {@code spec} into {@code root}; rows of agencies/districts carry data-code. */
export function drawPanel(msg, root, spec, data, highlight, onPick) {
  root.dataset.kind = spec ? spec.kind : '';
  root.dataset.district = spec && spec.district ? spec.district : '';
  if (!spec || !data) {
    root.replaceChildren(el('p', 'hint', msg.t('mtg.noPanel')));
    return;
  }
  const parts = [];
  if (spec.kind === 'systems') {
    parts.push(table(msg, ['mtg.col.name', 'mtg.col.status'], Object.entries(data.systems || {}).map(([code, s]) =>
        ({code, cells: [msg.name(s), msg.has(`status.${s.status}`) ? msg.t(`status.${s.status}`) : s.status]}))));
  } else if (spec.kind === 'district-dossiers') {
    parts.push(totals(msg, data.kpis));
    parts.push(table(msg, ['mtg.col.name', 'today.received', 'today.overdueNow', 'col.onTime'],
        Object.entries(data.agencies || {}).sort((a, b) => (b[1].overdueNow || 0) - (a[1].overdueNow || 0))
            .map(([code, k]) => ({code, cells: [k.nameVi || code, msg.int(k.received), msg.int(k.overdueNow), msg.percent(k.onTimeRate)]}))));
  } else if (spec.kind === 'district-feedback') {
    parts.push(totals(msg, data.total, ['received', 'open', 'overdue', 'answered']));
    parts.push(table(msg, ['mtg.col.category', 'fb.open', 'fb.overdue', 'fb.answered'],
        Object.entries(data.byCategory || {}).map(([c, v]) => ({code: c,
          cells: [msg.has(`category.${c}`) ? msg.t(`category.${c}`) : c, msg.int(v.open), msg.int(v.overdue), msg.int(v.answered)]}))));
  } else if (spec.kind === 'district-ranking') {
    parts.push(table(msg, ['mtg.col.rank', 'col.district', 'col.overdue', 'col.onTime'], (data.items || []).map(i =>
        ({code: i.code, cells: [msg.int(i.rank), msg.name(i), msg.int(i.overdueNow), msg.percent(i.onTimeRate)]}))));
  } else if (spec.kind === 'previous-tasks') {
    const sum = data.summary || {};
    parts.push(el('p', 'summary', msg.t('mtg.previousTasksOf', data.meeting ? data.meeting.title : '', msg.int(sum.total),
        msg.int(sum.done), msg.int(sum.overdue))));
    parts.push(table(msg, ['mtg.col.name', 'mtg.col.task', 'mtg.col.deadline', 'mtg.col.state', 'mtg.col.progress'],
        (data.tasks || []).map(t => ({code: t.agency, task: t.id, className: t.overdue ? 'overdue' : '',
          cells: [t.agency, t.description, msg.date.format(new Date(t.deadline)) + (t.overdue ? ` · ${msg.t('tasks.overdue')}` : ''),
            msg.t(`tasks.state.${t.state}`), `${msg.int(t.progress)}%`]}))));
  } else if (spec.kind === 'kpi-trend') {
    const chartBox = el('div', 'trend');
    parts.push(chartBox);
    requestAnimationFrame(() => {
      const chart = echarts.init(chartBox, null, {renderer: 'svg'});
      chart.setOption({animation: false, grid: {left: rem(3), right: rem(1), top: rem(1), bottom: rem(2)},
        xAxis: {type: 'time', axisLabel: {color: '#93a4c3'}}, yAxis: {type: 'value', axisLabel: {color: '#93a4c3'}},
        series: [{type: 'line', showSymbol: false, data: (data.points || []).map(p => [p[0], p[1]])}]});
    });
  }
  parts.push(el('p', 'hint', msg.t('mtg.asOf', msg.time.format(new Date(data.asOf)))));
  root.replaceChildren(...parts);
  root.querySelectorAll('tr[data-code]').forEach(tr => {
    tr.classList.toggle('highlight', Boolean(highlight && highlight.code === tr.dataset.code));
    tr.onclick = () => onPick?.(tr.dataset.code);
  });
}

function totals(msg, k, keys = KPI_COLUMNS) {
  const box = el('div', 'totals');
  for (const key of keys) {
    const item = el('span', '', msg.has(`today.${key}`) ? msg.t(`today.${key}`) : msg.t(`fb.${key}`));
    item.prepend(el('b', '', key === 'onTimeRate' ? msg.percent(k && k[key]) : msg.int(k && k[key])));
    box.append(item);
  }
  return box;
}

function table(msg, headers, rows) {
  const t = el('table');
  const head = el('tr');
  headers.forEach(h => head.append(el('th', '', msg.t(h))));
  t.append(el('thead'), el('tbody'));
  t.tHead.append(head);
  rows.forEach(r => {
    const tr = el('tr', r.className);
    tr.dataset.code = r.code;
    if (r.task !== undefined) tr.dataset.task = r.task;
    r.cells.forEach(c => tr.append(el('td', '', c)));
    t.tBodies[0].append(tr);
  });
  return t;
}
