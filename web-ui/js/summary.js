// A leader's one-glance summary: outages now, today's overdue dossiers and feedback with the worst districts, the
// headline KPIs against their targets, today's and the next briefings, the overdue tasks of one's agency. Live over
// the wall's topics (systems, alerts, kpi.city, feedback, kpi.district.<code>) and the tasks page's (tasks,
// tasks.agency.<code>); KPIs and briefings, which no topic carries, are re-read every minute. An agency officer sees their own agency's figures (what the node lets
// them follow) without the city-wide sections.
import {LiveClient} from './live.js';
import {TOPICS} from './topics.js';
import {api} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, renderFreshness, showBanner} from './page.js';
import {byId} from './panels/dom.js';
import {outages, renderOutages} from './panels/summary-outages.js';
import {renderOverdue, worstDistricts} from './panels/summary-overdue.js';
import {renderKpis} from './panels/summary-kpis.js';
import {briefings, renderBriefings} from './panels/summary-briefings.js';
import {renderTasks, tasksPath, tasksTopic} from './panels/summary-tasks.js';
import {isCityReader} from './landing.js';

/** Connected but no topic message for this long: the page says its data is stale. */
const STALE_MS = 1000 * Number(new URLSearchParams(location.search).get('staleSeconds') || 60);

const state = {
  city: true,            // a city-wide reader (else an agency officer: their agency's view)
  systems: null,         // the systems topic (null until it answers)
  since: {},             // system code -> epoch ms its status began
  alerts: {},
  today: null,           // today's dossier KPIs: the city's, or the officer's district or agency
  feedback: null,        // the feedback topic (city) …
  ownFeedback: null,     // … or the officer's district's overdue feedback (REST)
  districts: {},         // district code -> today's dossier KPIs
  names: {},             // district code -> {nameVi, nameEn}
  headline: null,
  meetings: null,
  tasks: null,          // the agency's tasks by id (any state)
};
const dirty = new Set();

async function startSummary() {
  const me = page.me;
  state.city = isCityReader(me);
  if (!state.city && !(me.roles || []).includes('agency')) {
    showRefusal();
    return;
  }
  byId('summary').classList.remove('hidden');
  document.querySelectorAll('.city-only').forEach(e => e.classList.toggle('hidden', !state.city));
  const tiles = await (await fetch('/data/district-tiles.json')).json();
  const districtCodes = tiles.tiles.map(t => t.code);
  const ownDistrict = !state.city && districtCodes.includes(me.agency);
  byId('overdue-feedback').parentElement.classList.toggle('hidden', !state.city && !ownDistrict);
  languageButton(() => { renderFreshness(STALE_MS); markDirty('all'); flush(); });

  const topics = state.city
      ? [TOPICS.SYSTEMS, TOPICS.ALERTS, TOPICS.KPI_CITY, TOPICS.FEEDBACK, ...districtCodes.map(c => TOPICS.KPI_DISTRICT + c)]
      : [(ownDistrict ? TOPICS.KPI_DISTRICT : TOPICS.KPI_AGENCY) + me.agency];
  topics.push(tasksTopic(me, TOPICS));
  page.live = new LiveClient(page.token, topics, {onTopic, onState, onAuthFailed: () => showBanner('revoked')});
  page.live.start();
  tick();
  markDirty('all');

  const polls = state.city
      ? [[refreshSystems, 30_000], [refreshHeadline, 60_000], [refreshNames, 300_000]]
      : [[ownDistrict ? refreshOwnFeedback : null, 30_000], [refreshOwnName, 300_000]];
  polls.push([refreshMeetings, 60_000]);
  const active = polls.filter(([fn]) => fn);
  await Promise.allSettled([...active.map(([fn]) => fn()), firstTasks()]);
  active.forEach(([fn, ms]) => every(ms, fn));
  every(1000, tick);
  every(250, flush);
}

function showRefusal() {
  const note = byId('scope-note');
  byId('summary').classList.remove('hidden');
  byId('summary').querySelector('main').classList.add('hidden');
  byId('summary').querySelector('nav').classList.add('hidden');
  note.textContent = page.msg.t('sum.refused');
  note.setAttribute('role', 'alert');
  note.classList.remove('hidden');
}

