// Dossiers received and completed per minute over the last 3 hours: history from the per-minute rollups,
// with a live tail from the kpi.city topic (today's counters' increments land in the current minute); times on the
// axis in the page's locale (Asia/Ho_Chi_Minh), and "no data yet" instead of an empty chart.
import {byId, chart, rem} from './dom.js';

const MINUTE = 60_000;
const WINDOW = 180;

export class ThroughputPanel {
  constructor() {
    this.received = new Map();
    this.completed = new Map();
    this.last = null;
  }

  init() {
    this.chart = chart('throughput-chart', 'canvas');
  }

  /** REST series (minute step): stored buckets win, except where the live tail already counted more. */
  history(kpi, points) {
    const target = kpi === 'dossiers_received' ? this.received : this.completed;
    for (const p of points) {
      const t = Date.parse(p.t);
      target.set(t, Math.max(p.v, target.get(t) || 0));
    }
  }

  /** Today's city counters from kpi.city: their increments since the last update go to the current minute. */
  live(today) {
    if (!today) return;
    const completed = (today.completedOnTime || 0) + (today.completedLate || 0);
    if (this.last) {
      const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
      const dr = today.received - this.last.received;
      const dc = completed - this.last.completed;
      if (dr > 0) this.received.set(minute, (this.received.get(minute) || 0) + dr);
      if (dc > 0) this.completed.set(minute, (this.completed.get(minute) || 0) + dc);
    }
    this.last = {received: today.received, completed};
  }

  render(msg) {
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const times = [];
    for (let t = now - (WINDOW - 1) * MINUTE; t <= now; t += MINUTE) times.push(t);
    for (const map of [this.received, this.completed]) {
      for (const t of map.keys()) if (t < times[0]) map.delete(t);
    }
    const empty = ![...this.received.values(), ...this.completed.values()].some(v => v > 0); // nothing yet, or all zero
    byId('throughput-empty')?.classList.toggle('hidden', !empty);
    byId('throughput-chart').classList.toggle('empty', empty);
    const axisFont = {color: '#93a4c3', fontSize: rem(1.5), fontFamily: 'Roboto'};
    this.chart.setOption({
      animation: false,
      grid: {left: rem(0.4), right: rem(1.6), top: rem(3), bottom: rem(0.4), containLabel: true},
      legend: {top: 0, right: 0, itemWidth: rem(1.6), itemHeight: rem(1), textStyle: {...axisFont, color: '#e8eef9'},
        data: [msg.t('chart.received'), msg.t('chart.completed')]},
      xAxis: {type: 'category', data: times.map(t => msg.shortTime.format(new Date(t))),
        axisLabel: {...axisFont, interval: 59}, axisLine: {lineStyle: {color: '#22304d'}}},
      yAxis: {type: 'value', minInterval: 1, axisLabel: {...axisFont, formatter: v => msg.int(v)},
        splitLine: {lineStyle: {color: '#1b2942'}}},
      series: [
        {name: msg.t('chart.received'), type: 'bar', barCategoryGap: '15%', itemStyle: {color: '#4ea8ff'},
          data: times.map(t => this.received.get(t) || 0)},
        {name: msg.t('chart.completed'), type: 'line', smooth: true, showSymbol: false, lineStyle: {width: rem(0.25)},
          itemStyle: {color: '#2fbf71'}, data: times.map(t => this.completed.get(t) || 0)},
      ],
    }, {replaceMerge: ['series']});
  }
}
