// The admin page's wall displays (REST /api/v1/admin/displays): the screens that show the wall without a person
// signing in, each with its language, when it was issued, until when its token holds, and whether it is revoked;
// issue one (its kiosk link and the link's QR code, made by the node, shown once: the token is in the link), revoke
// one (a second press confirms; the screen shows the revoked banner at once).
import {api, apiPost} from '../auth.js';
import {el} from './dom.js';
import {button, errorFor, field, input, select, words} from './oncall-form.js';
import {at, attempt, deleteButton, facts, forget, formButtons, onceBox, showRefusals} from './admin-form.js';

const DISPLAYS = '/api/v1/admin/displays';
const LANGUAGES = [['vi', 'adm.lang.vi'], ['en', 'adm.lang.en']];

export async function mount(root, page) {
  const panel = new DisplaysPanel(root, page);
  await panel.load();
  return panel;
}

class DisplaysPanel {
  constructor(root, page) {
    this.page = page;
    this.displays = [];
    this.form = null;
    /** The display just issued, its link shown until dismissed: {name, kioskUrl, qrSvg, box}. */
    this.issued = null;
    this.list = el('ul', 'adm-list displays');
    this.list.id = 'displays';
    this.link = el('div', 'once-place');
    this.editor = el('div', 'adm-editor');
    this.editor.id = 'display-editor';
    this.error = el('p', 'error');
    this.error.setAttribute('role', 'alert');
    root.append(words('p', 'hint', page.msg, 'adm.displays.intro'), this.error, this.link, this.list, this.editor);
  }

  async load() {
    try {
      this.displays = (await api(this.page.token, DISPLAYS)).items
          .sort((a, b) => Number(b.active) - Number(a.active) || b.id - a.id);
      delete this.error.dataset.status;
    } catch (e) {
      this.error.dataset.status = e.status || 'network';
    }
    this.render();
  }

  render() {
    const msg = this.page.msg;
    this.error.textContent = this.error.dataset.status ? msg.t('adm.loadFailed', this.error.dataset.status) : '';
    this.list.replaceChildren(...this.displays.map(d => this.item(msg, d)));
    if (!this.displays.length) this.list.append(words('li', 'hint', msg, 'adm.displays.none'));
    if (this.issued && !this.issued.box) {
      this.issued.box = onceBox(this.page, {id: 'kiosk-link', titleKey: 'adm.displays.linkTitle',
        labelKey: 'adm.displays.linkLabel', warningKey: 'adm.displays.linkWarning', value: this.issued.kioskUrl,
        extra: qr(msg, this.issued.qrSvg), close: () => { this.issued = null; this.render(); }});
      this.issued.box.dataset.display = this.issued.username;
    }
    this.link.replaceChildren(...(this.issued ? [this.issued.box] : []));
    this.editor.replaceChildren(this.form || button(msg, 'add-display', 'adm.displays.add', () => this.open(), 'primary'));
    showRefusals(msg);
  }

  item(msg, d) {
    const li = el('li', `adm-item display${d.active ? '' : ' inactive'}`);
    li.dataset.display = d.username;
    li.dataset.scope = `display:${d.id}`;
    const head = el('div', 'item-head');
    const state = words('span', `badge ${d.active ? 'active' : 'disabled'}`, msg, d.active ? 'adm.displays.active' : 'adm.displays.revoked');
    head.append(el('strong', 'item-name', d.name), el('code', '', d.username), state);
    li.append(head, facts(msg, [
      ['adm.displays.language', msg.t(`adm.lang.${d.language}`), 'language'],
      ['adm.displays.created', at(msg, d.createdAt), 'created'],
      ['adm.displays.expires', d.active ? at(msg, d.tokenExpiresAt) : msg.t('adm.displays.revoked'), 'expires']]));
    if (d.active) {
      const revoke = deleteButton(this.page, {action: 'revoke', labelKey: 'adm.displays.revoke',
        confirmKey: 'adm.displays.confirmRevoke', scope: li, variant: 'display', path: `${DISPLAYS}/${d.id}`,
        expected: [204], done: () => this.load()});
      const actions = el('div', 'item-actions');
      actions.append(revoke);
      li.append(actions);
    }
    li.append(errorFor('*', 'p'));
    return li;
  }

  open() {
    const msg = this.page.msg;
    const form = el('form', 'adm-form display-form');
    form.id = 'display-form';
    form.noValidate = true;
    form.dataset.scope = 'new-display';
    const days = input('validDays', 'number', '365');
    days.min = '1';
    days.max = '1825';
    form.append(words('h3', '', msg, 'adm.displays.newTitle'),
        field(msg, 'adm.displays.name', input('name'), 'adm.displays.nameHint'),
        field(msg, 'adm.displays.validDays', days, 'adm.displays.validDaysHint'),
        field(msg, 'adm.displays.language', select(msg, 'language', LANGUAGES, 'vi')),
        formButtons(msg, 'adm.displays.issue', () => this.close()), errorFor('*', 'p'));
    form.onsubmit = async event => {
      event.preventDefault();
      const typed = form.validDays.value.trim();
      const body = {name: form.name.value.trim(), language: form.language.value};
      if (typed) body.validDays = /^\d+$/.test(typed) ? Number(typed) : typed;
      const done = await attempt(this.page.msg, form, 'display', () => apiPost(this.page.token, DISPLAYS, body), [201]);
      if (!done) return;
      this.form = null;
      this.issued = {username: done.body.username, kioskUrl: done.body.kioskUrl, qrSvg: done.body.qrSvg};
      await this.load();
      this.link.scrollIntoView({block: 'nearest'});
    };
    this.form = form;
    this.render();
    form.querySelector('input[name="name"]').focus();
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.render();
  }
}

/** The node's SVG of the kiosk link's QR code, in the page (parsed as SVG, never as HTML). */
function qr(msg, svgText) {
  const figure = el('figure', 'kiosk-qr');
  const svg = new DOMParser().parseFromString(svgText || '', 'image/svg+xml').documentElement;
  if (svg && svg.nodeName === 'svg') {
    const image = document.importNode(svg, true);
    image.setAttribute('aria-label', msg.t('adm.displays.qrLabel'));
    image.dataset.i18nLabel = 'adm.displays.qrLabel';
    figure.append(image);
  }
  figure.append(words('figcaption', 'hint', msg, 'adm.displays.qrHint'));
  return figure;
}