function onTopic(topic, data) {
  if (topic === TOPICS.SYSTEMS) {
    for (const [code, s] of Object.entries(data)) {
      const before = state.systems && state.systems[code];
      if (before && before.status !== s.status) state.since[code] = Date.parse(s.reportedAt);
    }
    state.systems = data;
    markDirty('outages');
  } else if (topic === TOPICS.ALERTS) {
    state.alerts = data || {};
    markDirty('outages');
  } else if (topic === TOPICS.KPI_CITY) {
    state.today = data && data.today;
    markDirty('overdue');
  } else if (topic === TOPICS.FEEDBACK) {
    state.feedback = data;
    markDirty('overdue');
  } else if (topic === tasksTopic(page.me, TOPICS)) {
    state.tasks = data || {};
    markDirty('tasks');
  } else if (topic.startsWith(TOPICS.KPI_DISTRICT) || topic.startsWith(TOPICS.KPI_AGENCY)) {
    if (state.city) state.districts[topic.slice(TOPICS.KPI_DISTRICT.length)] = data && data.today;
    else state.today = data && data.today;
    markDirty('overdue');
  }
  renderFreshness(STALE_MS);
}

/** The connection state in the header; what was shown before a loss is marked as possibly out of date. */
function onState(live) {
  renderConnection(live);
  document.body.dataset.stale = String(live !== 'live' && Boolean(page.live && page.live.lastMessageAt));
}

function markDirty(...sections) {
  sections.forEach(s => dirty.add(s));
}

/** Renders what changed, at most four times a second however fast the data moves. */
function flush() {
  if (!dirty.size) return;
  const all = dirty.has('all');
  const msg = page.msg;
  if (state.city && (all || dirty.has('outages'))) {
    renderOutages(msg, outages(state.systems, state.alerts, state.since), state.systems !== null);
  }
  if (all || dirty.has('overdue')) {
    const feedback = state.city ? state.feedback && state.feedback.today && state.feedback.today.overdue : state.ownFeedback;
    const known = Object.keys(state.districts).length > 0 || state.feedback !== null;
    renderOverdue(msg, state.today ? state.today.overdueNow : null, feedback ?? null,
        worstDistricts(state.districts, state.feedback, state.names), known);
  }
  if (state.city && (all || dirty.has('kpis'))) renderKpis(msg, state.headline);
  if (all || dirty.has('briefings')) renderBriefings(msg, state.meetings && briefings(state.meetings));
  if (all || dirty.has('tasks')) renderTasks(msg, page.me, state.tasks && Object.values(state.tasks));
  if (all) renderWho();
  dirty.clear();
  document.body.dataset.rendered = String(Date.now());
}

function renderWho() {
  const me = page.me;
  byId('who').textContent = `${me.displayName || me.username} · ${me.agency || ''}`;
  const note = byId('scope-note');
  note.classList.toggle('hidden', state.city);
  if (!state.city) note.textContent = page.msg.t('sum.agencyView', me.agency);
}

function tick() {
  renderClock();
  if (!page.live) return;
  renderFreshness(STALE_MS);
  if (new Date().getSeconds() % 10 === 0) markDirty('outages', 'tasks'); // "for 5 minutes" moves on
}

async function refreshSystems() {
  for (const s of (await api(page.token, '/api/v1/systems')).items) {
    if (s.since) state.since[s.code] = Date.parse(s.since);
  }
  markDirty('outages');
}

async function refreshHeadline() {
  state.headline = await api(page.token, '/api/v1/kpi/headline');
  markDirty('kpis');
}

async function refreshNames() {
  for (const d of (await api(page.token, '/api/v1/rankings/districts?limit=30')).items) state.names[d.code] = d;
  markDirty('overdue');
}

async function refreshOwnName() {
  const own = page.me.agency;
  state.names[own] = (await api(page.token, `/api/v1/kpi/agencies/${encodeURIComponent(own)}`)).scope;
}

async function refreshOwnFeedback() {
  state.ownFeedback = (await api(page.token, `/api/v1/feedback/summary?district=${encodeURIComponent(page.me.agency)}`)).overdue;
  markDirty('overdue');
}

async function refreshMeetings() {
  state.meetings = (await api(page.token, '/api/v1/meetings')).items;
  markDirty('briefings');
}

/** The tasks once over REST, unless the topic has answered already. */
async function firstTasks() {
  const items = (await api(page.token, tasksPath(page.me))).items;
  if (state.tasks === null) {
    state.tasks = Object.fromEntries(items.map(t => [t.id, t]));
    markDirty('tasks');
  }
}

boot(startSummary).catch(e => console.error('summary failed to start', e));
