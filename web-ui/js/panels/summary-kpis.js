// The summary's three headline KPIs against their targets (GET /api/v1/kpi/headline, as on the wall's gauges).
import {byId, el} from './dom.js';

const KPIS = [
  {key: 'portal', field: 'proceduresOnNationalPortal'},
  {key: 'online', field: 'dossiersOnlineShare'},
  {key: 'onTime', field: 'onTimeRate'},
];

export function renderKpis(msg, headline) {
  const list = byId('kpis');
  if (!headline) {
    list.replaceChildren(el('li', 'none', msg.t('sum.noDataYet')));
    return;
  }
  list.replaceChildren(...KPIS.map(k => {
    const kpi = headline[k.field] || {};
    const value = kpi.value ?? null;
    const target = kpi.target ?? null;
    const item = el('li', 'kpi');
    item.dataset.kpi = k.key;
    item.dataset.value = value ?? '';
    const head = el('div', 'row-head');
    head.append(el('span', 'what', msg.t(`kpi.${k.key}`)), el('span', 'value', msg.percent(value)));
    const bar = el('div', 'bar');
    bar.setAttribute('aria-hidden', 'true');
    const fill = el('i', `fill ${kpi.met ? 'met' : 'unmet'}`);
    fill.style.width = `${Math.max(0, Math.min(100, value ?? 0))}%`;
    bar.append(fill);
    if (target !== null) {
      const mark = el('b', 'mark');
      mark.style.left = `${Math.max(0, Math.min(100, target))}%`;
      bar.append(mark);
    }
    const verdict = value === null || target === null ? msg.t('sum.noDataYet')
        : kpi.met ? msg.t('targetMet') : msg.t('targetGap', msg.percent(Math.abs(kpi.gap ?? target - value)));
    const sub = el('div', 'row-sub');
    sub.append(el('span', '', target === null ? '' : msg.t('target', msg.percent(target))),
        el('span', value === null || target === null ? 'unknown' : kpi.met ? 'met' : 'unmet', verdict));
    item.append(head, bar, sub);
    return item;
  }));
}
