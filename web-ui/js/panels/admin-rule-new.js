// The admin page's new alert rule (POST /api/v1/alert-rules, sre): its code, kind, and what the kind watches — a
// system, an agency, a district or the whole city, picked from the city's (every one when left empty) — then the
// fields the kind uses (admin-rule-fields.js: only those), and an optional webhook (URL, body format, secret). A
// taken code (409), an unknown subject (422) and every validation problem (400) are shown beside their field in the
// page's language; nothing is stored when refused.
import {apiPost} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, errorFor, field, input, select, words} from './oncall-form.js';
import {ALERTING, KINDS} from './admin-alerting.js';
import {kindBody, kindFields} from './admin-rule-fields.js';

const RULES = '/api/v1/alert-rules';
/** A taken code is the code field's refusal. */
const RULE_WORDS = {...ALERTING, fieldOfCode: {conflict: 'code'}};
const SYSTEM_KINDS = new Set(['system_down', 'system_degraded', 'latency_high']);
const CITY_KINDS = new Set(['feedback_overdue_above', 'kpi_drop_rate']);
/** What a new rule of each kind starts with (the node's defaults, and the seeded rules' usual thresholds). */
const STARTING = {severity: 'warning', forSeconds: 60, clearSeconds: 60, reopenSeconds: 600};

export class NewRuleForm {
  /** {@code ref}: the city's systems and agencies; {@code created(rule)}, {@code cancel()}: when done. */
  constructor(page, ref, created, cancel) {
    this.page = page;
    this.ref = ref;
    this.created = created;
    const msg = page.msg;
    const form = el('form', 'oc-form rule-form new-rule');
    form.id = 'new-rule-form';
    form.noValidate = true;
    form.dataset.scope = 'new-rule';
    const code = input('code');
    code.maxLength = 100;
    const kind = select(msg, 'kind', KINDS.map(k => [k, `adm.rules.kind.${k}`]), 'latency_high');
    kind.onchange = () => this.kindChanged();
    this.varying = el('div', 'kind-fields');
    this.agencies = el('datalist');
    this.agencies.id = 'rule-agencies';
    const url = input('webhookUrl', 'url');
    url.inputMode = 'url';
    const secret = input('webhookSecret', 'password');
    secret.autocomplete = 'new-password';
    const webhook = el('fieldset', 'webhook');
    webhook.append(words('legend', '', msg, 'adm.rules.webhook'),
        field(msg, 'adm.rules.f.webhookUrl', url, 'adm.rules.webhookUrlHint'),
        field(msg, 'adm.rules.f.webhookFormat', select(msg, 'webhookFormat',
            [['cityops', 'adm.rules.format.cityops'], ['alertmanager', 'adm.rules.format.alertmanager']], 'cityops')),
        field(msg, 'adm.rules.f.webhookSecret', secret, 'adm.rules.webhookSecretHint'));
    const buttons = el('div', 'form-buttons');
    const save = words('button', 'primary', msg, 'adm.rules.create');
    save.type = 'submit';
    save.dataset.action = 'save';
    buttons.append(save, button(msg, 'cancel', 'oc.cancel', cancel));
    form.append(words('h3', '', msg, 'adm.rules.newTitle'), words('p', 'hint', msg, 'adm.rules.newHint'),
        field(msg, 'adm.rules.f.code', code, 'adm.rules.codeHint'),
        field(msg, 'adm.rules.f.kind', kind), this.varying, webhook, this.agencies, buttons, errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save();
    };
    this.form = form;
    this.kindChanged();
  }

  /** The subject and the kind's fields for the kind now chosen; what was typed in a field both kinds have stays. */
  kindChanged() {
    const msg = this.page.msg;
    const kind = this.form.kind.value;
    const typed = {...STARTING};
    this.varying.querySelectorAll('input, select').forEach(i => {
      if (i.name !== 'subject') typed[i.name] = i.value;
    });
    this.varying.replaceChildren(field(msg, 'adm.rules.f.subject', this.subject(msg, kind), `adm.rules.subjectHint.${kind}`),
        ...kindFields(msg, kind, typed));
  }

  /** The subject's control: a list of systems, districts or the city; an agency (633 of them) typed with suggestions. */
  subject(msg, kind) {
    if (kind === 'agency_on_time_below') {
      const i = input('subject');
      i.setAttribute('list', this.agencies.id);
      if (!this.agencies.children.length) this.agencies.append(...this.ref.agencies.map(a => this.option(msg, a)));
      return i;
    }
    const every = [['', `adm.rules.every.${kind}`]];
    if (CITY_KINDS.has(kind)) return select(msg, 'subject', [...every, ['HN', 'adm.alert.city']], '');
    const choices = SYSTEM_KINDS.has(kind) ? this.ref.systems : this.ref.agencies.filter(a => a.level === 'district');
    const s = select(msg, 'subject', every, '');
    s.append(...choices.map(c => this.option(msg, c)));
    return s;
  }

  option(msg, thing) {
    const o = el('option', '', `${msg.name(thing)} (${thing.code})`);
    o.value = thing.code;
    o.dataset.code = thing.code;
    return o;
  }

  /** After a language switch: the names of systems, agencies and districts in the page's language. */
  render(msg) {
    msg.apply(this.form);
    const all = [...this.ref.systems, ...this.ref.agencies];
    this.form.querySelectorAll('option[data-code]').forEach(o => {
      const thing = all.find(x => x.code === o.dataset.code);
      if (thing) o.textContent = `${msg.name(thing)} (${thing.code})`;
    });
  }

  /** The form as the node's body: empty fields left out, so the node's defaults apply. */
  body() {
    const form = this.form;
    const kind = form.kind.value;
    const body = {code: form.code.value.trim(), kind, ...kindBody(form, kind, true)};
    const subject = form.subject.value.trim();
    if (subject) body.subject = subject;
    const url = form.webhookUrl.value.trim();
    if (url) {
      body.webhookUrl = url;
      body.webhookFormat = form.webhookFormat.value;
    }
    if (form.webhookSecret.value) body.webhookSecret = form.webhookSecret.value;
    return body;
  }

  async save() {
    const done = await attempt(this.page.msg, this.form, this.form.kind.value,
        () => apiPost(this.page.token, RULES, this.body()), [201], null, RULE_WORDS);
    if (done) this.created(done.body);
  }
}
