// Maintenance windows: pages about the systems named (or every system) are held while a window lasts, the alerts
// stay visible. The list says whether each holds pages now or when it next does; a window is scheduled ahead (start,
// end in Hanoi time, optionally every week) with its reason, and ended or deleted (both DELETE: the node keeps no
// ended window apart from the audit log).
import {apiDelete, apiPost} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, check, checked, confirming, errorFor, field, forget, hanoiInstant, hanoiLocal, input,
  systemChoices, when, words, EditableList} from './oncall-form.js';
import {formButtons} from './oncall-teams.js';

const WINDOWS = '/api/v1/oncall/maintenance-windows';

export class WindowsPanel extends EditableList {
  constructor(list, editor, page, changed) {
    super('windows', 'window', list, editor, page, changed);
  }

  item(msg, w) {
    const li = el('li', `oc-item window${w.active ? ' active' : ''}`);
    li.dataset.window = w.id;
    li.dataset.scope = `window:${w.id}`;
    const head = el('div', 'item-head');
    const state = w.active ? 'active' : w.occurrence ? 'next' : 'over';
    head.append(el('strong', 'item-name', w.reason), el('span', `badge window-${state}`, msg.t(`oc.window.${state}`)));
    if (w.weekly) head.append(el('span', 'badge weekly', msg.t('oc.window.weekly')));
    const facts = el('dl', 'facts');
    const names = w.systems.map(code => {
      const s = this.data.systems.find(x => x.code === code);
      return s ? msg.name(s) : code;
    });
    facts.append(el('dt', '', msg.t('oc.window.systems')), el('dd', '', names.length ? names.join(', ') : msg.t('oc.window.all')));
    if (w.occurrence) {
      facts.append(el('dt', '', msg.t(w.active ? 'oc.window.now' : 'oc.window.nextTime')),
          el('dd', 'occurrence', msg.t('oc.shift.range', when(msg, w.occurrence.from), when(msg, w.occurrence.to))));
    }
    facts.append(el('dt', '', msg.t('oc.window.scheduled')),
        el('dd', '', msg.t('oc.window.by', msg.t('oc.shift.range', when(msg, w.startsAt), when(msg, w.endsAt)), w.createdBy)));
    li.append(head, facts);
    if (this.manage) {
      const actions = el('div', 'item-actions');
      const end = button(msg, 'delete', w.active ? 'oc.window.end' : 'oc.delete', null, 'danger');
      end.onclick = confirming(() => this.page.msg, end, 'oc.confirmDelete', () => this.remove(w, li));
      actions.append(end);
      li.append(actions);
    }
    li.append(errorFor('*', 'p'));
    return li;
  }

  /** The form: every system unless some are chosen, from the next full hour for two hours unless changed. */
  open() {
    const msg = this.page.msg;
    const form = el('form', 'oc-form window-form');
    form.id = 'window-form';
    form.noValidate = true;
    form.dataset.scope = 'window-form';
    const hour = Math.ceil(Date.now() / 3600_000) * 3600_000;
    const all = check(msg, 'allSystems', 'oc.window.all', true);
    const choices = systemChoices(msg, 'systems', this.data.systems, [], null, null);
    const systems = el('fieldset', 'systems-field');
    systems.append(words('legend', '', msg, 'oc.window.systems'), all, choices, errorFor('systems'));
    const shown = () => choices.classList.toggle('hidden', all.querySelector('input').checked);
    all.querySelector('input').onchange = shown;
    shown();
    const reason = input('reason');
    reason.maxLength = 500;
    form.append(words('h3', '', msg, 'oc.window.newTitle'), systems,
        field(msg, 'oc.window.startsAt', input('startsAt', 'datetime-local', hanoiLocal(new Date(hour).toISOString()))),
        field(msg, 'oc.window.endsAt', input('endsAt', 'datetime-local', hanoiLocal(new Date(hour + 7_200_000).toISOString()))),
        check(msg, 'weekly', 'oc.window.weeklyCheck', false), field(msg, 'oc.window.reason', reason, 'oc.window.reasonHint'),
        formButtons(msg, () => this.close()), errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save(form);
    };
    this.form = form;
    this.render(this.data, this.manage);
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.render(this.data, this.manage);
  }

  async save(form) {
    const every = form.allSystems.checked;
    const chosen = checked(form, 'systems');
    const body = {systems: every ? [] : chosen, weekly: form.weekly.checked};
    for (const name of ['startsAt', 'endsAt']) {
      if (form[name].value) body[name] = hanoiInstant(form[name].value);
    }
    if (form.reason.value.trim()) body.reason = form.reason.value.trim();
    // No system chosen would mean every system to the node: the page asks rather than guess.
    const call = !every && !chosen.length
      ? async () => ({status: 400, body: {error: 'validation_failed', details: [{field: 'systems', reason: 'is required'}]}})
      : () => apiPost(this.page.token, WINDOWS, body);
    const done = await attempt(this.page.msg, form, 'window', call, [201]);
    if (!done) return;
    this.form = null;
    await this.changed();
  }

  async remove(w, li) {
    const done = await attempt(this.page.msg, li, 'window', () => apiDelete(this.page.token, `${WINDOWS}/${w.id}`), [204, 404]);
    if (done) await this.changed();
  }
}
