// The admin page's ingestion API keys (REST /api/v1/admin/api-keys): each with its scope (systems, agencies; *
// is all), when it was made and last used, and whether it is revoked; create one (its secret shown once, in a box
// with a Copy button, never again), revoke one (a second press confirms). The list is read again every half minute
// so "last used" follows what the senders do.
import {api, apiPost} from '../auth.js';
import {el} from './dom.js';
import {button, check, checked, errorFor, field, input, renameSystems, systemChoices, words} from './oncall-form.js';
import {at, attempt, deleteButton, facts, forget, formButtons, onceBox, showRefusals} from './admin-form.js';

const KEYS = '/api/v1/admin/api-keys';
const RELOAD_MS = 30_000;

export async function mount(root, page) {
  const panel = new KeysPanel(root, page);
  await panel.load();
  setInterval(() => panel.load(), RELOAD_MS);
  return panel;
}

class KeysPanel {
  constructor(root, page) {
    this.page = page;
    this.keys = [];
    this.systems = [];
    this.form = null;
    /** The secret of the key just made, shown until dismissed: {name, secret}. */
    this.issued = null;
    this.list = el('ul', 'adm-list keys');
    this.list.id = 'keys';
    this.secret = el('div', 'once-place');
    this.editor = el('div', 'adm-editor');
    this.editor.id = 'key-editor';
    this.error = el('p', 'error');
    this.error.setAttribute('role', 'alert');
    const reload = button(page.msg, 'reload-keys', 'adm.keys.reload', () => this.load());
    root.append(words('p', 'hint', page.msg, 'adm.keys.intro'), reload, this.error, this.secret, this.list, this.editor);
  }

  async load() {
    try {
      const [keys, systems] = await Promise.all([api(this.page.token, KEYS),
        this.systems.length ? {items: this.systems} : api(this.page.token, '/api/v1/systems')]);
      this.keys = keys.items.sort((a, b) => (a.revokedAt ? 1 : 0) - (b.revokedAt ? 1 : 0) || b.id - a.id);
      this.systems = systems.items.map(s => ({code: s.code, nameVi: s.nameVi, nameEn: s.nameEn}));
      delete this.error.dataset.status;
    } catch (e) {
      this.error.dataset.status = e.status || 'network';
    }
    this.render();
  }

  render() {
    const msg = this.page.msg;
    this.error.textContent = this.error.dataset.status ? msg.t('adm.loadFailed', this.error.dataset.status) : '';
    this.list.replaceChildren(...this.keys.map(k => this.item(msg, k)));
    if (!this.keys.length) this.list.append(words('li', 'hint', msg, 'adm.keys.none'));
    if (this.issued && !this.issued.box) {
      this.issued.box = onceBox(this.page, {id: 'key-secret', titleKey: 'adm.keys.secretTitle',
        labelKey: 'adm.keys.secretLabel', warningKey: 'adm.keys.secretWarning', value: this.issued.secret,
        close: () => { this.issued = null; this.render(); }});
      this.issued.box.dataset.key = this.issued.name;
    }
    this.secret.replaceChildren(...(this.issued ? [this.issued.box] : []));
    if (this.form) renameSystems(msg, this.form, this.systems, []);
    this.editor.replaceChildren(this.form || button(msg, 'add-key', 'adm.keys.add', () => this.open(), 'primary'));
    showRefusals(msg);
  }

  scope(msg, codes, allKey) {
    return codes.includes('*') ? msg.t(allKey) : codes.length ? codes.join(', ') : msg.t('adm.keys.noScope');
  }

  item(msg, k) {
    const li = el('li', `adm-item key${k.revokedAt ? ' inactive' : ''}`);
    li.dataset.key = k.name;
    li.dataset.scope = `key:${k.id}`;
    const head = el('div', 'item-head');
    const state = words('span', `badge ${k.revokedAt ? 'disabled' : 'active'}`, msg, k.revokedAt ? 'adm.keys.revoked' : 'adm.keys.active');
    head.append(el('strong', 'item-name', k.name), el('code', '', `${k.prefix}…`), state);
    li.append(head, facts(msg, [
      ['adm.keys.source', k.source, 'source'],
      ['adm.keys.systems', this.scope(msg, k.systems, 'adm.keys.allSystems'), 'systems'],
      ['adm.keys.agencies', this.scope(msg, k.agencies, 'adm.keys.allAgencies'), 'agencies'],
      ['adm.keys.created', at(msg, k.createdAt), 'created'],
      ['adm.keys.lastUsed', at(msg, k.lastUsedAt, 'adm.keys.neverUsed'), 'last-used'],
      ...(k.revokedAt ? [['adm.keys.revokedAt', at(msg, k.revokedAt), 'revoked']] : [])]));
    if (!k.revokedAt) {
      const revoke = deleteButton(this.page, {action: 'revoke', labelKey: 'adm.keys.revoke',
        confirmKey: 'adm.keys.confirmRevoke', scope: li, variant: 'key', path: `${KEYS}/${k.id}`, expected: [200],
        done: () => this.load()});
      const actions = el('div', 'item-actions');
      actions.append(revoke);
      li.append(actions);
    }
    li.append(errorFor('*', 'p'));
    return li;
  }

  open() {
    const msg = this.page.msg;
    const form = el('form', 'adm-form key-form');
    form.id = 'key-form';
    form.noValidate = true;
    form.dataset.scope = 'new-key';
    const systems = el('fieldset', 'systems-field');
    const choices = systemChoices(msg, 'systems', this.systems, []);
    choices.prepend(check(msg, 'systems', 'adm.keys.allSystems', true, '*'));
    systems.append(words('legend', '', msg, 'adm.keys.systems'), words('p', 'hint', msg, 'adm.keys.systemsHint'),
        choices, errorFor('systems'));
    const name = input('name');
    name.placeholder = 'motcua-cg';
    form.append(words('h3', '', msg, 'adm.keys.newTitle'),
        field(msg, 'adm.keys.name', name, 'adm.keys.nameHint'),
        field(msg, 'adm.keys.source', input('source'), 'adm.keys.sourceHint'),
        systems,
        field(msg, 'adm.keys.agencies', input('agencies', 'text', '*'), 'adm.keys.agenciesHint'),
        formButtons(msg, 'adm.keys.create', () => this.close()), errorFor('*', 'p'));
    form.onsubmit = async event => {
      event.preventDefault();
      const body = {name: form.name.value.trim(), systems: checked(form, 'systems'),
        agencies: [...new Set(form.agencies.value.split(/[\s,;]+/).map(s => s.trim()).filter(Boolean))]};
      if (form.source.value.trim()) body.source = form.source.value.trim();
      const done = await attempt(this.page.msg, form, 'key', () => apiPost(this.page.token, KEYS, body), [201]);
      if (!done) return;
      this.form = null;
      this.issued = {name: done.body.name, secret: done.body.key};
      await this.load();
      this.secret.scrollIntoView({block: 'nearest'});
    };
    this.form = form;
    this.render();
    name.focus();
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.render();
  }
}
