// The admin page's users (REST /api/v1/users): who may sign in, with their roles, agency, language and whether
// they are active; create one, change roles, agency and language, disable or enable, and set a new password the
// admin types; and manage where their alerts reach them (their contact points: panels/contact-points.js, as on the
// profile page, over /api/v1/users/{username}/contact-points). A change of roles, agency, active or password ends the
// person's sessions (the node does that). Each refusal is shown beside its field in the page's language (a taken
// username, an unknown agency, a short password).
import {api, apiPatch, apiPost} from '../auth.js';
import {el} from './dom.js';
import {button, check, checked, errorFor, field, input, select, words} from './oncall-form.js';
import {AgencyChoice} from './admin-agency.js';
import {attempt, deleteButton, facts, forget, formButtons, showRefusals} from './admin-form.js';
import {ContactPointsEditor} from './contact-points.js';

const USERS = '/api/v1/users';
export const ROLES = ['operator', 'leader', 'sre', 'agency', 'admin'];
const LANGUAGES = [['vi', 'adm.lang.vi'], ['en', 'adm.lang.en']];

export async function mount(root, page) {
  const panel = new UsersPanel(root, page);
  await panel.load();
  return panel;
}

class UsersPanel {
  constructor(root, page) {
    this.page = page;
    this.users = [];
    this.agencies = [];
    /** The open forms, kept across re-renders: 'new', or 'edit:' / 'password:' / 'points:' and a username. */
    this.forms = new Map();
    this.list = el('ul', 'adm-list users');
    this.list.id = 'users';
    this.editor = el('div', 'adm-editor');
    this.editor.id = 'user-editor';
    this.error = el('p', 'error');
    this.error.setAttribute('role', 'alert');
    root.append(words('p', 'hint', page.msg, 'adm.users.intro'), this.error, this.list, this.editor);
  }

  async load() {
    try {
      const [users, agencies] = await Promise.all([api(this.page.token, USERS),
        this.agencies.length ? {items: this.agencies} : api(this.page.token, '/api/v1/agencies')]);
      this.users = users.items.filter(u => !u.roles.includes('display'))
          .sort((a, b) => a.username.localeCompare(b.username));
      this.agencies = agencies.items;
      delete this.error.dataset.status;
    } catch (e) {
      this.error.dataset.status = e.status || 'network';
    }
    this.render();
  }

  render() {
    const msg = this.page.msg;
    this.error.textContent = this.error.dataset.status ? msg.t('adm.loadFailed', this.error.dataset.status) : '';
    this.list.replaceChildren(...this.users.map(u => this.item(msg, u)));
    if (!this.users.length) this.list.append(words('li', 'hint', msg, 'adm.users.none'));
    const creating = this.forms.get('new');
    if (creating) creating.choice.render(msg);
    this.editor.replaceChildren(creating ? creating.form
      : button(msg, 'add-user', 'adm.users.add', () => this.openCreate(), 'primary'));
    showRefusals(msg);
  }

  agencyName(msg, code) {
    const a = this.agencies.find(x => x.code === code);
    return a ? `${msg.name(a)} (${code})` : code;
  }

  item(msg, u) {
    const li = el('li', `adm-item user${u.active ? '' : ' inactive'}`);
    li.dataset.user = u.username;
    li.dataset.scope = `user:${u.username}`;
    const head = el('div', 'item-head');
    const state = words('span', `badge ${u.active ? 'active' : 'disabled'}`, msg, u.active ? 'adm.users.active' : 'adm.users.disabled');
    state.dataset.fact = 'active';
    head.append(el('strong', 'item-name', u.displayName), el('code', 'username', u.username), state);
    li.append(head, facts(msg, [
      ['adm.users.roles', u.roles.map(r => msg.t(`adm.role.${r}`)).join(', '), 'roles'],
      ['adm.users.agency', this.agencyName(msg, u.agency), 'agency'],
      ['adm.users.language', msg.t(`adm.lang.${u.language}`), 'language'],
      ...(u.twoStep ? [['adm.users.twoStep', msg.t('adm.users.twoStepOn'), 'two-step']] : [])]));
    const actions = el('div', 'item-actions');
    actions.append(
        button(msg, 'edit', 'adm.users.edit', () => this.open(`edit:${u.username}`, () => this.editForm(u))),
        button(msg, 'password', 'adm.users.resetPassword', () => this.open(`password:${u.username}`, () => this.passwordForm(u))),
        button(msg, u.active ? 'disable' : 'enable', u.active ? 'adm.users.disable' : 'adm.users.enable',
            () => this.change(li, u, {active: !u.active}), u.active ? 'danger' : ''),
        button(msg, 'contact-points', 'adm.users.contactPoints', () => this.openPoints(u)));
    if (u.twoStep) { // a lost phone: the admin turns the person's second step off (audited); they enrol again
      actions.append(deleteButton(this.page, {action: 'two-step-off', labelKey: 'adm.users.twoStepOff',
        confirmKey: 'adm.users.twoStepOffConfirm', scope: li, variant: 'user', path: `${USERS}/${u.id}/totp`,
        expected: [200, 204], done: () => this.load()}));
    }
    li.append(actions, errorLine());
    for (const kind of ['edit', 'password', 'points']) {
      const open = this.forms.get(`${kind}:${u.username}`);
      if (open) {
        if (open.choice) open.choice.render(msg);
        if (open.points) open.points.render();
        if (open.retitle) open.retitle(msg);
        li.append(open.form);
      }
    }
    return li;
  }

