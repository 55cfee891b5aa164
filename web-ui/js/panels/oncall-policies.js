// Escalation policies: ordered steps, each some minutes after the one before (sent as ISO-8601 durations, PT5M),
// paging the primary or secondary on call, the team lead or a named person; the whole policy again every so often
// (repeats), a reminder to whoever acknowledged. Create, edit, delete; a policy a team pages by cannot be deleted
// (409 policy_in_use): the page names those teams.
import {apiDelete, apiPost, apiPut} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, confirming, duration, errorFor, field, forget, input, minutes, select, signButton,
  words, EditableList} from './oncall-form.js';
import {formButtons} from './oncall-teams.js';

const POLICIES = '/api/v1/oncall/policies';
const TARGETS = ['primary', 'secondary', 'lead', 'user'];

export class PoliciesPanel extends EditableList {
  constructor(list, editor, page, changed) {
    super('policies', 'policy', list, editor, page, changed);
  }

  item(msg, policy) {
    const li = el('li', 'oc-item policy');
    li.dataset.policy = policy.code;
    li.dataset.scope = `policy:${policy.code}`;
    const head = el('div', 'item-head');
    head.append(el('strong', 'item-name', policy.name), el('code', '', policy.code));
    const steps = el('ol', 'steps-summary');
    for (const s of policy.steps) {
      const after = minutes(s.after);
      const li2 = el('li', '', `${after ? msg.t('oc.step.afterShown', msg.dec(after).replace(/[,.]0$/, '')) : msg.t('oc.step.atOnce')} → ${
        s.target === 'user' ? msg.t('oc.target.userNamed', s.username) : msg.t(`oc.target.${s.target}`)}`);
      li2.dataset.target = s.target;
      steps.append(li2);
    }
    const facts = el('p', 'policy-facts');
    facts.append(policy.repeatEvery && policy.repeats
        ? msg.t('oc.policy.repeatsShown', number(msg, minutes(policy.repeatEvery)), msg.int(policy.repeats))
        : msg.t('oc.policy.noRepeat'), ' · ', policy.remindEvery
        ? msg.t('oc.policy.remindShown', number(msg, minutes(policy.remindEvery))) : msg.t('oc.policy.noRemind'));
    const users = this.data.teams.filter(t => t.policy === policy.code);
    const used = el('p', 'hint policy-used', users.length
        ? msg.t('oc.policy.usedBy', users.map(t => msg.name(t)).join(', ')) : msg.t('oc.policy.unused'));
    li.append(head, steps, facts, used);
    if (this.manage) {
      const actions = el('div', 'item-actions');
      actions.append(button(msg, 'edit', 'oc.edit', () => this.open(policy)));
      const remove = button(msg, 'delete', 'oc.delete', null, 'danger');
      remove.onclick = confirming(() => this.page.msg, remove, 'oc.confirmDelete', () => this.remove(policy, li));
      actions.append(remove);
      li.append(actions);
    }
    li.append(errorFor('*', 'p'));
    return li;
  }

  open(policy) {
    const msg = this.page.msg;
    const form = el('form', 'oc-form policy-form');
    form.id = 'policy-form';
    form.noValidate = true;
    form.dataset.scope = 'policy-form';
    form.dataset.editing = policy ? policy.code : '';
    const code = input('code', 'text', policy?.code);
    code.disabled = Boolean(policy);
    code.placeholder = 'cong-dvc-mac-dinh';
    const steps = el('ol', 'steps');
    const box = el('fieldset', 'steps-field');
    box.append(words('legend', '', msg, 'oc.policy.steps'), words('p', 'hint', msg, 'oc.policy.stepsHint'), steps,
        button(msg, 'add-step', 'oc.policy.addStep', () => {
          steps.append(this.step(msg, {after: 'PT5M', target: 'lead'}, steps));
          renumber(steps);
        }), errorFor('steps'));
    (policy?.steps || [{after: 'PT0S', target: 'primary'}]).forEach(s => steps.append(this.step(msg, s, steps)));
    renumber(steps);
    const timing = el('div', 'policy-timing');
    timing.append(
        field(msg, 'oc.policy.repeatEvery', number0('repeatEvery', minutes(policy?.repeatEvery)), 'oc.policy.repeatEveryHint'),
        field(msg, 'oc.policy.repeats', number0('repeats', policy?.repeats ?? 0, '1')),
        field(msg, 'oc.policy.remindEvery', number0('remindEvery', minutes(policy?.remindEvery)), 'oc.policy.remindEveryHint'));
    const title = policy ? el('h3', '', msg.t('oc.policy.editTitle', policy.name)) : words('h3', '', msg, 'oc.policy.newTitle');
    form.append(title, field(msg, 'oc.policy.code', code, policy ? null : 'oc.policy.codeHint'),
        field(msg, 'oc.policy.name', input('name', 'text', policy?.name)), box, timing,
        formButtons(msg, () => this.close()), errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save(form, policy);
    };
    if (this.form) forget(this.form);
    this.form = form;
    this.render(this.data, this.manage);
    form.querySelector(policy ? 'input[name="name"]' : 'input[name="code"]').focus();
  }

