// A person's profile: where alerts reach them. Their contact points in fallback order (README: Notifications) —
// add one (email, Telegram chat, Zalo user, SMS number), move it up or down, make it fallback-only, give it quiet
// hours, send a test and see each recorded attempt, remove it — and this device's Web Push. Every refusal of the
// API is shown next to the field it names, in the page's language.
import {api, apiDelete, apiPatch, apiPost} from './auth.js';
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId, el} from './panels/dom.js';
import {clearProblems, showProblems} from './panels/problems.js';
import {DevicePush} from './panels/device-push.js';
import {TwoStep} from './panels/profile-totp.js';
import {currentSubscription, registerWorker} from './push.js';

const ME = '/api/v1/me/contact-points';

let points = [];
let thisDevice = null;
let device;
/** The two-step sign-in section, for admins and SREs only. */
let twoStep = null;
/** The last test of each contact point: {notification} or a refusal. */
const tests = new Map();
/** The refusal shown in each place ('add' or a contact point's id), kept so a language switch says it again. */
const refusals = new Map();
/** Contact points whose remove button was pressed once (a second press removes). */
const armed = new Set();

async function startProfile() {
  byId('profile').classList.remove('hidden');
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.username})`;
  languageButton(render);
  renderClock();
  every(1000, renderClock);
  const form = byId('add-point');
  form.channel.onchange = () => {
    refusals.delete('add');
    clearProblems(form);
    renderAddressField();
  };
  form.onsubmit = add;
  device = new DevicePush(byId('device-push'), load);
  registerWorker().catch(e => console.info('service worker', e.message));
  if ((page.me.roles || []).some(r => r === 'admin' || r === 'sre')) {
    byId('two-step').classList.remove('hidden');
    twoStep = new TwoStep(byId('two-step-body'));
    await twoStep.load(page.msg, page.token);
  }
  await load();
}

async function load() {
  points = (await api(page.token, ME)).items;
  const subscription = await currentSubscription().catch(() => null);
  thisDevice = subscription ? subscription.endpoint : null;
  render();
  await device.refresh(page.msg, page.token, points);
}

function render() {
  const msg = page.msg;
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.username})`;
  renderAddressField();
  byId('points').replaceChildren(...points.map((p, i) => item(msg, p, i)));
  byId('points-empty').classList.toggle('hidden', points.length > 0);
  const added = byId('add-done');
  if (added.dataset.channel) added.textContent = msg.t('cp.added', msg.t(`cp.channel.${added.dataset.channel}`));
  const form = byId('add-point');
  if (refusals.has('add')) showProblems(form, msg, refusals.get('add'), form.channel.value);
  for (const p of points) {
    const li = itemElement(p.id);
    if (refusals.has(p.id) && li) showProblems(li, msg, refusals.get(p.id), p.channel);
  }
  device?.render(msg);
  twoStep?.speak(msg);
}

function renderAddressField() {
  const channel = byId('add-point').channel.value;
  byId('address-label').textContent = page.msg.t(`cp.field.address.${channel}`);
  byId('address-hint').textContent = page.msg.t(`cp.hint.${channel}`);
  const input = byId('add-point').address;
  input.inputMode = channel === 'email' ? 'email' : channel === 'sms' ? 'tel' : 'text';
  input.type = channel === 'email' ? 'email' : channel === 'sms' ? 'tel' : 'text';
}

function item(msg, p, index) {
  const li = el('li', `point${p.fallbackOnly ? ' fallback' : ''}`);
  li.dataset.id = p.id;
  li.dataset.channel = p.channel;
  li.dataset.position = p.position;

  const head = el('div', 'point-head');
  head.append(el('span', 'order', msg.int(index + 1)), el('span', 'channel-name', msg.t(`cp.channel.${p.channel}`)),
      el('span', 'address', address(msg, p)));
  const badges = el('span', 'badges');
  if (p.fallbackOnly) badges.append(el('span', 'badge fallback', msg.t('cp.badge.fallback')));
  badges.append(el('span', `badge quiet${p.quietHours ? '' : ' none'}`, p.quietHours
      ? msg.t('cp.quietShown', p.quietHours.from, p.quietHours.to) : msg.t('cp.quietNone')));
  head.append(badges);

  const controls = el('div', 'point-controls');
  const up = button('up', '↑', () => move(p.id, -1), index === 0);
  up.setAttribute('aria-label', msg.t('cp.moveUp'));
  up.title = msg.t('cp.moveUp');
  const down = button('down', '↓', () => move(p.id, 1), index === points.length - 1);
  down.setAttribute('aria-label', msg.t('cp.moveDown'));
  down.title = msg.t('cp.moveDown');
  const fallback = el('label', 'check');
  const box = el('input');
  box.type = 'checkbox';
  box.name = 'fallbackOnly';
  box.checked = p.fallbackOnly;
  box.onchange = () => patch(p, {fallbackOnly: box.checked});
  fallback.append(box, el('span', '', msg.t('cp.fallbackOnly')));
  controls.append(up, down, fallback);

  const quiet = el('div', 'quiet-edit');
  const time = (name, value, label, example) => {
    const wrap = el('label', 'field');
    const input = el('input');
    input.name = name;
    input.className = 'time';
    input.maxLength = 5;
    input.autocomplete = 'off';
    input.value = value || '';
    input.placeholder = msg.t(example);
    const error = el('span', 'field-error');
    error.dataset.errorFor = name;
    wrap.append(el('span', '', msg.t(label)), input, error);
    return wrap;
  };
  const from = time('quietHours.from', p.quietHours?.from, 'cp.quietFrom', 'cp.quietExampleFrom');
  const to = time('quietHours.to', p.quietHours?.to, 'cp.quietTo', 'cp.quietExampleTo');
  quiet.append(el('span', 'quiet-label', msg.t('cp.quiet')), from, to,
      button('quiet', msg.t('cp.quietSave'), () => saveQuiet(p, from.querySelector('input').value, to.querySelector('input').value)));
  if (p.quietHours) quiet.append(button('quiet-clear', msg.t('cp.quietClear'), () => patch(p, {quietHours: null})));

  const actions = el('div', 'point-actions');
  actions.append(button('test', msg.t('cp.test'), () => test(p)),
      button('remove', msg.t(armed.has(p.id) ? 'cp.removeConfirm' : 'cp.remove'), () => remove(p)));
  const error = el('p', 'error');
  error.dataset.errorFor = '*';
  error.setAttribute('role', 'alert');
  for (const field of ['position', 'fallbackOnly', 'quietHours']) {
    const e = el('span', 'field-error');
    e.dataset.errorFor = field;
    controls.append(e);
  }
  li.append(head, controls, quiet, actions, error);
  if (tests.has(p.id)) li.append(testResult(msg, tests.get(p.id)));
  return li;
}

