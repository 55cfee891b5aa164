// The operations-center wall display: keeps the live topics, polls the slower REST figures, and re-renders
// each panel when its data moves; the outage strip above the panels, the optional alert tone, and the whole
// picture dimmed while its data may be out of date. Sign-in, clock, banner and language come from page.js.
import {LiveClient} from './live.js';
import {TOPICS} from './topics.js';
import {api} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, renderFreshness, showBanner} from './page.js';
import {byId} from './panels/dom.js';
import {SystemsPanel} from './panels/systems.js';
import {AlertsPanel} from './panels/alerts.js';
import {KpiPanel} from './panels/kpis.js';
import {ThroughputPanel} from './panels/throughput.js';
import {BehindPanel} from './panels/behind.js';
import {FeedbackPanel} from './panels/feedback.js';
import {OutageStrip} from './panels/outages.js';
import {AlertTone} from './panels/tone.js';

/** Connected but no topic message for this long: the screen says its data is stale. */
const STALE_MS = 1000 * Number(new URLSearchParams(location.search).get('staleSeconds') || 60);

let strip;
const systems = new SystemsPanel({order: 'state', statusPrefix: 'wall.status', inStateKey: 'wall.inState',
  acknowledged: code => strip.acknowledged(code)});
const alerts = new AlertsPanel(4);
strip = new OutageStrip(systems, alerts);
const tone = new AlertTone();
const kpis = new KpiPanel();
const throughput = new ThroughputPanel();
const feedback = new FeedbackPanel();
let behind;
const dirty = new Set();

async function startWall() {
  byId('wall').classList.remove('hidden');
  const tiles = await (await fetch('/data/district-tiles.json')).json();
  behind = new BehindPanel(tiles);
  kpis.init();
  throughput.init();
  feedback.init();
  tone.attach(byId('tone'), () => page.msg);
  tone.render(page.msg);
  languageButton(() => { tone.render(page.msg); markDirty('all'); flush(); });
  window.addEventListener('resize', () => markDirty('all'));

  tick();
  const topics = [TOPICS.SYSTEMS, TOPICS.KPI_CITY, TOPICS.FEEDBACK, TOPICS.ALERTS,
    ...behind.districtCodes().map(c => TOPICS.KPI_DISTRICT + c)];
  page.live = new LiveClient(page.token, topics, {onTopic, onState, onAuthFailed: () => showBanner('revoked')});
  page.live.start();

  await Promise.allSettled([refreshSystems(), refreshHeadline(), refreshRankings(), refreshSeries(), refreshTasks()]);
  markDirty('all');
  every(1000, tick);
  every(30_000, refreshSystems);
  every(30_000, refreshHeadline);
  every(30_000, refreshRankings);
  every(60_000, refreshSeries);
  every(30_000, refreshTasks);
  every(250, flush);
}

function onTopic(topic, data) {
  if (topic === TOPICS.SYSTEMS) {
    systems.update(data);
    markDirty('systems');
  } else if (topic === TOPICS.KPI_CITY) {
    kpis.updateToday(data);
    behind.city(kpis.overdueNow());
    throughput.live(data.today);
    markDirty('kpis', 'throughput', 'behind');
  } else if (topic === TOPICS.FEEDBACK) {
    feedback.update(data);
    kpis.updateSatisfaction(feedback.today());
    behind.updateFeedback(data);
    markDirty('feedback', 'kpis', 'behind');
  } else if (topic === TOPICS.ALERTS) {
    alerts.update(data);
    tone.observe(data);
    markDirty('alerts', 'systems');
  } else if (topic.startsWith(TOPICS.KPI_DISTRICT)) {
    behind.district(topic.slice(TOPICS.KPI_DISTRICT.length), data);
    markDirty('behind');
  }
  renderFreshness(STALE_MS);
}

/** The connection's state: the dot and the banner (page.js), and the picture dimmed while it is not live. */
function onState(state) {
  renderConnection(state);
  dimIfStale();
}

/** Dims every figure while the connection is lost or the data stale, so that no one reads old numbers as now. */
function dimIfStale() {
  const banner = byId('banner');
  const stale = (page.live && page.live.state !== 'live') || (banner && banner.dataset.kind === 'stale');
  byId('wall').classList.toggle('stale-data', Boolean(stale));
  document.body.dataset.dimmed = String(Boolean(stale));
}

function markDirty(...panels) {
  panels.forEach(p => dirty.add(p));
}

/** Renders what changed, at most four times a second however fast the data moves. */
function flush() {
  if (!dirty.size || !behind) return;
  const all = dirty.has('all');
  const msg = page.msg;
  if (all || dirty.has('systems')) {
    systems.render(msg);
    strip.render(msg);
  }
  if (all || dirty.has('alerts')) alerts.render(msg);
  if (all || dirty.has('kpis')) kpis.render(msg);
  if (all || dirty.has('throughput')) throughput.render(msg);
  if (all || dirty.has('behind')) {
    behind.render(msg);
    renderTasks();
  }
  if (all || dirty.has('feedback')) feedback.render(msg);
  dirty.clear();
  document.body.dataset.rendered = String(Date.now());
}

function tick() {
  renderClock();
  if (!page.live) return;
  renderFreshness(STALE_MS);
  dimIfStale();
  markDirty('systems'); // time in state moves on
  if (new Date().getSeconds() === 0) markDirty('throughput', 'alerts');
}

async function refreshSystems() {
  systems.details((await api(page.token, '/api/v1/systems')).items);
  markDirty('systems');
}

async function refreshHeadline() {
  kpis.updateHeadline(await api(page.token, '/api/v1/kpi/headline'));
  markDirty('kpis');
}

async function refreshRankings() {
  behind.rankings((await api(page.token, '/api/v1/rankings/districts?limit=30')).items);
  markDirty('behind');
}

async function refreshSeries() {
  const from = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 179 * 60_000).toISOString();
  const [received, completed] = await Promise.all([
    api(page.token, `/api/v1/series?kpi=dossiers_received&scope=city&step=minute&from=${encodeURIComponent(from)}`),
    api(page.token, `/api/v1/series?kpi=dossiers_completed&scope=city&step=minute&from=${encodeURIComponent(from)}`)]);
  throughput.history('dossiers_received', received.points);
  throughput.history('dossiers_completed', completed.points);
  markDirty('throughput');
}

let overdueTasks = null;

/** Tasks assigned in briefings and now past their deadline (GET /api/v1/tasks?overdue=true). */
async function refreshTasks() {
  overdueTasks = (await api(page.token, '/api/v1/tasks?overdue=true')).items.length;
  renderTasks();
}

function renderTasks() {
  const badge = byId('overdue-tasks');
  badge.textContent = overdueTasks ? page.msg.count('wall.tasksOverdue', overdueTasks) : '';
  badge.dataset.value = overdueTasks ?? '';
}

boot(startWall).catch(e => console.error('wall display failed to start', e));
