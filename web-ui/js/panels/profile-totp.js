// "Đăng nhập hai bước" on the profile page, for admins and SREs: turn it on (the node answers a secret, shown as a
// QR code to scan and as text to type), confirm with the app's 6-digit code, turn it off with a current code.
// Refusals are said in the page's language next to the code field.
import {api, apiPost} from '../auth.js';
import {el} from './dom.js';

const ME = '/api/v1/me/totp';

export class TwoStep {
  /** {@code root}: the section's body, emptied and filled here. */
  constructor(root) {
    this.root = root;
    this.state = {enabled: false, pending: false};
    this.enrolment = null;
    this.problem = '';
    this.done = '';
  }

  async load(msg, token) {
    this.msg = msg;
    this.token = token;
    this.state = await api(token, ME);
    this.render(msg);
  }

  /** The page re-rendered (new data elsewhere, or another language): this section again only for a new language. */
  speak(msg) {
    if (this.msg && this.msg.lang === msg.lang && this.root.children.length) return;
    this.render(msg);
  }

  render(msg) {
    this.msg = msg;
    const s = this.state;
    const status = el('p', 'totp-status', msg.t(s.enabled ? 'totp.on' : s.pending && this.enrolment ? 'totp.pending' : 'totp.off'));
    status.id = 'totp-status';
    status.setAttribute('role', 'status');
    const parts = [status];
    if (s.enabled) {
      parts.push(this.codeForm('totp-disable', 'totp.disable', code => this.send(`${ME}/disable`, code, 'totp.disabledDone')));
    } else if (this.enrolment) {
      parts.push(this.scan(msg), this.codeForm('totp-confirm', 'totp.confirm', code => this.send(`${ME}/confirm`, code, 'totp.enabledDone')));
    } else {
      const start = el('button', 'primary', msg.t('totp.enrol'));
      start.type = 'button';
      start.id = 'totp-enrol';
      start.onclick = () => this.enrol();
      parts.push(start);
    }
    const done = el('p', 'done', this.done ? msg.t(this.done) : '');
    done.setAttribute('role', 'status');
    parts.push(done);
    this.root.replaceChildren(...parts);
  }

  scan(msg) {
    const figure = el('figure', 'totp-qr');
    const svg = new DOMParser().parseFromString(this.enrolment.qrSvg || '', 'image/svg+xml').documentElement;
    if (svg && svg.nodeName === 'svg') {
      const image = document.importNode(svg, true);
      image.setAttribute('aria-label', msg.t('totp.qrLabel'));
      figure.append(image);
    }
    figure.append(el('figcaption', 'hint', msg.t('totp.scan')));
    const secret = el('p', 'totp-secret');
    const value = el('code', '', this.enrolment.secret.replace(/(.{4})/g, '$1 ').trim());
    value.id = 'totp-secret';
    secret.append(el('span', '', msg.t('totp.secretLabel')), ' ', value);
    const box = el('div', 'totp-enrolment');
    box.append(figure, secret);
    return box;
  }

  codeForm(id, buttonKey, submit) {
    const form = el('form', 'totp-form');
    form.id = id;
    form.noValidate = true;
    const label = el('label', 'field');
    const input = el('input');
    input.name = 'code';
    input.inputMode = 'numeric';
    input.autocomplete = 'one-time-code';
    input.maxLength = 6;
    const error = el('span', 'field-error', this.problem ? this.msg.t(this.problem) : '');
    error.setAttribute('role', 'alert');
    label.append(el('span', '', this.msg.t('totp.code')), input, error);
    const button = el('button', 'primary', this.msg.t(buttonKey));
    button.type = 'submit';
    form.append(label, button);
    form.onsubmit = event => {
      event.preventDefault();
      const code = input.value.trim();
      if (!/^[0-9]{6}$/.test(code)) {
        this.problem = 'totp.sixDigits';
        this.render(this.msg);
        return;
      }
      submit(code);
    };
    return form;
  }

  async enrol() {
    const answer = await apiPost(this.token, ME, {});
    this.done = '';
    this.problem = '';
    if (answer.status !== 200) {
      this.problem = 'totp.failed';
      this.render(this.msg);
      return;
    }
    this.enrolment = answer.body;
    this.state = {enabled: false, pending: true};
    this.render(this.msg);
    this.root.querySelector('input[name="code"]').focus();
  }

  async send(path, code, doneKey) {
    const answer = await apiPost(this.token, path, {code});
    if (answer.status !== 200) {
      this.problem = answer.body && answer.body.error === 'wrong_code' ? 'totp.wrongCode' : 'totp.failed';
      this.done = '';
      this.render(this.msg);
      return;
    }
    this.problem = '';
    this.done = doneKey;
    this.enrolment = null;
    this.state = answer.body;
    this.render(this.msg);
  }
}
