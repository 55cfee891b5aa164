// The admin page's silences (README: Admin pages): the active ones (what they match, why, by whom, until when); an sre
// silences alerts by rule, kind, subject (a system or an agency, picked from the city's) and severity, for a number of
// minutes or until a time (30 days at most: the node refuses longer, the refusal shown beside the field), and ends one
// now. Matching alerts are still recorded, only not pushed. An admin reads them.
import {api, apiDelete, apiPost} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, errorFor, field, forget, hanoiInstant, hanoiLocal, input, select, showRefusals, when,
  words} from './oncall-form.js';
import {ALERTING, KINDS, SEVERITIES, cityReference, mayManageAlerts, subjectName} from './admin-alerting.js';

const SILENCES = '/api/v1/silences';

export async function mount(root, page) {
  const panel = new SilencesPanel(root, page);
  await panel.load();
  return panel;
}

class SilencesPanel {
  constructor(root, page) {
    this.page = page;
    this.manage = mayManageAlerts(page.me);
    this.silences = [];
    this.rules = [];
    this.form = null;
    this.hint = words('p', 'hint', page.msg, 'adm.silences.hint');
    this.error = el('p', 'error');
    this.error.setAttribute('role', 'alert');
    this.list = el('ul', 'oc-list silences');
    this.list.id = 'silences';
    this.editor = el('div', 'silence-editor');
    this.editor.id = 'silence-editor';
    this.subjects = el('datalist');
    this.subjects.id = 'silence-subjects';
    root.append(this.hint, this.error, this.list, this.editor, this.subjects);
  }

  async load() {
    try {
      const [silences, rules, ref] = await Promise.all([api(this.page.token, SILENCES),
        api(this.page.token, '/api/v1/alert-rules'), cityReference(this.page)]);
      this.silences = silences.items;
      this.rules = rules.items;
      this.ref = ref;
      this.failed = null;
    } catch (e) {
      console.info('silences', e.message);
      this.failed = e.status || 'network';
      setTimeout(() => this.load(), 5000);
    }
    this.render();
  }

  render() {
    const msg = this.page.msg;
    this.hint.textContent = msg.t('adm.silences.hint');
    this.error.textContent = this.failed ? msg.t('adm.alert.loadFailed', this.failed) : '';
    if (!this.ref) return;
    this.subjects.replaceChildren(...[...this.ref.systems, ...this.ref.agencies].map(s => {
      const o = el('option', '', `${msg.name(s)} (${s.code})`);
      o.value = s.code;
      return o;
    }));
    this.list.replaceChildren(...this.silences.map(s => this.item(msg, s)));
    if (!this.silences.length) this.list.append(words('li', 'hint', msg, 'adm.silences.none'));
    const add = this.manage && !this.form ? button(msg, 'add-silence', 'adm.silences.add', () => this.open(), 'primary') : '';
    this.editor.replaceChildren(...[add, this.form].filter(Boolean));
    if (this.form) msg.apply(this.form);
    showRefusals(msg);
  }

  item(msg, s) {
    const li = el('li', 'oc-item silence');
    li.dataset.silence = s.id;
    li.dataset.scope = `silence:${s.id}`;
    const head = el('div', 'item-head');
    head.append(el('strong', 'item-name', s.reason), el('span', 'badge silence-until', msg.t('adm.silences.until', when(msg, s.endsAt))));
    const facts = el('dl', 'facts');
    const fact = (key, text, name) => {
      const dd = el('dd', '', text);
      dd.dataset.fact = name;
      facts.append(el('dt', '', msg.t(key)), dd);
    };
    if (s.rule) fact('adm.silences.f.rule', s.rule, 'rule');
    if (s.kind) fact('adm.silences.f.kind', msg.t(`adm.rules.kind.${s.kind}`), 'kind');
    if (s.subject) fact('adm.silences.f.subject', subjectName(msg, this.ref, s.subject), 'subject');
    if (s.severity) fact('adm.silences.f.severity', msg.t(`adm.alert.severity.${s.severity}`), 'severity');
    fact('adm.silences.from', msg.t('adm.silences.by', when(msg, s.startsAt), s.createdBy), 'startsAt');
    fact('adm.silences.ends', when(msg, s.endsAt), 'endsAt');
    li.append(head, facts);
    if (this.manage) {
      const actions = el('div', 'item-actions');
      actions.append(button(msg, 'end', 'adm.silences.end', () => this.end(s, li), 'danger'));
      li.append(actions);
    }
    li.append(errorFor('*', 'p'));
    return li;
  }

