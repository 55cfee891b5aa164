// The headline KPIs against their targets (a bar each with the target marked), the satisfaction index with its
// sample size, and today's city-wide dossier figures (zero shown neutral, unknown as "no data").
import {byId} from './dom.js';
import {figure} from './figures.js';

const HEADLINE = [
  {key: 'portal', field: 'proceduresOnNationalPortal'},
  {key: 'online', field: 'dossiersOnlineShare'},
  {key: 'onTime', field: 'onTimeRate'},
];
const TODAY = ['received', 'completedOnTime', 'backlog'];

export class KpiPanel {
  constructor() {
    this.headline = null;
    this.today = null;
    this.satisfaction = null;
  }

  init() {
  }

  /** REST /api/v1/kpi/headline. */
  updateHeadline(headline) {
    this.headline = headline;
  }

  /** The kpi.city topic's data ({today: {...}}). */
  updateToday(data) {
    this.today = data && data.today;
  }

  /** Today's feedback counts (the feedback topic's today): satisfactionIndex and rated, its sample size. */
  updateSatisfaction(today) {
    this.satisfaction = today || null;
  }

  /** Today's overdue dossiers right now (the "overdue today" panel shows it). */
  overdueNow() {
    return this.today ? this.today.overdueNow ?? null : null;
  }

  render(msg) {
    for (const g of HEADLINE) this.renderKpi(msg, g);
    this.renderSatisfaction(msg);
    for (const key of TODAY) {
      figure(document.querySelector(`#today [data-key="${key}"]`), msg, this.today ? this.today[key] : null);
    }
  }

  renderKpi(msg, g) {
    const kpi = this.headline && this.headline[g.field];
    const value = kpi ? kpi.value ?? null : null;
    const target = kpi ? kpi.target ?? null : null;
    const met = Boolean(kpi && kpi.met);
    byId(`value-${g.key}`).textContent = value === null ? msg.t('noData') : msg.percent(value);
    byId(`value-${g.key}`).classList.toggle('no-value', value === null);
    const caption = byId(`target-${g.key}`);
    const verdict = value === null ? '' : ` · ${met ? msg.t('targetMet') : msg.t('targetGap', msg.percent(Math.abs(kpi.gap)))}`;
    caption.textContent = target === null ? '' : msg.t('target', msg.percent(target)) + verdict;
    caption.className = `gauge-target ${value === null ? '' : met ? 'met' : 'unmet'}`;
    caption.dataset.value = value ?? '';
    byId(`fill-${g.key}`).style.width = `${Math.max(0, Math.min(100, value ?? 0))}%`;
    const mark = byId(`mark-${g.key}`);
    mark.classList.toggle('hidden', target === null);
    if (target !== null) mark.style.left = `${Math.max(0, Math.min(100, target))}%`;
    byId(`value-${g.key}`).closest('.kpi').classList.toggle('met', met);
  }

  renderSatisfaction(msg) {
    const index = this.satisfaction ? this.satisfaction.satisfactionIndex ?? null : null;
    const rated = this.satisfaction ? this.satisfaction.rated ?? 0 : 0;
    const value = byId('satisfaction');
    value.textContent = index === null ? msg.t('noData') : msg.dec(index);
    value.classList.toggle('no-value', index === null);
    value.dataset.value = index ?? '';
    const sample = byId('satisfaction-sample');
    sample.textContent = msg.count('wall.rated', rated);
    sample.dataset.value = String(rated);
    byId('fill-satisfaction').style.width = `${Math.max(0, Math.min(100, index ?? 0))}%`;
  }
}
