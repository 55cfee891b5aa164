// The headline KPIs against their targets (gauges) and today's city-wide dossier figures.
import {byId, chart, rem} from './dom.js';

const GAUGES = [
  {key: 'portal', field: 'proceduresOnNationalPortal'},
  {key: 'online', field: 'dossiersOnlineShare'},
  {key: 'onTime', field: 'onTimeRate'},
];
const TODAY = ['received', 'completedOnTime', 'completedLate', 'overdueNow', 'backlog', 'returned'];

export class KpiPanel {
  constructor() {
    this.headline = null;
    this.today = null;
    this.charts = {};
  }

  init() {
    for (const g of GAUGES) this.charts[g.key] = chart(`gauge-${g.key}`, 'svg');
  }

  /** REST /api/v1/kpi/headline. */
  updateHeadline(headline) {
    this.headline = headline;
  }

  /** The kpi.city topic's data ({today: {...}}). */
  updateToday(data) {
    this.today = data && data.today;
  }

  render(msg) {
    for (const g of GAUGES) this.renderGauge(msg, g);
    for (const key of TODAY) {
      const cell = document.querySelector(`#today [data-key="${key}"] dd`);
      const value = this.today ? this.today[key] : null;
      cell.textContent = msg.int(value);
      cell.dataset.value = value ?? '';
    }
  }

  renderGauge(msg, g) {
    const kpi = this.headline && this.headline[g.field];
    const value = kpi ? kpi.value : null;
    const target = kpi ? kpi.target : null;
    const met = kpi ? kpi.met : false;
    const caption = byId(`target-${g.key}`);
    const verdict = value === null ? '' : ` · ${met ? msg.t('targetMet') : msg.t('targetGap', msg.percent(Math.abs(kpi.gap)))}`;
    caption.textContent = target === null ? '' : msg.t('target', msg.percent(target)) + verdict;
    caption.className = `gauge-target ${met ? 'met' : 'unmet'}`;
    caption.dataset.value = value ?? '';
    const band = target === null ? [[1, '#2a3a5a']] : [[target / 100, '#2a3a5a'], [1, '#1d4d35']];
    const common = {type: 'gauge', min: 0, max: 100, startAngle: 210, endAngle: -30, radius: '96%', center: ['50%', '60%'],
      axisTick: {show: false}, splitLine: {show: false}, axisLabel: {show: false}, title: {show: false}, anchor: {show: false}};
    this.charts[g.key].setOption({
      animation: false,
      series: [
        {...common, progress: {show: true, width: rem(1), itemStyle: {color: met ? '#2fbf71' : '#f0b429'}},
          axisLine: {lineStyle: {width: rem(1), color: band}}, pointer: {show: false},
          detail: {offsetCenter: [0, '5%'], fontSize: rem(2.1), fontWeight: 700, color: '#e8eef9',
            fontFamily: 'Roboto', formatter: () => msg.percent(value)},
          data: [{value: value ?? 0}]},
        {...common, axisLine: {show: false}, progress: {show: false}, detail: {show: false},
          pointer: {show: target !== null, icon: 'rect', length: '18%', width: rem(0.2), offsetCenter: [0, '-80%'],
            itemStyle: {color: '#ffffff'}},
          data: [{value: target ?? 0}]},
      ],
    });
  }
}
