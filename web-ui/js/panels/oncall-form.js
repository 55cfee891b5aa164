// What the on-call page's forms and lists share: labelled fields with the place their refusal is shown, buttons
// whose words follow the language switch (data-i18n), the systems as check boxes, Hanoi date-times and minutes as
// the API's ISO-8601 instants and durations, and the call that keeps a refusal to show it again after a re-render
// or a language switch. No state of the page's own: each panel holds its data.
import {el} from './dom.js';
import {clearProblems, showProblems} from './problems.js';

/** The on-call words: `oc.err.…`; steps.2.after is said as steps.after. */
export const ONCALL = {
  prefix: 'oc',
  fieldOfCode: {'conflict.team': 'code', 'conflict.policy': 'code', system_owned: 'systems',
    overlapping_cover: 'startsAt'},
  fieldKey: field => field.split('.').filter(part => !/^\d+$/.test(part)).join('.'),
};

/** Refusals by the scope they are shown in (its data-scope), kept until that scope's next call succeeds. */
const refusals = new Map();

/** Whether the signed-in person may change on-call settings (sre, admin); the node decides again on each call. */
export function mayManage(me) {
  return (me.roles || []).some(role => role === 'sre' || role === 'admin');
}

/**
 * Calls the API for the form or item {@code scope} (an element with data-scope); an answer other than
 * {@code expected} is shown by its fields (after {@code adjust}, which may add what only the page knows, such as
 * which team owns a system) and kept. Answers the answer when it is {@code expected}, null otherwise. {@code words}:
 * whose messages say the refusal (the on-call page's unless another page gives its own, as the admin page does).
 */
export async function attempt(msg, scope, variant, call, expected, adjust, words = ONCALL) {
  let answer;
  try {
    answer = await call();
  } catch (e) {
    console.info('on call', e.message);
    answer = {status: 0, body: {error: 'network'}};
  }
  const key = scope.dataset.scope;
  if (!expected.includes(answer.status)) {
    const shown = adjust ? adjust(answer) || answer : answer;
    refusals.set(key, {answer: shown, variant, words});
    showProblems(scope, msg, shown, variant, words);
    return null;
  }
  refusals.delete(key);
  clearProblems(scope);
  return answer;
}

/** Forgets the refusal shown in {@code scope} (a form closed or reset). */
export function forget(scope) {
  refusals.delete(scope.dataset.scope);
  clearProblems(scope);
}

/** Shows every kept refusal again in its scope: after a list is rebuilt or the language changed. */
export function showRefusals(msg) {
  for (const [key, {answer, variant, words}] of refusals) {
    const scope = document.querySelector(`[data-scope="${CSS.escape(key)}"]`);
    if (scope) showProblems(scope, msg, answer, variant, words);
    else refusals.delete(key);
  }
}

/** An element whose text is the message {@code key} (kept in step with the language by data-i18n). */
export function words(tag, className, msg, key) {
  const e = el(tag, className, msg.t(key));
  e.dataset.i18n = key;
  return e;
}

/** Where the refusal of {@code field} is shown ('*': what names no field of the form). */
export function errorFor(field, tag = 'span') {
  const e = el(tag, field === '*' ? 'error' : 'field-error');
  e.dataset.errorFor = field;
  if (field === '*') e.setAttribute('role', 'alert');
  return e;
}

/** A labelled control with its hint and the place of its refusal. */
export function field(msg, labelKey, control, hintKey, className) {
  const label = el('label', `field${className ? ` ${className}` : ''}`);
  label.append(words('span', '', msg, labelKey), control);
  if (hintKey) label.append(words('span', 'hint', msg, hintKey));
  label.append(errorFor(control.name));
  return label;
}

export function input(name, type = 'text', value = '') {
  const e = el('input');
  e.name = name;
  e.type = type;
  e.autocomplete = 'off';
  e.spellcheck = false;
  e.value = value ?? '';
  return e;
}

/** A select of [value, message key] (or [value, text, true] for a text that is not a message). */
export function select(msg, name, options, value) {
  const s = el('select');
  s.name = name;
  for (const [v, key, plain] of options) {
    const o = el('option', '', plain ? key : msg.t(key));
    if (!plain) o.dataset.i18n = key;
    o.value = v;
    s.append(o);
  }
  if (value !== undefined && value !== null) s.value = String(value);
  return s;
}

/** A check box and its words, as one 44 px target. */
export function check(msg, name, key, checked, value) {
  const label = el('label', 'check');
  const box = el('input');
  box.type = 'checkbox';
  box.name = name;
  if (value !== undefined) box.value = value;
  box.checked = Boolean(checked);
  label.append(box, key ? words('span', '', msg, key) : el('span'));
  return label;
}

export function button(msg, action, key, onClick, className) {
  const b = words('button', className || action, msg, key);
  b.type = 'button';
  b.dataset.action = action;
  b.onclick = onClick;
  return b;
}

/** A button showing only a sign (↑ ↓ ✕), named for screen readers and by its tooltip. */
export function signButton(msg, action, sign, labelKey, onClick) {
  const b = el('button', `sign ${action}`, sign);
  b.type = 'button';
  b.dataset.action = action;
  b.dataset.i18nLabel = labelKey;
  b.setAttribute('aria-label', msg.t(labelKey));
  b.title = msg.t(labelKey);
  b.onclick = onClick;
  return b;
}

/**
 * The city's systems as check boxes named {@code name}, each with its owner when {@code ownerOf} names a team other
 * than {@code team} (choosing it anyway is the node's to refuse: a system has one owner).
 */