  /** The form: any rule, kind, subject and severity unless chosen; for an hour unless changed. */
  open() {
    const msg = this.page.msg;
    const form = el('form', 'oc-form silence-form');
    form.id = 'silence-form';
    form.noValidate = true;
    form.dataset.scope = 'silence-form';
    const any = [['', 'adm.silences.any']];
    const subject = input('subject');
    subject.setAttribute('list', 'silence-subjects');
    const minutes = input('durationMinutes', 'text', '60');
    minutes.inputMode = 'numeric';
    const endBy = select(msg, 'endBy', [['duration', 'adm.silences.byDuration'], ['time', 'adm.silences.byTime']], 'duration');
    const duration = field(msg, 'adm.silences.f.durationMinutes', minutes, 'adm.silences.maxHint');
    const until = field(msg, 'adm.silences.f.endsAt', input('endsAt', 'datetime-local',
        hanoiLocal(new Date(Date.now() + 7_200_000).toISOString())), 'adm.silences.maxHint');
    const shown = () => {
      duration.classList.toggle('hidden', endBy.value !== 'duration');
      until.classList.toggle('hidden', endBy.value === 'duration');
    };
    endBy.onchange = shown;
    shown();
    const reason = input('reason');
    reason.maxLength = 1000;
    form.append(words('h3', '', msg, 'adm.silences.newTitle'),
        field(msg, 'adm.silences.f.rule', select(msg, 'rule', [...any, ...this.rules.map(r => [r.code, r.code, true])], '')),
        field(msg, 'adm.silences.f.kind', select(msg, 'kind', [...any, ...KINDS.map(k => [k, `adm.rules.kind.${k}`])], '')),
        field(msg, 'adm.silences.f.subject', subject, 'adm.silences.subjectHint'),
        field(msg, 'adm.silences.f.severity', select(msg, 'severity', [...any, ...SEVERITIES.map(s => [s, `adm.alert.severity.${s}`])], '')),
        field(msg, 'adm.silences.f.endBy', endBy), duration, until,
        field(msg, 'adm.silences.f.reason', reason, 'adm.silences.reasonHint'));
    const buttons = el('div', 'form-buttons');
    const save = words('button', 'primary', msg, 'adm.silences.save');
    save.type = 'submit';
    save.dataset.action = 'save';
    buttons.append(save, button(msg, 'cancel', 'oc.cancel', () => this.close()));
    form.append(buttons, errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save(form);
    };
    this.form = form;
    this.render();
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.render();
  }

  /** The form as the node's body: the matchers chosen, the end as minutes or an instant (Hanoi time), the reason. */
  body(form) {
    const body = {};
    for (const name of ['rule', 'kind', 'subject', 'severity']) {
      const value = form[name].value.trim();
      if (value) body[name] = value;
    }
    if (form.endBy.value === 'duration') {
      const text = form.durationMinutes.value.trim();
      const n = Number(text);
      body.durationMinutes = text && Number.isFinite(n) ? n : text;
    } else if (form.endsAt.value) {
      body.endsAt = hanoiInstant(form.endsAt.value);
    }
    const reason = form.reason.value.trim();
    if (reason) body.reason = reason;
    return body;
  }

  async save(form) {
    const body = this.body(form);
    // An end time chosen but left empty: the page says so by that field rather than the node's "exactly one of".
    const call = form.endBy.value === 'time' && !body.endsAt
      ? async () => ({status: 400, body: {error: 'validation_failed', details: [{field: 'endsAt', reason: 'is required'}]}})
      : () => apiPost(this.page.token, SILENCES, body);
    const done = await attempt(this.page.msg, form, 'silence', call, [201], null, ALERTING);
    if (!done) return;
    forget(form);
    this.form = null;
    await this.load();
  }

  async end(s, li) {
    const done = await attempt(this.page.msg, li, 'silence',
        () => apiDelete(this.page.token, `${SILENCES}/${s.id}`), [204, 409], null, ALERTING);
    if (done) await this.load();
  }
}
