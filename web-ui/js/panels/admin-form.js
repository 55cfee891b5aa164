// What the admin page's people sections (users, API keys, wall displays) share: calling the API for a form or an
// item and showing its refusal beside the field it names in the page's language (problems.js with the `adm.err.…`
// words), kept until that form's next call succeeds and said again after a re-render or a language switch; lists of
// facts; and the box that shows a secret once with its Copy button.
import {el} from './dom.js';
import {clearProblems, showProblems} from './problems.js';
import {apiDelete} from '../auth.js';
import {button, confirming, words} from './oncall-form.js';

/** The admin words: `adm.err.…`; a refusal naming no field belongs, by code and form (variant), to this field. */
export const ADMIN = {
  prefix: 'adm',
  fieldOfCode: {'conflict.user': 'username', 'conflict.key': 'name', reserved_name: 'name', last_admin: 'roles'},
  fieldKey: field => field.split('.').filter(part => !/^\d+$/.test(part)).join('.'),
};

/** Refusals by the scope they are shown in (its data-scope). */
const refusals = new Map();

/**
 * Calls the API for the form or item {@code scope} (an element with data-scope); an answer other than one of
 * {@code expected} is shown by its fields and kept. Answers the answer when expected, null otherwise.
 */
export async function attempt(msg, scope, variant, call, expected) {
  let answer;
  try {
    answer = await call();
  } catch (e) {
    console.info('admin', e.message);
    answer = {status: 0, body: {error: 'network'}};
  }
  if (!expected.includes(answer.status)) {
    refusals.set(scope.dataset.scope, {answer, variant});
    showProblems(scope, msg, answer, variant, ADMIN);
    return null;
  }
  forget(scope);
  return answer;
}

export function forget(scope) {
  refusals.delete(scope.dataset.scope);
  clearProblems(scope);
}

/** Shows every kept refusal again in its scope (after a list is rebuilt or the language changed). */
export function showRefusals(msg) {
  for (const [key, {answer, variant}] of refusals) {
    const scope = document.querySelector(`[data-scope="${CSS.escape(key)}"]`);
    if (scope) showProblems(scope, msg, answer, variant, ADMIN);
    else refusals.delete(key);
  }
}

/** A list of facts: [[message key, text, name?]…], a name becoming the value's data-fact. */
export function facts(msg, rows) {
  const dl = el('dl', 'facts');
  for (const [key, value, name] of rows) {
    const dd = el('dd', '', value);
    if (name) dd.dataset.fact = name;
    dl.append(words('dt', '', msg, key), dd);
  }
  return dl;
}

/**
 * A box showing {@code value} (a secret or a link) once: its title, the value in a read-only field, a Copy button
 * (the clipboard; where the browser refuses, the text is selected for Ctrl+C and the box says so), the warning that
 * it will not be shown again, and {@code extra} (a QR code). {@code close} dismisses it.
 */
export function onceBox(page, {id, titleKey, labelKey, warningKey, value, extra, close}) {
  const msg = page.msg;
  const box = el('div', 'once-box');
  box.id = id;
  box.setAttribute('role', 'status');
  const field = el('input', 'once-value');
  field.readOnly = true;
  field.value = value;
  field.name = `${id}-value`;
  field.spellcheck = false;
  field.setAttribute('aria-label', msg.t(labelKey));
  field.dataset.i18nLabel = labelKey;
  field.onfocus = () => field.select();
  const said = el('p', 'copy-result');
  said.setAttribute('aria-live', 'polite');
  const copy = button(msg, 'copy', 'adm.copy', async () => {
    let key = 'adm.copied';
    try {
      await navigator.clipboard.writeText(value);
    } catch (e) {
      field.focus();
      field.select();
      key = 'adm.copySelected';
    }
    said.dataset.i18n = key;
    said.dataset.result = key === 'adm.copied' ? 'copied' : 'selected';
    said.textContent = page.msg.t(key);
  }, 'primary');
  const row = el('div', 'once-row');
  row.append(field, copy);
  box.append(words('h3', '', msg, titleKey), row, said, words('p', 'once-warning', msg, warningKey));
  if (extra) box.append(extra);
  box.append(button(msg, 'dismiss', 'adm.dismiss', close));
  return box;
}

/** An instant as a person reads it in Hanoi time (day, month, year, hour:minute); the "never" words when none. */
export function at(msg, iso, noneKey = 'noData') {
  if (!iso) return msg.t(noneKey);
  return new Intl.DateTimeFormat(msg.locale, {day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit',
    minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh'}).format(new Date(iso));
}

/** Save (with the words {@code saveKey}) and cancel, as every admin form ends. */
export function formButtons(msg, saveKey, cancel) {
  const row = el('div', 'form-buttons');
  const save = words('button', 'primary', msg, saveKey);
  save.type = 'submit';
  save.dataset.action = 'save';
  row.append(save, button(msg, 'cancel', 'adm.cancel', cancel));
  return row;
}

/**
 * A danger button that asks for a second press ({@code confirmKey}), then DELETEs {@code path}; a refusal is shown
 * in {@code scope} with {@code variant}'s words, success calls {@code done} (the section reloads).
 */
export function deleteButton(page, {action, labelKey, confirmKey, scope, variant, path, expected, done}) {
  const b = button(page.msg, action, labelKey, null, 'danger');
  b.onclick = confirming(() => page.msg, b, confirmKey, async () => {
    if (await attempt(page.msg, scope, variant, () => apiDelete(page.token, path), expected)) await done();
  });
  return b;
}
