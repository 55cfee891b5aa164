// The admin page's alert rules (README: Admin pages): every rule with what it watches, its thresholds and timings and
// whether it is on; an sre edits thresholds and timings (each refusal beside its field, in the page's language; nothing
// is saved when refused), turns a rule off or on, and tests it against the last hour, as stored or as edited and not
// saved yet (POST /api/v1/alert-rules/:id/test). An admin reads them. Every change is the node's PATCH.
import {api, apiPatch, apiPost} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, errorFor, field, forget, input, select, showRefusals, words} from './oncall-form.js';
import {ALERTING, KINDS, SEVERITIES, cityReference, mayManageAlerts, subjectName} from './admin-alerting.js';
import {ruleValue, testResult} from './admin-rule-test.js';

const RULES = '/api/v1/alert-rules';
const BINARY = new Set(['system_down', 'system_degraded']);
const WINDOWED = new Set(['agency_on_time_below', 'kpi_drop_rate']);
const TIMINGS = ['forSeconds', 'clearSeconds', 'reopenSeconds', 'escalateAfterSeconds'];

export async function mount(root, page) {
  const panel = new RulesPanel(root, page);
  await panel.load();
  return panel;
}

/** What a form's text field says as the API's number: '' → null, 1,5 → 1.5; what is no number is sent as typed. */
function number(text) {
  const t = text.trim().replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

class RulesPanel {
  constructor(root, page) {
    this.root = root;
    this.page = page;
    this.manage = mayManageAlerts(page.me);
    this.rules = [];
    this.kind = '';
    this.editing = null;
    this.form = null;
    this.tests = new Map();
    this.hint = words('p', 'hint', page.msg, this.manage ? 'adm.rules.hint' : 'adm.rules.readOnly');
    this.filter = el('div', 'rule-filter');
    const options = [['', 'adm.rules.allKinds'], ...KINDS.map(k => [k, `adm.rules.kind.${k}`])];
    const kinds = select(page.msg, 'kind', options, '');
    kinds.onchange = () => {
      this.kind = kinds.value;
      this.render();
    };
    this.filter.append(field(page.msg, 'adm.rules.filter', kinds));
    this.list = el('ul', 'oc-list rules');
    this.list.id = 'rules';
    this.error = el('p', 'error');
    this.error.setAttribute('role', 'alert');
    root.append(this.hint, this.filter, this.error, this.list);
  }

  async load() {
    try {
      const [rules, ref] = await Promise.all([api(this.page.token, RULES), cityReference(this.page)]);
      this.rules = rules.items;
      this.ref = ref;
      this.failed = null;
    } catch (e) {
      console.info('alert rules', e.message);
      this.failed = e.status || 'network';
      setTimeout(() => this.load(), 5000);
    }
    this.render();
  }

  render() {
    const msg = this.page.msg;
    this.error.textContent = this.failed ? msg.t('adm.alert.loadFailed', this.failed) : '';
    msg.apply(this.filter);
    this.hint.textContent = msg.t(this.hint.dataset.i18n);
    if (!this.ref) return;
    const shown = this.rules.filter(r => !this.kind || r.kind === this.kind);
    this.list.replaceChildren(...shown.map(r => this.item(msg, r)));
    if (!shown.length) this.list.append(words('li', 'hint', msg, 'adm.rules.none'));
    if (this.form) msg.apply(this.form);
    showRefusals(msg);
  }

  item(msg, r) {
    const li = el('li', `oc-item rule${r.enabled ? '' : ' disabled'}`);
    li.dataset.rule = r.code;
    li.dataset.scope = `rule:${r.id}`;
    const head = el('div', 'item-head');
    head.append(el('strong', 'item-name', r.code), el('span', 'badge kind', msg.t(`adm.rules.kind.${r.kind}`)),
        el('span', `badge ${r.severity}`, msg.t(`adm.alert.severity.${r.severity}`)),
        el('span', `badge state ${r.enabled ? 'on' : 'off'}`, msg.t(r.enabled ? 'adm.rules.enabled' : 'adm.rules.disabled')));
    const facts = el('dl', 'facts');
    const fact = (key, text, name) => {
      const dd = el('dd', '', text);
      dd.dataset.fact = name;
      facts.append(el('dt', '', msg.t(key)), dd);
    };
    fact('adm.rules.subject', r.subject ? subjectName(msg, this.ref, r.subject) : msg.t(`adm.rules.every.${r.kind}`), 'subject');
    if (!BINARY.has(r.kind)) fact('adm.rules.threshold', this.threshold(msg, r), 'threshold');
    if (r.windowMinutes) fact('adm.rules.window', msg.duration(r.windowMinutes * 60_000), 'windowMinutes');
    fact('adm.rules.timings', this.timings(msg, r), 'timings');
    li.append(head, facts);
    if (this.manage) {
      const actions = el('div', 'item-actions');
      if (this.editing !== r.id) actions.append(button(msg, 'edit', 'adm.rules.edit', () => this.open(r)));
      actions.append(button(msg, 'toggle', r.enabled ? 'adm.rules.disable' : 'adm.rules.enable', () => this.toggle(r, li),
          r.enabled ? 'danger' : 'primary'));
      if (this.editing !== r.id) actions.append(button(msg, 'test', 'adm.rules.test', () => this.test(r, li, null)));
      li.append(actions);
    }
    li.append(errorFor('*', 'p'));
    if (this.editing === r.id && this.form) li.append(this.form);
    const tested = this.tests.get(r.id);
    if (tested) li.append(testResult(msg, this.ref, r.kind, tested.answer, tested.edited));
    return li;
  }

  threshold(msg, r) {
    const way = r.kind === 'agency_on_time_below' ? 'below' : 'above';
    if (r.threshold === null || r.threshold === undefined) return msg.t('noData');
    return r.clearThreshold === null || r.clearThreshold === undefined
      ? msg.t(`adm.rules.fires.${way}`, ruleValue(msg, r.kind, r.threshold))
      : msg.t(`adm.rules.firesClears.${way}`, ruleValue(msg, r.kind, r.threshold), ruleValue(msg, r.kind, r.clearThreshold));
  }

  /** "báo sau 5 phút · hết sau 1 phút ổn định · …"; a zero said in words of its own ("báo ngay"). */
  timings(msg, r) {
    const said = (key, s) => (s ? msg.t(key, msg.duration(s * 1000)) : msg.t(`${key}.zero`));
    return [said('adm.rules.for', r.forSeconds), said('adm.rules.clear', r.clearSeconds),
      said('adm.rules.reopen', r.reopenSeconds), said('adm.rules.escalate', r.escalateAfterSeconds)].join(' · ');
  }

  /** The edit form of rule {@code r}: severity, thresholds (not for down/degraded), window (KPI rates), timings. */
  open(r) {
    const msg = this.page.msg;
    if (this.form) forget(this.form);
    const form = el('form', 'oc-form rule-form');
    form.noValidate = true;
    form.dataset.scope = `rule-form:${r.id}`;
    form.dataset.rule = r.code;
    const text = (name, value) => {
      const i = input(name, 'text', value === null || value === undefined ? '' : String(value));
      i.inputMode = 'decimal';
      return i;
    };
    form.append(words('h3', '', msg, 'adm.rules.editTitle'),
        field(msg, 'adm.rules.f.severity', select(msg, 'severity', SEVERITIES.map(s => [s, `adm.alert.severity.${s}`]), r.severity)));
    if (!BINARY.has(r.kind)) {
      form.append(field(msg, 'adm.rules.f.threshold', text('threshold', r.threshold), `adm.rules.unitHint.${r.kind}`),
          field(msg, 'adm.rules.f.clearThreshold', text('clearThreshold', r.clearThreshold), `adm.rules.clearHint.${r.kind}`));
    }
    if (WINDOWED.has(r.kind)) form.append(field(msg, 'adm.rules.f.windowMinutes', text('windowMinutes', r.windowMinutes)));
    for (const name of TIMINGS) form.append(field(msg, `adm.rules.f.${name}`, text(name, r[name])));
    const buttons = el('div', 'form-buttons');
    const save = words('button', 'primary', msg, 'oc.save');
    save.type = 'submit';
    save.dataset.action = 'save';
    buttons.append(save, button(msg, 'test-edited', 'adm.rules.testEdited', () => this.test(r, form, this.edited(form, r))),
        button(msg, 'cancel', 'oc.cancel', () => this.close()));
    form.append(buttons, errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save(r, form);
    };
    this.form = form;
    this.editing = r.id;
    this.render();
    form.querySelector('input, select')?.focus();
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.editing = null;
    this.render();
  }

  /** The form's fields as an update's body. */
  edited(form, r) {
    const body = {severity: form.severity.value};
    const names = [...(BINARY.has(r.kind) ? [] : ['threshold', 'clearThreshold']),
      ...(WINDOWED.has(r.kind) ? ['windowMinutes'] : []), ...TIMINGS];
    for (const name of names) body[name] = number(form[name].value);
    return body;
  }

  async save(r, form) {
    const done = await attempt(this.page.msg, form, r.kind,
        () => apiPatch(this.page.token, `${RULES}/${r.id}`, this.edited(form, r)), [200], null, ALERTING);
    if (!done) return;
    this.replace(done.body);
    this.close();
  }

  async toggle(r, li) {
    const done = await attempt(this.page.msg, li, r.kind,
        () => apiPatch(this.page.token, `${RULES}/${r.id}`, {enabled: !r.enabled}), [200], null, ALERTING);
    if (!done) return;
    this.replace(done.body);
    this.render();
  }

  /** Tests rule {@code r} against the last hour, with {@code body} (unsaved changes) or as stored (null). */
  async test(r, scope, body) {
    const done = await attempt(this.page.msg, scope, r.kind,
        () => apiPost(this.page.token, `${RULES}/${r.id}/test`, body || {}), [200], null, ALERTING);
    if (!done) return;
    this.tests.set(r.id, {answer: done.body, edited: Boolean(body)});
    this.render();
  }

  replace(rule) {
    this.rules = this.rules.map(x => (x.id === rule.id ? rule : x));
  }
}