export function systemChoices(msg, name, systems, chosen, ownerOf, team) {
  const box = el('div', 'system-choices');
  for (const s of systems) {
    const label = check(msg, name, null, chosen.includes(s.code), s.code);
    const text = label.querySelector('span');
    text.className = 'system-choice';
    text.dataset.system = s.code;
    text.textContent = `${msg.name(s)} (${s.code})`;
    const owner = ownerOf ? ownerOf(s.code) : null;
    if (owner && owner.code !== team) {
      const owned = el('span', 'owner hint', msg.t('oc.ownedBy', msg.name(owner)));
      owned.dataset.owner = owner.code;
      label.append(owned);
    }
    box.append(label);
  }
  return box;
}

/** The system names and owners of check boxes in {@code root}, said again in the page's language. */
export function renameSystems(msg, root, systems, teams) {
  root.querySelectorAll('.system-choice[data-system]').forEach(e => {
    const s = systems.find(x => x.code === e.dataset.system);
    if (s) e.textContent = `${msg.name(s)} (${s.code})`;
  });
  root.querySelectorAll('.owner[data-owner]').forEach(e => {
    const t = teams.find(x => x.code === e.dataset.owner);
    if (t) e.textContent = msg.t('oc.ownedBy', msg.name(t));
  });
}

/** The checked values of the check boxes named {@code name} in {@code form}. */
export function checked(form, name) {
  return [...form.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)].map(b => b.value);
}

/** Usernames typed with commas or spaces between them. */
export function usernames(text) {
  return [...new Set(text.split(/[\s,;]+/).map(s => s.trim()).filter(Boolean))];
}

const HANOI_MS = 7 * 3600_000;

/** An instant as a datetime-local value in Hanoi time (UTC+7 all year): 2026-12-03T19:30. */
export function hanoiLocal(iso) {
  return iso ? new Date(Date.parse(iso) + HANOI_MS).toISOString().slice(0, 16) : '';
}

/** A datetime-local value read as Hanoi time, as the API's ISO-8601 instant; undefined when empty. */
export function hanoiInstant(local) {
  return local ? `${local.length === 16 ? `${local}:00` : local}+07:00` : undefined;
}

/** Today's date in Hanoi, yyyy-MM-dd. */
export function hanoiToday() {
  return new Date(Date.now() + HANOI_MS).toISOString().slice(0, 10);
}

/** Minutes typed in a form as an ISO-8601 duration (PT5M; whole seconds when not whole minutes); '' when empty. */
export function duration(minutes) {
  const text = String(minutes ?? '').trim().replace(',', '.');
  if (!text) return '';
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  return Number.isInteger(n) ? `PT${n}M` : `PT${Math.round(n * 60)}S`;
}

/** An ISO-8601 duration as minutes for a form (PT30M → 30, PT1H → 60, PT30S → 0.5); '' when none. */
export function minutes(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!m) return '';
  const [, d, h, min, s] = m.map(x => Number(x || 0));
  return d * 1440 + h * 60 + min + s / 60;
}

/** Two-press removal: the first press arms the button (its words change), a second within 5 s acts. */
export function confirming(msg, b, confirmKey, act) {
  const key = b.dataset.i18n;
  return async () => {
    if (b.dataset.armed !== 'yes') {
      b.dataset.armed = 'yes';
      b.dataset.i18n = confirmKey;
      b.textContent = msg().t(confirmKey);
      setTimeout(() => {
        if (b.dataset.armed === 'yes') {
          b.dataset.armed = '';
          b.dataset.i18n = key;
          b.textContent = msg().t(key);
        }
      }, 5000);
      return;
    }
    b.dataset.armed = '';
    await act();
  };
}

const formats = new Map();

/** An instant in Hanoi time as a person reads it: weekday, day/month, hour:minute ("T6, 04/12, 08:00"). */
export function when(msg, iso) {
  if (!iso) return msg.t('noData');
  if (!formats.has(msg.locale)) {
    formats.set(msg.locale, new Intl.DateTimeFormat(msg.locale, {weekday: 'short', day: '2-digit', month: '2-digit',
      hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh'}));
  }
  return formats.get(msg.locale).format(new Date(iso));
}

/**
 * A panel of items (teams, policies, maintenance windows) with an "add" button and the one open form (create or
 * edit) below the list, kept across re-renders so what was typed stays. {@code kind} names the items: data[kind],
 * `oc.<kind>.none`, `oc.<kind>.add`; {@code one} names one of them (the add button's data-action add-<one>).
 * A subclass draws an item ({@code item(msg, x)}) and opens the form ({@code open(x)}, null for a new one).
 */
export class EditableList {
  constructor(kind, one, list, editor, page, changed) {
    this.kind = kind;
    this.one = one;
    this.list = list;
    this.editor = editor;
    this.page = page;
    this.changed = changed;
    this.form = null;
  }

  render(data, manage) {
    const msg = this.page.msg;
    this.data = data;
    this.manage = manage;
    const items = data[this.kind];
    this.list.replaceChildren(...items.map(x => this.item(msg, x)));
    if (!items.length) this.list.append(words('li', 'hint', msg, `oc.${this.kind}.none`));
    const add = manage && !this.form ? button(msg, `add-${this.one}`, `oc.${this.kind}.add`, () => this.open(null), 'primary') : '';
    this.editor.replaceChildren(...[add, this.form].filter(Boolean));
  }
}
