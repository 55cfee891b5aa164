// The on-call teams: each with its lead, members, the systems it owns and the policy it pages by; create, edit
// (PUT replaces the team), delete, and "Lịch trực" to show its rotations. A system another team owns is the node's
// to refuse (409 system_owned): the page names the owner next to the systems.
import {apiDelete, apiPost, apiPut} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, checked, confirming, errorFor, field, forget, input, select, systemChoices, usernames,
  words, EditableList} from './oncall-form.js';

const TEAMS = '/api/v1/oncall/teams';

export class TeamsPanel extends EditableList {
  /**
   * {@code list} and {@code editor} are the panel's elements; {@code changed} reloads after a change,
   * {@code show} shows a team's rotations.
   */
  constructor(list, editor, page, changed, show) {
    super('teams', 'team', list, editor, page, changed);
    this.show = show;
  }

  item(msg, team) {
    const li = el('li', 'oc-item team');
    li.dataset.team = team.code;
    li.dataset.scope = `team:${team.code}`;
    const head = el('div', 'item-head');
    head.append(el('strong', 'item-name', msg.name(team)), el('code', '', team.code));
    const facts = el('dl', 'facts');
    const policy = this.data.policies.find(p => p.code === team.policy);
    fact(facts, msg.t('oc.team.lead'), team.lead);
    fact(facts, msg.t('oc.team.members'), team.members.length ? team.members.join(', ') : msg.t('oc.none'));
    fact(facts, msg.t('oc.team.systems'), team.systems.length
        ? team.systems.map(code => this.systemName(msg, code)).join(', ') : msg.t('oc.none'), 'systems');
    fact(facts, msg.t('oc.team.policy'), policy ? policy.name : team.policy || msg.t('oc.team.noPolicy'));
    const actions = el('div', 'item-actions');
    actions.append(button(msg, 'rotations', 'oc.team.showRotations', () => this.show(team.code)));
    if (this.manage) {
      actions.append(button(msg, 'edit', 'oc.edit', () => this.open(team)));
      const remove = button(msg, 'delete', 'oc.delete', null, 'danger');
      remove.onclick = confirming(() => this.page.msg, remove, 'oc.confirmDelete', () => this.remove(team, li));
      actions.append(remove);
    }
    li.append(head, facts, actions, errorFor('*', 'p'));
    return li;
  }

  systemName(msg, code) {
    const s = this.data.systems.find(x => x.code === code);
    return s ? msg.name(s) : code;
  }

  /** Opens the form for a new team ({@code team} null) or to edit {@code team}. */
  open(team) {
    const msg = this.page.msg;
    const form = el('form', 'oc-form team-form');
    form.id = 'team-form';
    form.noValidate = true;
    form.dataset.scope = 'team-form';
    form.dataset.editing = team ? team.code : '';
    const code = input('code', 'text', team?.code);
    code.disabled = Boolean(team);
    code.placeholder = 'nhom-cong-dvc';
    const policies = [['', 'oc.team.noPolicy'], ...this.data.policies.map(p => [p.code, `${p.name} (${p.code})`, true])];
    const systems = el('fieldset', 'systems-field');
    systems.append(words('legend', '', msg, 'oc.team.systems'), words('p', 'hint', msg, 'oc.team.systemsHint'),
        systemChoices(msg, 'systems', this.data.systems, team?.systems || [], c => this.data.ownerOf(c), team?.code),
        errorFor('systems'));
    const lead = input('lead', 'text', team?.lead);
    lead.setAttribute('list', 'people');
    const title = team ? el('h3', '', msg.t('oc.team.editTitle', msg.name(team))) : words('h3', '', msg, 'oc.team.newTitle');
    form.append(title,
        field(msg, 'oc.team.code', code, team ? null : 'oc.team.codeHint'),
        field(msg, 'oc.team.nameVi', input('nameVi', 'text', team?.nameVi)),
        field(msg, 'oc.team.nameEn', input('nameEn', 'text', team?.nameEn)),
        field(msg, 'oc.team.lead', lead),
        field(msg, 'oc.team.members', input('members', 'text', (team?.members || []).join(', ')), 'oc.team.membersHint'),
        field(msg, 'oc.team.policy', select(msg, 'policy', policies, team?.policy || '')),
        systems, formButtons(msg, () => this.close()), errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save(form, team);
    };
    if (this.form) forget(this.form);
    this.form = form;
    this.render(this.data, this.manage);
    form.querySelector(team ? 'input[name="nameVi"]' : 'input[name="code"]').focus();
  }

  close() {
    if (this.form) forget(this.form);
    this.form = null;
    this.render(this.data, this.manage);
  }

  async save(form, team) {
    const body = {nameVi: form.nameVi.value.trim(), nameEn: form.nameEn.value.trim(), lead: form.lead.value.trim(),
      members: usernames(form.members.value), systems: checked(form, 'systems'), policy: form.policy.value || null};
    if (!team && form.code.value.trim()) body.code = form.code.value.trim();
    const token = this.page.token;
    const done = await attempt(this.page.msg, form, 'team',
        () => team ? apiPut(token, `${TEAMS}/${encodeURIComponent(team.code)}`, body) : apiPost(token, TEAMS, body),
        team ? [200] : [201], answer => this.owners(answer, body.systems, team?.code));
    if (!done) return;
    this.form = null;
    await this.changed(done.body.code);
  }

  /** A system_owned refusal names, for each chosen system another team owns, that team (the page knows them). */
  owners(answer, chosen, code) {
    if (answer.body?.error !== 'system_owned') return answer;
    const msg = this.page.msg;
    const taken = chosen.map(s => [s, this.data.ownerOf(s)]).filter(([, owner]) => owner && owner.code !== code)
        .map(([s, owner]) => msg.t('oc.ownedSystem', s, msg.name(owner)));
    return {status: answer.status, body: {...answer.body, details: [{field: 'systems', value: taken.join(', ')}]}};
  }

  async remove(team, li) {
    const done = await attempt(this.page.msg, li, 'team',
        () => apiDelete(this.page.token, `${TEAMS}/${encodeURIComponent(team.code)}`), [204, 404]);
    if (done) await this.changed();
  }
}

function fact(dl, term, value, name) {
  const dt = el('dt', '', term);
  const dd = el('dd', '', value);
  if (name) dd.dataset.fact = name;
  dl.append(dt, dd);
}

/** Save and cancel, as every on-call form ends. */
export function formButtons(msg, cancel) {
  const row = el('div', 'form-buttons');
  const save = words('button', 'primary', msg, 'oc.save');
  save.type = 'submit';
  save.dataset.action = 'save';
  row.append(save, button(msg, 'cancel', 'oc.cancel', cancel));
  return row;
}
