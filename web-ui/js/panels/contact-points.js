// Someone's contact points in fallback order (README: Notifications), as the profile page shows one's own
// (/api/v1/me/contact-points) and the admin page anyone's (/api/v1/users/{username}/contact-points): add one (email,
// Telegram chat, Zalo user, SMS number), move it up or down, make it fallback-only, give it quiet hours, send a test
// and see each recorded attempt (where the base URL offers it), remove it with a second press. Every refusal of the
// API is shown next to the field it names, in the page's language, and said again after a language switch.
import {api, apiDelete, apiPatch, apiPost} from '../auth.js';
import {el} from './dom.js';
import {clearProblems, showProblems} from './problems.js';
import {addForm, button, testResult, timeField} from './contact-point-parts.js';

export class ContactPointsEditor {
  /**
   * {@code list}: an empty <ol> for the points; {@code empty}: the "none yet" line; {@code addPlace}: where the add
   * form goes (its id {@code formId}); {@code base}: the contact points' URL; {@code testable}: whether
   * {@code base}/{id}/test exists; {@code thisDevice()}: this browser's push endpoint, if any; {@code loaded(points)}.
   */
  constructor(page, {list, empty, addPlace, formId, base, testable, thisDevice, loaded}) {
    this.page = page;
    this.list = list;
    this.empty = empty;
    this.base = base;
    this.testable = Boolean(testable);
    this.thisDevice = thisDevice || (() => null);
    this.loaded = loaded || (() => {});
    this.points = [];
    /** The last test of each contact point: {notification}. */
    this.tests = new Map();
    /** The refusal shown in each place ('add' or a contact point's id), kept so a language switch says it again. */
    this.refusals = new Map();
    /** Contact points whose remove button was pressed once (a second press removes). */
    this.armed = new Set();
    this.form = addForm(page.msg, formId);
    this.form.channel.onchange = () => {
      this.refusals.delete('add');
      clearProblems(this.form);
      this.renderAddressField();
    };
    this.form.onsubmit = event => {
      event.preventDefault();
      this.add();
    };
    addPlace.replaceChildren(this.form);
  }

  async load() {
    this.points = (await api(this.page.token, this.base)).items;
    this.render();
    await this.loaded(this.points);
  }

  render() {
    const msg = this.page.msg;
    msg.apply(this.form);
    this.renderAddressField();
    this.list.replaceChildren(...this.points.map((p, i) => this.item(msg, p, i)));
    this.empty.classList.toggle('hidden', this.points.length > 0);
    const added = this.form.querySelector('.done');
    if (added.dataset.channel) added.textContent = msg.t('cp.added', msg.t(`cp.channel.${added.dataset.channel}`));
    if (this.refusals.has('add')) showProblems(this.form, msg, this.refusals.get('add'), this.form.channel.value);
    for (const p of this.points) {
      const li = this.itemElement(p.id);
      if (this.refusals.has(p.id) && li) showProblems(li, msg, this.refusals.get(p.id), p.channel);
    }
  }

  renderAddressField() {
    const msg = this.page.msg;
    const channel = this.form.channel.value;
    const label = this.form.querySelector('.address-label');
    label.dataset.i18n = `cp.field.address.${channel}`;
    label.textContent = msg.t(label.dataset.i18n);
    const hint = this.form.querySelector('.address-hint');
    hint.dataset.i18n = `cp.hint.${channel}`;
    hint.textContent = msg.t(hint.dataset.i18n);
    const address = this.form.address;
    address.inputMode = channel === 'email' ? 'email' : channel === 'sms' ? 'tel' : 'text';
    address.type = channel === 'email' ? 'email' : channel === 'sms' ? 'tel' : 'text';
  }

  item(msg, p, index) {
    const li = el('li', `point${p.fallbackOnly ? ' fallback' : ''}`);
    li.dataset.id = p.id;
    li.dataset.channel = p.channel;
    li.dataset.position = p.position;

    const head = el('div', 'point-head');
    head.append(el('span', 'order', msg.int(index + 1)), el('span', 'channel-name', msg.t(`cp.channel.${p.channel}`)),
        el('span', 'address', this.address(msg, p)));
    const badges = el('span', 'badges');
    if (p.fallbackOnly) badges.append(el('span', 'badge fallback', msg.t('cp.badge.fallback')));
    badges.append(el('span', `badge quiet${p.quietHours ? '' : ' none'}`, p.quietHours
        ? msg.t('cp.quietShown', p.quietHours.from, p.quietHours.to) : msg.t('cp.quietNone')));
    head.append(badges);

    const controls = el('div', 'point-controls');
    const up = button('up', '↑', () => this.move(p.id, -1), index === 0);
    up.setAttribute('aria-label', msg.t('cp.moveUp'));
    up.title = msg.t('cp.moveUp');
    const down = button('down', '↓', () => this.move(p.id, 1), index === this.points.length - 1);
    down.setAttribute('aria-label', msg.t('cp.moveDown'));
    down.title = msg.t('cp.moveDown');
    const fallback = el('label', 'check');
    const box = el('input');
    box.type = 'checkbox';
    box.name = 'fallbackOnly';
    box.checked = p.fallbackOnly;
    box.onchange = () => this.patch(p, {fallbackOnly: box.checked});
    fallback.append(box, el('span', '', msg.t('cp.fallbackOnly')));
    controls.append(up, down, fallback);

    const quiet = el('div', 'quiet-edit');
    const from = timeField(msg, 'quietHours.from', p.quietHours?.from, 'cp.quietFrom', 'cp.quietExampleFrom');
    const to = timeField(msg, 'quietHours.to', p.quietHours?.to, 'cp.quietTo', 'cp.quietExampleTo');
    quiet.append(el('span', 'quiet-label', msg.t('cp.quiet')), from, to,
        button('quiet', msg.t('cp.quietSave'),
            () => this.saveQuiet(p, from.querySelector('input').value, to.querySelector('input').value)));
    if (p.quietHours) quiet.append(button('quiet-clear', msg.t('cp.quietClear'), () => this.patch(p, {quietHours: null})));

    const actions = el('div', 'point-actions');
    if (this.testable) actions.append(button('test', msg.t('cp.test'), () => this.test(p)));
    actions.append(button('remove', msg.t(this.armed.has(p.id) ? 'cp.removeConfirm' : 'cp.remove'), () => this.remove(p)));
    const error = el('p', 'error');
    error.dataset.errorFor = '*';
    error.setAttribute('role', 'alert');
    for (const name of ['position', 'fallbackOnly', 'quietHours']) {
      const e = el('span', 'field-error');
      e.dataset.errorFor = name;
      controls.append(e);
    }
    li.append(head, controls, quiet, actions, error);
    if (this.tests.has(p.id)) li.append(testResult(msg, this.tests.get(p.id)));
    return li;
  }

