// Citizen feedback: today's intake and open/overdue, satisfaction and its trend, by channel, category, district.
import {byId, chart, el, rem} from './dom.js';

const TOTALS = ['received', 'open', 'overdue', 'answered'];
const LIST_ROWS = 5;

export class FeedbackPanel {
  constructor(districtName) {
    this.data = {};
    this.trend = [];
    this.districtName = districtName;
  }

  init() {
    this.spark = chart('satisfaction-trend', 'svg');
  }

  /** The feedback topic's data: today, channel.X, category.X, district.X. */
  update(data) {
    this.data = data || {};
  }

  /** REST feedback summary's satisfactionTrend: [{date, satisfactionIndex}]. */
  updateTrend(trend) {
    this.trend = trend || [];
  }

  entries(prefix) {
    return Object.entries(this.data).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]);
  }

  render(msg) {
    const today = this.data.today || {};
    for (const key of TOTALS) {
      const cell = document.querySelector(`#fb-totals [data-key="${key}"] dd`);
      cell.textContent = msg.int(today[key] ?? null);
      cell.dataset.value = today[key] ?? '';
    }
    byId('satisfaction').textContent = msg.dec(today.satisfactionIndex ?? null);
    this.renderChannels(msg);
    this.renderTable(msg, 'fb-categories', this.entries('category.'),
        c => msg.has(`category.${c}`) ? msg.t(`category.${c}`) : c);
    this.renderTable(msg, 'fb-districts', this.entries('district.'), d => this.districtName(msg, d));
    this.spark.setOption({
      animation: false,
      grid: {left: 2, right: 2, top: 4, bottom: 2},
      xAxis: {type: 'category', show: false, data: this.trend.map(p => p.date)},
      yAxis: {type: 'value', show: false, min: 0, max: 100},
      series: [{type: 'line', smooth: true, connectNulls: true, showSymbol: false, lineStyle: {color: '#4ea8ff', width: rem(0.15)},
        areaStyle: {color: 'rgba(78,168,255,0.18)'}, data: this.trend.map(p => p.satisfactionIndex)}],
    });
  }

  renderChannels(msg) {
    const channels = this.entries('channel.').sort((a, b) => (b[1].received || 0) - (a[1].received || 0));
    const max = Math.max(1, ...channels.map(([, v]) => v.received || 0));
    byId('fb-channels').replaceChildren(...channels.map(([c, v]) => {
      const li = el('li');
      li.dataset.channel = c;
      const bar = el('div', 'bar');
      bar.style.width = `${Math.round(100 * (v.received || 0) / max)}%`;
      const track = el('div', 'track');
      track.append(bar);
      li.append(el('span', '', msg.has(`channel.${c}`) ? msg.t(`channel.${c}`) : c), track, el('span', 'n', msg.int(v.received)));
      return li;
    }));
  }

  renderTable(msg, id, entries, nameOf) {
    const rows = entries.sort((a, b) => (b[1].open || 0) - (a[1].open || 0) || (b[1].overdue || 0) - (a[1].overdue || 0))
        .slice(0, LIST_ROWS);
    byId(id).tBodies[0].replaceChildren(...rows.map(([k, v]) => {
      const tr = el('tr');
      tr.append(el('td', '', nameOf(k)), el('td', '', msg.int(v.open)), el('td', 'o', msg.int(v.overdue)));
      return tr;
    }));
  }
}
