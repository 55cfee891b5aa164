// The briefing's charts, drawn in HTML (no canvas: text stays text, sized by the page's CSS, read by screen readers):
// horizontal bars whose length is the value against the largest, coloured by heat when more is worse (zero is
// neutral, never red), columns for a trend, status tiles, and the "no data yet" state every chart has.
import {el, heat} from './dom.js';

/** The "no data yet" state of a chart. */
export function empty(msg) {
  return el('p', 'chart-empty', msg.t('mtg.chart.empty'));
}

/**
 * Bars: {@code rows} [{code, label, value, text, detail}] as long as value/max; {@code worse}: more is worse (heat
 * colours, zero neutral); {@code onPick(code)} makes every bar a button (keyboard-usable). Rows carry data-code and
 * data-value; each bar data-pct (its length in percent).
 */
export function bars(msg, rows, {worse = false, onPick = null, caption = ''} = {}) {
  if (!rows.length) return empty(msg);
  const max = Math.max(0, ...rows.map(r => r.value || 0));
  const list = el('ul', 'bars');
  if (caption) list.setAttribute('aria-label', caption);
  for (const r of rows) {
    const li = el('li', 'bar-row');
    li.dataset.code = r.code;
    li.dataset.value = String(r.value ?? '');
    const row = onPick ? el('button', 'bar-pick') : el('div', 'bar-pick');
    if (onPick) {
      row.type = 'button';
      row.onclick = () => onPick(r.code);
    }
    const pct = max > 0 && r.value ? Math.max(1, Math.round(1000 * r.value / max) / 10) : 0;
    const bar = el('span', 'bar');
    bar.dataset.pct = String(pct);
    bar.style.width = `${pct}%`;
    if (worse && r.value > 0) bar.style.background = heat(r.value / max);
    else bar.classList.add(r.value > 0 ? 'plain' : 'zero');
    const track = el('span', 'bar-track');
    track.append(bar);
    row.append(el('span', 'bar-label', r.label), track, el('span', `bar-value${worse && r.value > 0 ? ' bad' : ''}`, r.text));
    if (r.detail) row.append(el('span', 'bar-detail', r.detail));
    li.append(row);
    list.append(li);
  }
  return list;
}

/** Columns of a trend: {@code points} [{label, value, tick}] (a tick labels the axis under its column). */
export function columns(msg, points, caption) {
  if (!points.length || points.every(p => !p.value)) return empty(msg);
  const max = Math.max(...points.map(p => p.value || 0));
  const box = el('div', 'columns');
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', caption);
  const plot = el('div', 'columns-plot');
  const axis = el('div', 'columns-axis');
  axis.setAttribute('aria-hidden', 'true');
  for (const p of points) {
    const col = el('span', p.value ? 'column' : 'column zero');
    const pct = max > 0 ? Math.round(1000 * (p.value || 0) / max) / 10 : 0;
    col.dataset.pct = String(pct);
    col.dataset.value = String(p.value);
    col.style.height = `${Math.max(pct, p.value ? 1 : 0)}%`;
    col.title = `${p.label}: ${msg.int(p.value)}`;
    plot.append(col);
    axis.append(el('span', 'tick', p.tick || ''));
  }
  const scale = el('div', 'columns-max', msg.int(max));
  scale.setAttribute('aria-hidden', 'true');
  box.append(scale, plot, axis);
  return box;
}

/** Tiles of systems coloured by status. */
export function tiles(msg, items) {
  if (!items.length) return empty(msg);
  const list = el('ul', 'status-tiles');
  for (const i of items) {
    const li = el('li', `status-tile ${i.status}`);
    li.dataset.code = i.code;
    li.append(el('span', 'tile-name', i.label), el('span', 'tile-status', i.text));
    list.append(li);
  }
  return list;
}