  /** Opens the form {@code key} made by {@code make} (once: pressing again keeps what was typed). */
  open(key, make) {
    if (!this.forms.has(key)) this.forms.set(key, make());
    this.render();
    this.forms.get(key).form.querySelector('input:not([type="checkbox"]), select')?.focus();
  }

  close(key) {
    const open = this.forms.get(key);
    if (open) forget(open.form);
    this.forms.delete(key);
    this.render();
  }

  openCreate() {
    this.open('new', () => {
      const msg = this.page.msg;
      const form = newForm('user-form', 'new-user');
      const choice = new AgencyChoice(this.agencies, '');
      const password = input('password', 'password');
      password.autocomplete = 'new-password';
      form.append(words('h3', '', msg, 'adm.users.newTitle'),
          field(msg, 'adm.users.username', input('username'), 'adm.users.usernameHint'),
          field(msg, 'adm.users.displayName', input('displayName')),
          field(msg, 'adm.users.password', password, 'adm.users.passwordHint'),
          roleChoices(msg, []), choice.render(msg),
          field(msg, 'adm.users.language', select(msg, 'language', LANGUAGES, 'vi')),
          formButtons(msg, 'adm.users.create', () => this.close('new')), errorLine());
      form.onsubmit = async event => {
        event.preventDefault();
        const body = {username: form.username.value.trim(), displayName: form.displayName.value.trim(),
          password: form.password.value, roles: checked(form, 'roles'), agency: choice.value(), language: form.language.value};
        if (!await attempt(this.page.msg, form, 'user', () => apiPost(this.page.token, USERS, body), [201])) return;
        this.forms.delete('new');
        await this.load();
      };
      return {form, choice};
    });
  }

  /** The person's contact points, to add, reorder, change and remove as they would on their profile (no test sends). */
  async openPoints(u) {
    const key = `points:${u.username}`;
    if (this.forms.has(key)) {
      this.forms.get(key).form.querySelector('h3').focus();
      return;
    }
    const msg = this.page.msg;
    const box = el('div', 'user-points');
    box.dataset.scope = key;
    const title = el('h3');
    title.tabIndex = -1;
    const retitle = m => { title.textContent = m.t('adm.users.pointsTitle', u.displayName, u.username); };
    retitle(msg);
    const list = el('ol', 'points');
    const empty = words('p', 'hint hidden', msg, 'adm.users.pointsNone');
    const error = el('p', 'error');
    error.setAttribute('role', 'alert');
    const addPlace = el('div', 'user-points-add');
    box.append(title, words('p', 'hint', msg, 'adm.users.pointsHint'), list, empty, error, words('h4', '', msg, 'profile.add'),
        addPlace, button(msg, 'close-points', 'adm.users.pointsClose', () => this.close(key)));
    const points = new ContactPointsEditor(this.page, {list, empty, addPlace, formId: `add-point-${u.username}`,
      base: `${USERS}/${encodeURIComponent(u.username)}/contact-points`, testable: false});
    this.forms.set(key, {form: box, points, retitle});
    this.render();
    try {
      await points.load();
    } catch (e) {
      console.info('contact points of', u.username, e.message);
      error.textContent = msg.t('adm.loadFailed', e.status || 'network');
    }
    title.focus();
  }

  editForm(u) {
    const msg = this.page.msg;
    const form = newForm('user-edit', `edit:${u.username}`);
    const choice = new AgencyChoice(this.agencies, u.agency);
    form.append(el('h3', '', msg.t('adm.users.editTitle', u.username)), roleChoices(msg, u.roles), choice.render(msg),
        field(msg, 'adm.users.language', select(msg, 'language', LANGUAGES, u.language)),
        words('p', 'hint', msg, 'adm.users.endsSessions'),
        formButtons(msg, 'adm.save', () => this.close(`edit:${u.username}`)), errorLine());
    form.onsubmit = async event => {
      event.preventDefault();
      const body = {roles: checked(form, 'roles'), agency: choice.value(), language: form.language.value};
      await this.change(form, u, body, `edit:${u.username}`);
    };
    return {form, choice};
  }

  passwordForm(u) {
    const msg = this.page.msg;
    const form = newForm('password-form', `password:${u.username}`);
    const password = input('password', 'password');
    password.autocomplete = 'new-password';
    form.append(el('h3', '', msg.t('adm.users.passwordTitle', u.username)),
        field(msg, 'adm.users.newPassword', password, 'adm.users.passwordHint'),
        words('p', 'hint', msg, 'adm.users.endsSessions'),
        formButtons(msg, 'adm.users.setPassword', () => this.close(`password:${u.username}`)), errorLine());
    form.onsubmit = async event => {
      event.preventDefault();
      await this.change(form, u, {password: form.password.value}, `password:${u.username}`);
    };
    return {form};
  }

  /** PATCHes user {@code u} for the form or item {@code scope}; when it went through, closes form {@code key} and reloads. */
  async change(scope, u, body, key) {
    const done = await attempt(this.page.msg, scope, 'user',
        () => apiPatch(this.page.token, `${USERS}/${u.id}`, body), [200]);
    if (!done) return;
    if (key) this.forms.delete(key);
    await this.load();
  }
}

function newForm(className, scope) {
  const form = el('form', `adm-form ${className}`);
  form.noValidate = true;
  form.dataset.scope = scope;
  return form;
}

function roleChoices(msg, roles) {
  const box = el('fieldset', 'role-choices');
  box.dataset.field = 'roles';
  box.append(words('legend', '', msg, 'adm.users.roles'),
      ...ROLES.map(r => check(msg, 'roles', `adm.role.${r}`, roles.includes(r), r)), errorFor('roles'));
  return box;
}

function errorLine() {
  return errorFor('*', 'p');
}
