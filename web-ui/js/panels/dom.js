// Small DOM helpers shared by the panels (no inline styles: the page's CSP allows none).
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

export function byId(id) {
  return document.getElementById(id);
}

/** A change arrow: up is worse when {@code higherIsWorse}. */
export function change(msg, delta, higherIsWorse, decimals) {
  const span = el('span');
  if (delta === null || delta === undefined) {
    span.className = 'same';
    span.textContent = msg.t('noData');
    return span;
  }
  const worse = higherIsWorse ? delta > 0 : delta < 0;
  span.className = delta === 0 ? 'same' : worse ? 'worse' : 'better';
  span.textContent = `${delta > 0 ? '▲' : delta < 0 ? '▼' : '='} ${msg.signed(delta, decimals)}`;
  return span;
}

/** A colour from green (0) through amber to red (1). */
export function heat(x) {
  const stops = [[0x1f, 0x7a, 0x4d], [0xc9, 0xa2, 0x27], [0xc0, 0x39, 0x2b]];
  const t = Math.min(1, Math.max(0, x)) * 2;
  const i = Math.min(1, Math.floor(t));
  const f = t - i;
  const c = stops[i].map((v, k) => Math.round(v + (stops[i + 1][k] - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** rem in pixels, for chart fonts that must scale with the screen like the CSS does. */
export function rem(n) {
  return n * parseFloat(getComputedStyle(document.documentElement).fontSize);
}

/** An ECharts chart in the element {@code id} that follows the element's size (layout, fonts, 4K). */
export function chart(id, renderer) {
  const element = byId(id);
  const instance = echarts.init(element, null, {renderer});
  new ResizeObserver(() => instance.resize()).observe(element);
  return instance;
}
