// The lobby's briefing form: title, level, Hanoi date-time, length, video link, chair, secretary, invited people
// (usernames), invited agencies (the picker) and the agenda (title, presenting agency and prepared panel with its
// parameters; add, remove, move up and down; the panel of a copied or edited item is kept). Creates (POST), changes (PUT) or starts from a copy;
// a refusal of the node is shown beside the field it names, in the page's language, and again after a switch.
import {el} from './dom.js';
import {clearProblems, showProblems} from './problems.js';
import {errorFor, field, hanoiInstant, hanoiLocal, input, select, signButton, usernames, words} from './oncall-form.js';
import {AgencyPicker} from './lobby-agencies.js';
import {panelBody, panelPicker} from './lobby-panel.js';

/** The lobby's words: `lobby.err.…`; agenda.0.title and agenda[0].presenter are said as agenda.title, agenda.presenter. */
export const LOBBY = {
  prefix: 'lobby',
  fieldOfCode: {illegal_transition: '*', forbidden: '*', not_found: '*', network: '*'},
  fieldKey: f => f.replace(/\[\d+\]/g, '').split('.').filter(part => !/^\d+$/.test(part)).join('.'),
};

const LEVELS = [['city', 'lobby.level.city'], ['district', 'lobby.level.district'], ['commune', 'lobby.level.commune']];
const WEEK_MS = 7 * 86_400_000;

/** An empty briefing, or {@code m} (the API's full meeting) as the form holds it; {@code copy}: a week later, no id. */
export function formState(m, copy) {
  if (!m) {
    return {id: null, title: '', level: 'district', local: '', duration: 60, videoUrl: '', chair: '', secretary: '',
      people: '', agencies: new Set(), agenda: [{title: '', presenter: '', panel: null}]};
  }
  let at = Date.parse(m.scheduledAt);
  if (copy) {
    do at += WEEK_MS; while (at < Date.now());
  }
  return {id: copy ? null : m.id, title: m.title, level: m.level, local: hanoiLocal(new Date(at).toISOString()),
    duration: m.durationMinutes || 60, videoUrl: m.videoUrl || '', chair: copy ? '' : m.chair || '',
    secretary: m.secretary || '', people: (m.invitedPeople || []).join(', '), agencies: new Set(m.invitedAgencies || []),
    // a copy does not carry "tasks from the last briefing" of the old one (it names that briefing's predecessor)
    agenda: (m.agenda || []).filter(i => !(copy && i.panel && i.panel.kind === 'previous-tasks'))
        .map(i => ({title: i.title, presenter: i.presenter || '', panel: i.panel || null}))};
}

/** The body for POST or PUT /api/v1/meetings from the form's state. */
export function body(state) {
  const b = {title: state.title.trim(), level: state.level, scheduledAt: hanoiInstant(state.local),
    durationMinutes: Number(state.duration), invitedAgencies: [...state.agencies].sort(),
    // an empty row (no title, no presenter) is left out; one with a presenter but no title is sent to be refused
    invitedPeople: usernames(state.people), agenda: state.agenda.filter(i => i.title.trim() || i.presenter || i.panel).map(i => {
      const item = {title: i.title.trim(), presenter: i.presenter || null};
      if (i.panel) item.panel = panelBody(i.panel);
      return item;
    })};
  if (state.videoUrl.trim()) b.videoUrl = state.videoUrl.trim();
  if (state.chair.trim()) b.chair = state.chair.trim();
  if (state.secretary.trim()) b.secretary = state.secretary.trim();
  if (!state.local) delete b.scheduledAt;
  if (!state.duration) delete b.durationMinutes;
  return b;
}

export class BriefingForm {
  /**
   * {@code agencies}: the city's; {@code kpis}: those a trend panel can show ([{kpi, nameVi, nameEn}]);
   * {@code save(state) → answer|null} sends the form; {@code close()} when it is closed without saving.
   */
  constructor(root, agencies, save, close, kpis = []) {
    this.root = root;
    this.agencies = agencies;
    this.kpis = kpis;
    this.save = save;
    this.close = close;
    this.state = null;
    this.refusal = null;
  }

  open(state) {
    this.state = state;
    this.refusal = null;
    this.picker = null;
  }