  /** One step's row: its delay in minutes, its target (a named person's username shown for "user"), ↑ ↓ ✕. */
  step(msg, s, steps) {
    const li = el('li', 'step');
    const after = number0('after', minutes(s.after));
    const target = select(msg, 'target', TARGETS.map(t => [t, `oc.target.${t}`]), s.target);
    const who = input('username', 'text', s.username);
    who.setAttribute('list', 'people');
    const whoField = field(msg, 'oc.step.username', who);
    const shown = () => whoField.classList.toggle('hidden', target.value !== 'user');
    target.onchange = shown;
    shown();
    const moves = el('div', 'step-moves');
    moves.append(signButton(msg, 'up', '↑', 'oc.moveUp', () => { li.previousElementSibling?.before(li); renumber(steps); }),
        signButton(msg, 'down', '↓', 'oc.moveDown', () => { li.nextElementSibling?.after(li); renumber(steps); }),
        signButton(msg, 'remove', '✕', 'oc.policy.removeStep', () => { li.remove(); renumber(steps); }));
    li.append(el('span', 'position'), field(msg, 'oc.step.after', after, 'oc.step.afterHint'),
        field(msg, 'oc.step.target', target), whoField, moves);
    return li;
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.render(this.data, this.manage);
  }

  async save(form, policy) {
    const rows = [...form.querySelectorAll('li.step')];
    const body = {name: form.name.value.trim(), steps: rows.map(row => {
      const step = {after: duration(row.querySelector('[data-part="after"]').value),
        target: row.querySelector('[data-part="target"]').value};
      const who = row.querySelector('[data-part="username"]').value.trim();
      if (step.target === 'user' && who) step.username = who;
      return step;
    }), repeats: whole(form.repeats.value), repeatEvery: duration(form.repeatEvery.value) || null,
    remindEvery: duration(form.remindEvery.value) || null};
    if (!policy && form.code.value.trim()) body.code = form.code.value.trim();
    const token = this.page.token;
    const done = await attempt(this.page.msg, form, 'policy', () => policy
        ? apiPut(token, `${POLICIES}/${encodeURIComponent(policy.code)}`, body) : apiPost(token, POLICIES, body),
    policy ? [200] : [201], answer => stepOfUsername(answer, body.steps));
    if (!done) return;
    this.form = null;
    await this.changed();
  }

  async remove(policy, li) {
    const msg = this.page.msg;
    const users = this.data.teams.filter(t => t.policy === policy.code).map(t => msg.name(t)).join(', ');
    const done = await attempt(msg, li, 'policy',
        () => apiDelete(this.page.token, `${POLICIES}/${encodeURIComponent(policy.code)}`), [204, 404],
        answer => answer.body?.error === 'policy_in_use'
          ? {status: answer.status, body: {...answer.body, details: [{field: '*', value: users}]}} : answer);
    if (done) await this.changed();
  }
}

/** Names the step fields steps.<i>.<part> in their order (so a refusal of steps.1.after lands on the second). */
function renumber(steps) {
  [...steps.children].forEach((li, i) => {
    li.querySelector('.position').textContent = `${i + 1}.`;
    for (const control of li.querySelectorAll('input, select')) {
      const part = control.dataset.part || control.name;
      control.dataset.part = part;
      control.name = `steps.${i}.${part}`;
      control.closest('.field').querySelector('[data-error-for]').dataset.errorFor = control.name;
    }
    li.querySelector('[data-action="up"]').disabled = i === 0;
    li.querySelector('[data-action="down"]').disabled = i === steps.children.length - 1;
  });
}

/**
 * The node names an unknown person of a step as steps.username with the name as its value: the page puts it on
 * the step that names that person.
 */
function stepOfUsername(answer, steps) {
  const details = answer.body?.details;
  if (!Array.isArray(details)) return answer;
  return {status: answer.status, body: {...answer.body, details: details.map(d => {
    if (d.field !== 'steps.username') return d;
    const i = steps.findIndex(s => s.username === d.value);
    return i < 0 ? d : {...d, field: `steps.${i}.username`};
  })}};
}

function number0(name, value, step = 'any') {
  const e = input(name, 'number', value === '' ? '' : String(value));
  e.min = '0';
  e.step = step;
  e.inputMode = step === 'any' ? 'decimal' : 'numeric';
  return e;
}

function number(msg, n) {
  return msg.dec(n).replace(/[,.]0$/, '');
}

/** A whole number typed in a form (0 when empty); what is not one is sent as typed, for the node to refuse. */
function whole(text) {
  const t = String(text).trim();
  if (!t) return 0;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
