// The admin page's alert rules (README: Admin pages): every rule with what it watches, its thresholds and timings and
// whether it is on; an sre creates one (admin-rule-new.js), edits thresholds and timings (each refusal beside its
// field, in the page's language; nothing is saved when refused), turns a rule off or on, tests it against the last
// hour, as stored or as edited and not saved yet (POST /api/v1/alert-rules/:id/test), and deletes it after a confirm
// step that says its open alerts are resolved. An admin reads them. Every change is the node's.
import {api, apiDelete, apiPatch, apiPost} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, errorFor, field, forget, select, showRefusals, words} from './oncall-form.js';
import {ALERTING, KINDS, cityReference, mayManageAlerts, subjectName} from './admin-alerting.js';
import {ruleValue, testResult} from './admin-rule-test.js';
import {BINARY, kindBody, kindFields} from './admin-rule-fields.js';
import {NewRuleForm} from './admin-rule-new.js';

const RULES = '/api/v1/alert-rules';

export async function mount(root, page) {
  const panel = new RulesPanel(root, page);
  await panel.load();
  return panel;
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
    /** The rule whose delete button was pressed, waiting for the confirm. */
    this.deleting = null;
    this.creating = null;
    this.editor = el('div', 'rule-editor');
    this.editor.id = 'rule-editor';
    root.append(this.hint, this.filter, this.error, this.list, this.editor);
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
    if (this.creating) this.creating.render(msg);
    const add = this.manage && !this.creating ? button(msg, 'add-rule', 'adm.rules.add', () => this.openNew(), 'primary') : '';
    this.editor.replaceChildren(...[add, this.creating?.form].filter(Boolean));
    showRefusals(msg);
  }

  openNew() {
    this.creating = new NewRuleForm(this.page, this.ref, rule => this.created(rule), () => this.closeNew());
    this.render();
    this.creating.form.querySelector('input')?.focus();
  }

  closeNew() {
    if (this.creating) forget(this.creating.form);
    this.creating = null;
    this.render();
  }

  created(rule) {
    this.rules = [...this.rules, rule].sort((a, b) => a.code.localeCompare(b.code));
    this.closeNew();
    this.list.querySelector(`li[data-rule="${CSS.escape(rule.code)}"]`)?.scrollIntoView({block: 'nearest'});
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
      if (this.deleting !== r.id) actions.append(button(msg, 'delete', 'adm.rules.delete', () => this.askDelete(r), 'danger'));
      li.append(actions);
      if (this.deleting === r.id) li.append(this.deleteConfirm(msg, r, li));
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
    form.append(words('h3', '', msg, 'adm.rules.editTitle'), ...kindFields(msg, r.kind, r));
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

  /** The form's fields as an update's body (an emptied field clears it). */
  edited(form, r) {
    return kindBody(form, r.kind, false);
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

  /** The confirm step of deleting rule {@code r}: what it does (its open alerts are resolved), delete or keep. */
  deleteConfirm(msg, r, li) {
    const box = el('div', 'rule-delete-confirm');
    box.setAttribute('role', 'alert');
    const buttons = el('div', 'form-buttons');
    buttons.append(button(msg, 'confirm-delete', 'adm.rules.deleteConfirm', () => this.remove(r, li), 'danger'),
        button(msg, 'cancel-delete', 'adm.rules.deleteKeep', () => this.askDelete(null)));
    box.append(el('p', 'confirm-text', msg.t('adm.rules.deleteQuestion', r.code)), buttons);
    return box;
  }

  askDelete(r) {
    this.deleting = r ? r.id : null;
    this.render();
    if (r) this.list.querySelector(`li[data-rule="${CSS.escape(r.code)}"] button[data-action='confirm-delete']`)?.focus();
  }

  async remove(r, li) {
    const done = await attempt(this.page.msg, li, r.kind,
        () => apiDelete(this.page.token, `${RULES}/${r.id}`), [204, 404], null, ALERTING);
    if (!done) return;
    this.deleting = null;
    if (this.editing === r.id) this.close();
    this.rules = this.rules.filter(x => x.id !== r.id);
    this.tests.delete(r.id);
    this.render();
  }

  replace(rule) {
    this.rules = this.rules.map(x => (x.id === rule.id ? rule : x));
  }
}