  render(msg) {
    if (!this.state) return;
    const s = this.state;
    this.msg = msg;
    const form = el('form', 'briefing-form');
    form.id = 'briefing-form';
    form.noValidate = true;
    form.dataset.mode = s.id ? 'edit' : 'create';
    const bind = (control, key) => {
      control.addEventListener('input', () => { s[key] = control.value; });
      control.addEventListener('change', () => { s[key] = control.value; });
      return control;
    };
    const title = bind(input('title', 'text', s.title), 'title');
    const level = bind(select(msg, 'level', LEVELS, s.level), 'level');
    const at = bind(input('scheduledAt', 'datetime-local', s.local), 'local');
    const duration = bind(input('durationMinutes', 'number', s.duration), 'duration');
    duration.min = '1';
    duration.max = '1440';
    const video = bind(input('videoUrl', 'url', s.videoUrl), 'videoUrl');
    video.placeholder = 'https://';
    const chair = bind(input('chair', 'text', s.chair), 'chair');
    chair.placeholder = msg.t('lobby.form.chairDefault');
    const secretary = bind(input('secretary', 'text', s.secretary), 'secretary');
    const people = bind(input('invitedPeople', 'text', s.people), 'people');
    if (!this.picker) this.picker = new AgencyPicker(msg, this.agencies, s.agencies, () => this.renderAgenda());
    this.agendaBox = el('fieldset', 'agenda-editor');
    const submit = words('button', 'primary', msg, s.id ? 'lobby.form.saveChanges' : 'lobby.form.schedule');
    submit.type = 'submit';
    submit.dataset.action = 'save';
    const cancel = words('button', 'close', msg, 'lobby.form.close');
    cancel.type = 'button';
    cancel.dataset.action = 'close';
    cancel.onclick = () => this.close();
    const actions = el('div', 'form-actions');
    actions.append(submit, cancel);
    form.append(field(msg, 'lobby.form.title', title, null, 'wide'), field(msg, 'lobby.form.level', level),
        field(msg, 'lobby.form.at', at, 'lobby.form.atHint'), field(msg, 'lobby.form.duration', duration),
        field(msg, 'lobby.form.video', video, 'lobby.form.videoHint', 'wide'),
        field(msg, 'lobby.form.chair', chair), field(msg, 'lobby.form.secretary', secretary),
        field(msg, 'lobby.form.people', people, 'lobby.form.peopleHint', 'wide'),
        this.picker.render(msg), this.agendaBox, errorFor('*', 'p'), actions);
    form.onsubmit = async event => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const answer = await this.save(s);
        if (answer) this.show(answer);
      } finally {
        submit.disabled = false;
      }
    };
    this.form = form;
    this.root.replaceChildren(form);
    this.renderAgenda();
    if (this.refusal) showProblems(form, msg, this.refusal, undefined, LOBBY);
  }

  /** Shows the node's refusal beside its fields (and keeps it for a language switch). */
  show(answer) {
    this.refusal = answer;
    showProblems(this.form, this.msg, answer, undefined, LOBBY);
  }

  clear() {
    this.refusal = null;
    if (this.form) clearProblems(this.form);
  }

  renderAgenda() {
    const msg = this.msg;
    const agenda = this.state.agenda;
    const presenters = [['', 'lobby.form.noPresenter'], ...[...this.state.agencies].sort()
        .map(code => [code, this.picker.label(code), true])];
    const choices = this.panelChoices(msg);
    const rows = agenda.map((item, i) => {
      const row = el('li', 'agenda-item');
      row.dataset.position = String(i + 1);
      const title = input(`agenda.${i}.title`, 'text', item.title);
      title.oninput = () => { item.title = title.value; };
      const known = presenters.some(([code]) => code === item.presenter);
      const options = known ? presenters : [...presenters, [item.presenter, this.picker.label(item.presenter), true]];
      const presenter = select(msg, `agenda[${i}].presenter`, options, item.presenter);
      presenter.onchange = () => { item.presenter = presenter.value; };
      const move = (to) => {
        agenda.splice(to, 0, agenda.splice(i, 1)[0]);
        this.renderAgenda();
      };
      const controls = el('div', 'item-controls');
      const up = signButton(msg, 'up', '↑', 'lobby.form.up', () => move(i - 1));
      up.disabled = i === 0;
      const down = signButton(msg, 'down', '↓', 'lobby.form.down', () => move(i + 1));
      down.disabled = i === agenda.length - 1;
      const remove = signButton(msg, 'remove', '✕', 'lobby.form.removeItem', () => {
        agenda.splice(i, 1);
        this.renderAgenda();
      });
      controls.append(up, down, remove);
      row.append(el('span', 'item-number', `${i + 1}.`), field(msg, 'lobby.form.itemTitle', title, null, 'item-title'),
          field(msg, 'lobby.form.presenter', presenter, null, 'item-presenter'), controls);
      if (item.panel && item.panel.kind === 'previous-tasks') {
        row.append(el('p', 'hint item-panel', msg.t('lobby.form.panel', msg.t('mtg.kind.previous-tasks'))));
      } else {
        row.append(panelPicker(msg, i, item, choices, () => this.districtOf(item)));
      }
      return row;
    });
    const list = el('ol', 'agenda-items');
    list.replaceChildren(...rows);
    const add = words('button', 'add-item', msg, 'lobby.form.addItem');
    add.type = 'button';
    add.dataset.action = 'add-item';
    add.onclick = () => {
      agenda.push({title: '', presenter: '', panel: null});
      this.renderAgenda();
      const inputs = this.agendaBox.querySelectorAll('.item-title input');
      inputs[inputs.length - 1].focus();
    };
    this.agendaBox.replaceChildren(words('legend', '', msg, 'lobby.form.agenda'), list, errorFor('agenda'), add);
    if (this.refusal) showProblems(this.form, msg, this.refusal, undefined, LOBBY);
  }

  /** The districts (by name) and KPIs a prepared panel can name, in the page's language. */
  panelChoices(msg) {
    const districts = this.agencies.filter(a => a.level === 'district')
        .map(a => [a.code, `${msg.name(a)} (${a.code})`]).sort((a, b) => a[1].localeCompare(b[1], msg.locale));
    return {districts, kpis: this.kpis.map(k => [k.kpi, msg.name(k)])};
  }

  /** The district a new district panel of {@code item} starts on: its presenter's, else the first invited. */
  districtOf(item) {
    const district = code => {
      const a = this.picker.byCode.get(code);
      return a && (a.level === 'district' ? a.code : a.level === 'commune' ? a.parent : null);
    };
    return district(item.presenter) || [...this.state.agencies].map(district).find(Boolean) || '';
  }
}