function address(msg, p) {
  if (p.channel !== 'webpush') return p.address;
  let host = p.address;
  try {
    host = new URL(p.address).host;
  } catch (e) {
    // shown as stored
  }
  return msg.t(p.address === thisDevice ? 'cp.webpushThisDevice' : 'cp.webpushAddress', host);
}

function testResult(msg, notification) {
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

function button(action, text, onClick, disabled) {
  const b = el('button', action, text);
  b.type = 'button';
  b.dataset.action = action;
  b.disabled = Boolean(disabled);
  b.onclick = onClick;
  return b;
}

function itemElement(id) {
  return document.querySelector(`#points li[data-id="${id}"]`);
}

/** A call to the API that answers {status, body} even when the node cannot be reached. */
async function safely(call) {
  try {
    return await call();
  } catch (e) {
    console.info('contact points', e.message);
    return {status: 0, body: {error: 'network'}};
  }
}

/** Shows a refusal inside the contact point's item (and keeps it for a language switch). */
function refused(p, answer) {
  refusals.set(p.id, answer);
  const li = itemElement(p.id);
  if (li) showProblems(li, page.msg, answer, p.channel);
}

async function add(event) {
  event.preventDefault();
  const form = byId('add-point');
  const channel = form.channel.value;
  const body = {channel};
  const address = form.address.value.trim();
  if (address) body.address = address;
  if (form.fallbackOnly.checked) body.fallbackOnly = true;
  const from = form['quietHours.from'].value.trim();
  const to = form['quietHours.to'].value.trim();
  if (from || to) body.quietHours = {from, to};
  const done = byId('add-done');
  done.textContent = '';
  delete done.dataset.channel;
  const answer = await safely(() => apiPost(page.token, ME, body));
  if (answer.status !== 201) {
    refusals.set('add', answer);
    showProblems(form, page.msg, answer, channel);
    return;
  }
  refusals.delete('add');
  clearProblems(form);
  form.reset();
  done.dataset.channel = channel;
  await load();
}

/** Moves a contact point one place up or down: every point whose place changed gets its new position. */
async function move(id, step) {
  const order = points.slice();
  const i = order.findIndex(p => p.id === id);
  const j = i + step;
  if (j < 0 || j >= order.length) return;
  [order[i], order[j]] = [order[j], order[i]];
  for (let k = 0; k < order.length; k++) {
    if (order[k].position === k) continue;
    const answer = await safely(() => apiPatch(page.token, `${ME}/${order[k].id}`, {position: k}));
    if (answer.status !== 200) {
      refused(order[k], answer);
      return;
    }
  }
  refusals.delete(id);
  await load();
}

function saveQuiet(p, from, to) {
  const f = from.trim();
  const t = to.trim();
  return patch(p, {quietHours: f || t ? {from: f, to: t} : null});
}

async function patch(p, changes) {
  const answer = await safely(() => apiPatch(page.token, `${ME}/${p.id}`, changes));
  if (answer.status !== 200) {
    refused(p, answer);
    return;
  }
  refusals.delete(p.id);
  await load();
}

async function test(p) {
  const li = itemElement(p.id);
  li.querySelector('button[data-action="test"]').disabled = true;
  li.querySelector('[data-error-for="*"]').textContent = page.msg.t('cp.testSending');
  const answer = await safely(() => apiPost(page.token, `${ME}/${p.id}/test`, {}));
  if (answer.status !== 200) {
    li.querySelector('button[data-action="test"]').disabled = false;
    refused(p, answer);
    return;
  }
  refusals.delete(p.id);
  tests.set(p.id, answer.body);
  render();
}

async function remove(p) {
  if (!armed.has(p.id)) {
    armed.add(p.id);
    render();
    setTimeout(() => {
      if (armed.delete(p.id)) render();
    }, 5000);
    return;
  }
  armed.delete(p.id);
  const answer = await safely(() => apiDelete(page.token, `${ME}/${p.id}`));
  if (answer.status !== 204 && answer.status !== 404) {
    render();
    refused(p, answer);
    return;
  }
  refusals.delete(p.id);
  tests.delete(p.id);
  await load();
}

boot(startProfile).catch(e => console.error('profile page failed to start', e));