  address(msg, p) {
    if (p.channel !== 'webpush') return p.address;
    let host = p.address;
    try {
      host = new URL(p.address).host;
    } catch (e) {
      // shown as stored
    }
    return msg.t(p.address === this.thisDevice() ? 'cp.webpushThisDevice' : 'cp.webpushAddress', host);
  }

  itemElement(id) {
    return this.list.querySelector(`li[data-id="${id}"]`);
  }

  /** A call to the API that answers {status, body} even when the node cannot be reached. */
  async safely(call) {
    try {
      return await call();
    } catch (e) {
      console.info('contact points', e.message);
      return {status: 0, body: {error: 'network'}};
    }
  }

  /** Shows a refusal inside the contact point's item (and keeps it for a language switch). */
  refused(p, answer) {
    this.refusals.set(p.id, answer);
    const li = this.itemElement(p.id);
    if (li) showProblems(li, this.page.msg, answer, p.channel);
  }

  async add() {
    const form = this.form;
    const channel = form.channel.value;
    const body = {channel};
    const address = form.address.value.trim();
    if (address) body.address = address;
    if (form.fallbackOnly.checked) body.fallbackOnly = true;
    const from = form['quietHours.from'].value.trim();
    const to = form['quietHours.to'].value.trim();
    if (from || to) body.quietHours = {from, to};
    const done = form.querySelector('.done');
    done.textContent = '';
    delete done.dataset.channel;
    const answer = await this.safely(() => apiPost(this.page.token, this.base, body));
    if (answer.status !== 201) {
      this.refusals.set('add', answer);
      showProblems(form, this.page.msg, answer, channel);
      return;
    }
    this.refusals.delete('add');
    clearProblems(form);
    form.reset();
    done.dataset.channel = channel;
    await this.load();
  }

  /** Moves a contact point one place up or down: every point whose place changed gets its new position. */
  async move(id, step) {
    const order = this.points.slice();
    const i = order.findIndex(p => p.id === id);
    const j = i + step;
    if (j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    for (let k = 0; k < order.length; k++) {
      if (order[k].position === k) continue;
      const answer = await this.safely(() => apiPatch(this.page.token, `${this.base}/${order[k].id}`, {position: k}));
      if (answer.status !== 200) {
        this.refused(order[k], answer);
        return;
      }
    }
    this.refusals.delete(id);
    await this.load();
  }

  saveQuiet(p, from, to) {
    const f = from.trim();
    const t = to.trim();
    return this.patch(p, {quietHours: f || t ? {from: f, to: t} : null});
  }

  async patch(p, changes) {
    const answer = await this.safely(() => apiPatch(this.page.token, `${this.base}/${p.id}`, changes));
    if (answer.status !== 200) {
      this.refused(p, answer);
      return;
    }
    this.refusals.delete(p.id);
    await this.load();
  }

  async test(p) {
    const li = this.itemElement(p.id);
    li.querySelector('button[data-action="test"]').disabled = true;
    li.querySelector('[data-error-for="*"]').textContent = this.page.msg.t('cp.testSending');
    const answer = await this.safely(() => apiPost(this.page.token, `${this.base}/${p.id}/test`, {}));
    if (answer.status !== 200) {
      li.querySelector('button[data-action="test"]').disabled = false;
      this.refused(p, answer);
      return;
    }
    this.refusals.delete(p.id);
    this.tests.set(p.id, answer.body);
    this.render();
  }

  async remove(p) {
    if (!this.armed.has(p.id)) {
      this.armed.add(p.id);
      this.render();
      setTimeout(() => {
        if (this.armed.delete(p.id)) this.render();
      }, 5000);
      return;
    }
    this.armed.delete(p.id);
    const answer = await this.safely(() => apiDelete(this.page.token, `${this.base}/${p.id}`));
    if (answer.status !== 204 && answer.status !== 404) {
      this.render();
      this.refused(p, answer);
      return;
    }
    this.refusals.delete(p.id);
    this.tests.delete(p.id);
    await this.load();
  }
}
