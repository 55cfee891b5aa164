// A team's rotations, one per layer (primary, secondary): a shift a day or a week, handed over at a Hanoi time (and
// weekday), from a start date, the members taking turns in order (reordered with ↑ ↓); the next shifts as the node
// works them out (covers included); the covers, added (who, from, to, why) and removed. Covers of one rotation may
// not overlap (409 overlapping_cover): the page names the cover it overlaps.
import {apiDelete, apiPost, apiPut} from '../auth.js';
import {el} from './dom.js';
import {attempt, button, confirming, errorFor, field, forget, hanoiInstant, hanoiLocal, hanoiToday, input, select,
  signButton, when, words} from './oncall-form.js';
import {formButtons} from './oncall-teams.js';

const LAYERS = ['primary', 'secondary'];
const DAYS = [1, 2, 3, 4, 5, 6, 7];

export class RotationsPanel {
  constructor(root, page, changed) {
    this.root = root;
    this.page = page;
    this.changed = changed;
    this.team = null;
    /** Open forms by their scope (rotation-form:<team>:<layer>, cover-form:<rotation id>), kept across re-renders. */
    this.forms = new Map();
  }

  /** Shows team {@code code}'s rotations. */
  select(code) {
    this.team = code;
    if (this.data) this.render(this.data, this.manage);
  }

  render(data, manage) {
    const msg = this.page.msg;
    this.data = data;
    this.manage = manage;
    if (!data.teams.some(t => t.code === this.team)) this.team = data.teams.length ? data.teams[0].code : null;
    if (!this.team) {
      this.root.replaceChildren(words('p', 'hint', msg, 'oc.teams.none'));
      return;
    }
    const chooser = select(msg, 'team', data.teams.map(t => [t.code, msg.name(t), true]), this.team);
    chooser.id = 'rotation-team';
    chooser.onchange = () => this.select(chooser.value);
    const team = data.teams.find(t => t.code === this.team);
    const rotations = data.rotations.get(this.team) || [];
    this.root.replaceChildren(field(msg, 'oc.rotations.team', chooser, null, 'team-chooser'),
        ...LAYERS.map(layer => this.layer(msg, team, layer, rotations.find(r => r.layer === layer))));
  }

  layer(msg, team, layer, rotation) {
    const box = el('article', 'rotation oc-item');
    box.dataset.layer = layer;
    box.dataset.scope = `rotation:${team.code}:${layer}`;
    if (rotation) box.dataset.rotation = rotation.id;
    box.append(words('h3', '', msg, `oc.layer.${layer}`));
    const formKey = `rotation-form:${team.code}:${layer}`;
    if (!rotation) {
      box.append(words('p', 'hint', msg, 'oc.rotation.none'));
      if (this.manage && !this.forms.has(formKey)) {
        box.append(button(msg, 'create-rotation', 'oc.rotation.create', () => this.open(team, layer, null), 'primary'));
      }
    } else {
      box.append(this.facts(msg, rotation), this.shifts(msg, rotation), this.covers(msg, rotation));
      if (this.manage) {
        const actions = el('div', 'item-actions');
        if (!this.forms.has(formKey)) actions.append(button(msg, 'edit-rotation', 'oc.rotation.edit', () => this.open(team, layer, rotation)));
        if (!this.forms.has(`cover-form:${rotation.id}`)) {
          actions.append(button(msg, 'add-cover', 'oc.cover.add', () => this.openCover(team, rotation)));
        }
        const remove = button(msg, 'delete-rotation', 'oc.rotation.delete', null, 'danger');
        remove.onclick = confirming(() => this.page.msg, remove, 'oc.confirmDelete', () => this.removeRotation(rotation, box));
        actions.append(remove);
        box.append(actions);
      }
      if (this.forms.has(`cover-form:${rotation.id}`)) box.append(this.forms.get(`cover-form:${rotation.id}`));
    }
    if (this.forms.has(formKey)) box.append(this.forms.get(formKey));
    box.append(errorFor('*', 'p'));
    return box;
  }

  facts(msg, r) {
    const p = el('p', 'rotation-facts');
    p.append(r.length === 'weekly'
        ? msg.t('oc.rotation.weekly', msg.t(`oc.day.${r.handoffDay}`), r.handoffTime, r.startsOn)
        : msg.t('oc.rotation.daily', r.handoffTime, r.startsOn));
    const order = el('ol', 'members-order');
    order.setAttribute('aria-label', msg.t('oc.rotation.members'));
    r.members.forEach(m => order.append(el('li', '', m)));
    const wrap = el('div', 'rotation-summary');
    wrap.append(p, words('span', 'hint', msg, 'oc.rotation.members'), order);
    return wrap;
  }

