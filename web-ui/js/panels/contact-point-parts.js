// The pieces of a contact points editor (panels/contact-points.js): the add form, a quiet hour's field, a test's
// recorded attempts and a plain button. No state: the editor holds it.
import {el} from './dom.js';
import {check, field, input, select, words} from './oncall-form.js';

const CHANNELS = ['email', 'telegram', 'zalo', 'sms'];

/** The add form: channel, address (its words follow the channel), quiet hours, fallback-only. */
export function addForm(msg, id) {
  const form = el('form', 'add-point');
  form.id = id;
  form.noValidate = true;
  const channel = field(msg, 'cp.field.channel', select(msg, 'channel', CHANNELS.map(c => [c, `cp.channel.${c}`]), 'email'));
  const address = field(msg, 'cp.field.address.email', input('address'), 'cp.hint.email');
  address.querySelector('span').classList.add('address-label');
  address.querySelector('.hint').classList.add('address-hint');
  const quiet = el('fieldset', 'quiet');
  quiet.append(words('legend', '', msg, 'cp.quiet'),
      timeField(msg, 'quietHours.from', '', 'cp.quietFrom', 'cp.quietExampleFrom'),
      timeField(msg, 'quietHours.to', '', 'cp.quietTo', 'cp.quietExampleTo'), words('p', 'hint', msg, 'cp.quietHint'));
  const submit = words('button', 'primary', msg, 'cp.addButton');
  submit.type = 'submit';
  const error = el('p', 'error');
  error.dataset.errorFor = '*';
  error.setAttribute('role', 'alert');
  const done = el('p', 'done');
  done.setAttribute('role', 'status');
  form.append(channel, address, quiet, check(msg, 'fallbackOnly', 'cp.fallbackOnly', false), submit, error, done);
  return form;
}

/** A quiet hour's field (HH:MM) with its words, example and the place of its refusal. */
export function timeField(msg, name, value, label, example) {
  const wrap = el('label', 'field');
  const i = el('input');
  i.name = name;
  i.className = 'time';
  i.maxLength = 5;
  i.autocomplete = 'off';
  i.value = value || '';
  i.placeholder = msg.t(example);
  i.dataset.i18nPlaceholder = example;
  const error = el('span', 'field-error');
  error.dataset.errorFor = name;
  wrap.append(words('span', '', msg, label), i, error);
  return wrap;
}

export function testResult(msg, notification) {
  const box = el('div', `test-result ${notification.status}`);
  box.setAttribute('role', 'status');
  box.append(el('p', 'summary', msg.t(`cp.testResult.${notification.status}`)));
  const list = el('ol', 'attempts');
  for (const a of notification.attempts || []) {
    const li = el('li', `attempt ${a.status}`);
    li.dataset.status = a.status;
    const parts = [msg.time.format(new Date(a.at)), a.channel ? msg.t(`cp.channel.${a.channel}`) : null, a.address,
      msg.t('cp.attempt', msg.int(a.attempt)), msg.t(`delivery.${a.status}`),
      a.httpStatus ? msg.t('cp.httpStatus', a.httpStatus) : null].filter(Boolean);
    li.append(el('span', '', parts.join(' · ')));
    if (a.error) li.append(' ', el('span', 'hint', msg.t('cp.errorDetail')), ' ', el('code', '', a.error));
    list.append(li);
  }
  box.append(list);
  return box;
}

export function button(action, text, onClick, disabled) {
  const b = el('button', action, text);
  b.type = 'button';
  b.dataset.action = action;
  b.disabled = Boolean(disabled);
  b.onclick = onClick;
  return b;
}
