// Citizen feedback on the wall: today's new reports (the satisfaction index and overdue feedback are shown by the
// KPI and "overdue today" panels, which read the same topic).
import {figure} from './figures.js';

export class FeedbackPanel {
  constructor() {
    this.data = {};
  }

  init() {
  }

  /** The feedback topic's data: today, channel.X, category.X, district.X. */
  update(data) {
    this.data = data || {};
  }

  today() {
    return this.data.today || null;
  }

  render(msg) {
    const today = this.data.today;
    figure(document.querySelector('#fb-totals [data-key="received"]'), msg, today ? today.received ?? null : null);
  }
}