  shifts(msg, r) {
    const wrap = el('div', 'shifts-wrap');
    const list = el('ol', 'shifts');
    for (const s of r.upcoming || []) {
      const li = el('li', `shift${s.cover ? ' cover' : ''}`);
      li.dataset.username = s.username;
      li.append(el('strong', '', s.username), ' ', el('span', 'hint', msg.t('oc.shift.range', when(msg, s.from), when(msg, s.to))));
      if (s.cover) li.append(' ', el('span', 'badge cover', msg.t('oc.cover.badge')));
      list.append(li);
    }
    wrap.append(words('h4', '', msg, 'oc.rotation.shifts'), list);
    return wrap;
  }

  covers(msg, r) {
    const wrap = el('div', 'covers-wrap');
    wrap.append(words('h4', '', msg, 'oc.cover.title'));
    const now = Date.now();
    const current = r.covers.filter(c => Date.parse(c.endsAt) > now);
    if (!current.length) wrap.append(words('p', 'hint', msg, 'oc.cover.none'));
    const list = el('ul', 'covers');
    for (const c of current) {
      const li = el('li', 'cover-item');
      li.dataset.cover = c.id;
      li.dataset.scope = `cover:${c.id}`;
      const text = el('div', 'cover-text');
      text.append(el('strong', '', c.username), ' ', el('span', '', msg.t('oc.shift.range', when(msg, c.startsAt), when(msg, c.endsAt))));
      if (c.reason) text.append(el('span', 'hint cover-reason', c.reason));
      li.append(text);
      if (this.manage) {
        const remove = button(msg, 'delete-cover', 'oc.delete', null, 'danger');
        remove.onclick = confirming(() => this.page.msg, remove, 'oc.confirmDelete', () => this.removeCover(c, li));
        li.append(remove);
      }
      li.append(errorFor('*', 'p'));
      list.append(li);
    }
    wrap.append(list);
    return wrap;
  }

  /** The form for {@code team}'s {@code layer}: a new rotation ({@code rotation} null) or a change of it. */
  open(team, layer, rotation) {
    const msg = this.page.msg;
    const key = `rotation-form:${team.code}:${layer}`;
    const form = el('form', 'oc-form rotation-form');
    form.noValidate = true;
    form.dataset.scope = key;
    form.dataset.layer = layer;
    const length = select(msg, 'length', [['daily', 'oc.length.daily'], ['weekly', 'oc.length.weekly']], rotation?.length || 'weekly');
    const time = input('handoffTime', 'text', rotation?.handoffTime || '08:00');
    time.className = 'time';
    time.maxLength = 8;
    time.placeholder = '08:00';
    const day = field(msg, 'oc.rotation.handoffDay', select(msg, 'handoffDay', DAYS.map(d => [String(d), `oc.day.${d}`]),
        rotation?.handoffDay || 1));
    const startsOn = input('startsOn', 'date', rotation?.startsOn || hanoiToday());
    const shown = () => day.classList.toggle('hidden', length.value !== 'weekly');
    length.onchange = shown;
    shown();
    form.append(words('h3', '', msg, rotation ? 'oc.rotation.editTitle' : 'oc.rotation.newTitle'),
        field(msg, 'oc.rotation.length', length), field(msg, 'oc.rotation.handoffTime', time, 'oc.rotation.handoffTimeHint'),
        day, field(msg, 'oc.rotation.startsOn', startsOn), this.memberOrder(msg, team, rotation?.members || []),
        formButtons(msg, () => this.closeForm(key)), errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.save(form, team, layer, rotation);
    };
    this.forms.set(key, form);
    this.render(this.data, this.manage);
  }

  /** The members in turn order: each moves up or down or leaves; the team's other members can be added. */
  memberOrder(msg, team, members) {
    const box = el('fieldset', 'members-field');
    const list = el('ol', 'order');
    const add = select(msg, 'add-member', [], null);
    add.setAttribute('aria-label', msg.t('oc.rotation.addMember'));
    add.dataset.i18nLabel = 'oc.rotation.addMember';
    const refresh = () => {
      const rows = [...list.children];
      rows.forEach((row, i) => {
        row.querySelector('.position').textContent = `${i + 1}.`;
        row.querySelector('[data-action="up"]').disabled = i === 0;
        row.querySelector('[data-action="down"]').disabled = i === rows.length - 1;
      });
      const inList = rows.map(r => r.dataset.username);
      add.replaceChildren(...team.members.filter(m => !inList.includes(m)).map(m => {
        const o = el('option', '', m);
        o.value = m;
        return o;
      }));
      addButton.disabled = add.options.length === 0;
    };
    const row = username => {
      const li = el('li', 'member');
      li.dataset.username = username;
      li.append(el('span', 'position'), el('span', 'member-name', username),
          signButton(msg, 'up', '↑', 'oc.moveUp', () => { li.previousElementSibling?.before(li); refresh(); }),
          signButton(msg, 'down', '↓', 'oc.moveDown', () => { li.nextElementSibling?.after(li); refresh(); }),
          signButton(msg, 'remove', '✕', 'oc.rotation.removeMember', () => { li.remove(); refresh(); }));
      return li;
    };
    const addButton = button(msg, 'add-member', 'oc.rotation.addMember', () => {
      if (add.value) list.append(row(add.value));
      refresh();
    });
    members.forEach(m => list.append(row(m)));
    const adding = el('div', 'add-member-row');
    adding.append(add, addButton);
    box.append(words('legend', '', msg, 'oc.rotation.members'), words('p', 'hint', msg, 'oc.rotation.membersHint'),
        list, adding, errorFor('members'));
    refresh();
    return box;
  }

