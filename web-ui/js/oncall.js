// The on-call page (README: On call): who is on call now and next for each team, the teams, their rotations and
// covers, the escalation policies and the maintenance windows. An sre or admin changes them here; anyone else
// signed in reads them (the node refuses their changes anyway). Every refusal of the API is shown beside the field
// it names, in the page's language, and said again after a language switch or a reload of the lists.
import {api} from './auth.js';
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId, el} from './panels/dom.js';
import {mayManage, renameSystems, showRefusals} from './panels/oncall-form.js';
import {renderNow} from './panels/oncall-now.js';
import {TeamsPanel} from './panels/oncall-teams.js';
import {RotationsPanel} from './panels/oncall-rotations.js';
import {PoliciesPanel} from './panels/oncall-policies.js';
import {WindowsPanel} from './panels/oncall-windows.js';
import {showAdminLink} from './panels/admin-link.js';

const ONCALL = '/api/v1/oncall';
/** Who is on call changes at a handoff: the "now" card is read again this often. */
const NOW_EVERY_MS = 60_000;

/** What the panels show: teams, policies, windows, the city's systems, each team's rotations, who is on call. */
let data = null;
let manage = false;
let panels;

async function startOnCall() {
  byId('oncall').classList.remove('hidden');
  manage = mayManage(page.me);
  showAdminLink(page.me);
  byId('read-only').classList.toggle('hidden', manage);
  document.body.dataset.manage = manage ? 'yes' : 'no';
  const reload = async team => {
    if (team) panels.rotations.select(team);
    await load();
  };
  panels = {
    teams: new TeamsPanel(byId('teams'), byId('team-editor'), page, reload, showRotations),
    rotations: new RotationsPanel(byId('rotations'), page, reload),
    policies: new PoliciesPanel(byId('policies'), byId('policy-editor'), page, reload),
    windows: new WindowsPanel(byId('windows'), byId('window-editor'), page, reload),
  };
  languageButton(render);
  renderClock();
  every(1000, renderClock);
  every(NOW_EVERY_MS, refreshNow);
  await load();
}

/** Shows team {@code code}'s rotations and brings them into view. */
function showRotations(code) {
  panels.rotations.select(code);
  byId('rotations-panel').scrollIntoView({block: 'start'});
}

/** Reads everything the page shows, then renders it; a failure is said on the page and tried again. */
async function load() {
  try {
    const [teams, policies, windows, now] = await Promise.all([
      api(page.token, `${ONCALL}/teams`), api(page.token, `${ONCALL}/policies`),
      api(page.token, `${ONCALL}/maintenance-windows`), api(page.token, `${ONCALL}/now`)]);
    const rotations = new Map(await Promise.all(teams.items.map(async t =>
      [t.code, (await api(page.token, `${ONCALL}/teams/${encodeURIComponent(t.code)}/rotations`)).items])));
    const systems = now.items.map(i => ({code: i.system, nameVi: i.nameVi, nameEn: i.nameEn}))
        .sort((a, b) => a.code.localeCompare(b.code));
    data = {teams: teams.items, policies: policies.items, windows: windows.items, systems, rotations, now,
      ownerOf: code => data.teams.find(t => t.systems.includes(code)) || null};
    byId('load-error').textContent = '';
    delete byId('load-error').dataset.status;
    render();
  } catch (e) {
    console.info('on call', e.message);
    const error = byId('load-error');
    error.dataset.status = e.status || 'network';
    error.textContent = page.msg.t('oc.loadFailed', error.dataset.status);
    setTimeout(load, 5000);
  }
}

/** Who is on call now, read again (a handoff may have passed); the forms are left as they are. */
async function refreshNow() {
  if (!data) return;
  data.now = await api(page.token, `${ONCALL}/now`);
  renderNowPanel();
}

function renderNowPanel() {
  const msg = page.msg;
  renderNow(byId('now'), msg, data.now);
  byId('now-at').textContent = msg.t('oc.now.at', msg.shortTime.format(new Date(data.now.at)));
}

function render() {
  const msg = page.msg;
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.username})`;
  const error = byId('load-error');
  if (error.dataset.status) error.textContent = msg.t('oc.loadFailed', error.dataset.status);
  if (!data) return;
  renderNowPanel();
  people();
  panels.teams.render(data, manage);
  panels.rotations.render(data, manage);
  panels.policies.render(data, manage);
  panels.windows.render(data, manage);
  msg.apply(byId('oncall'));
  renameSystems(msg, byId('oncall'), data.systems, data.teams);
  showRefusals(msg);
}

/** The people the page knows of (leads, members, who covers, the signed-in person), offered as usernames are typed. */
function people() {
  let list = byId('people');
  if (!list) {
    list = el('datalist');
    list.id = 'people';
    document.body.append(list);
  }
  const names = new Set([page.me.username]);
  for (const t of data.teams) [t.lead, ...t.members].forEach(n => names.add(n));
  for (const rs of data.rotations.values()) rs.forEach(r => r.covers.forEach(c => names.add(c.username)));
  list.replaceChildren(...[...names].sort().map(n => {
    const o = el('option');
    o.value = n;
    return o;
  }));
}

boot(startOnCall).catch(e => console.error('on-call page failed to start', e));