  closeForm(key) {
    const form = this.forms.get(key);
    if (form) forget(form);
    this.forms.delete(key);
    this.render(this.data, this.manage);
  }

  async save(form, team, layer, rotation) {
    const body = {length: form.length.value, handoffTime: form.handoffTime.value.trim(),
      members: [...form.querySelectorAll('li.member')].map(li => li.dataset.username)};
    if (form.startsOn.value) body.startsOn = form.startsOn.value;
    if (body.length === 'weekly') body.handoffDay = Number(form.handoffDay.value);
    if (!rotation) body.layer = layer;
    const token = this.page.token;
    const done = await attempt(this.page.msg, form, 'rotation', () => rotation
        ? apiPut(token, `/api/v1/oncall/rotations/${rotation.id}`, body)
        : apiPost(token, `/api/v1/oncall/teams/${encodeURIComponent(team.code)}/rotations`, body),
    rotation ? [200] : [201]);
    if (!done) return;
    this.forms.delete(form.dataset.scope);
    await this.changed(team.code);
  }

  async removeRotation(rotation, box) {
    const done = await attempt(this.page.msg, box, 'rotation',
        () => apiDelete(this.page.token, `/api/v1/oncall/rotations/${rotation.id}`), [204, 404]);
    if (done) await this.changed(this.team);
  }

  /** The form for a cover of {@code rotation}: from the next full hour, for a day, unless changed. */
  openCover(team, rotation) {
    const msg = this.page.msg;
    const key = `cover-form:${rotation.id}`;
    const form = el('form', 'oc-form cover-form');
    form.noValidate = true;
    form.dataset.scope = key;
    form.dataset.rotation = rotation.id;
    const hour = Math.ceil(Date.now() / 3600_000) * 3600_000;
    const who = input('username');
    who.setAttribute('list', 'people');
    const reason = input('reason');
    reason.maxLength = 500;
    form.append(words('h3', '', msg, 'oc.cover.newTitle'),
        field(msg, 'oc.cover.username', who, 'oc.cover.usernameHint'),
        field(msg, 'oc.cover.startsAt', input('startsAt', 'datetime-local', hanoiLocal(new Date(hour).toISOString()))),
        field(msg, 'oc.cover.endsAt', input('endsAt', 'datetime-local', hanoiLocal(new Date(hour + 86_400_000).toISOString()))),
        field(msg, 'oc.cover.reason', reason), formButtons(msg, () => this.closeForm(key)), errorFor('*', 'p'));
    form.onsubmit = event => {
      event.preventDefault();
      this.saveCover(form, team, rotation);
    };
    this.forms.set(key, form);
    this.render(this.data, this.manage);
  }

  async saveCover(form, team, rotation) {
    const body = {startsAt: hanoiInstant(form.startsAt.value), endsAt: hanoiInstant(form.endsAt.value),
      reason: form.reason.value.trim() || null};
    if (form.username.value.trim()) body.username = form.username.value.trim();
    const done = await attempt(this.page.msg, form, 'cover',
        () => apiPost(this.page.token, `/api/v1/oncall/rotations/${rotation.id}/covers`, body), [201],
        answer => this.overlapping(answer, rotation, body));
    if (!done) return;
    this.forms.delete(form.dataset.scope);
    await this.changed(team.code);
  }

  /** An overlapping_cover refusal names the covers it overlaps (the page has them). */
  overlapping(answer, rotation, body) {
    if (answer.body?.error !== 'overlapping_cover') return answer;
    const msg = this.page.msg;
    const from = Date.parse(body.startsAt);
    const to = Date.parse(body.endsAt);
    const others = rotation.covers.filter(c => Date.parse(c.startsAt) < to && from < Date.parse(c.endsAt))
        .map(c => msg.t('oc.cover.named', c.username, when(msg, c.startsAt), when(msg, c.endsAt)));
    return {status: answer.status, body: {...answer.body, details: [{field: 'startsAt', value: others.join('; ')}]}};
  }

  async removeCover(cover, li) {
    const done = await attempt(this.page.msg, li, 'cover',
        () => apiDelete(this.page.token, `/api/v1/oncall/covers/${cover.id}`), [204, 404]);
    if (done) await this.changed(this.team);
  }
}
