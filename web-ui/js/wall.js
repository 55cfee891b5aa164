// The operations-center wall display: keeps the live topics, polls the slower REST figures, and re-renders
// each panel when its data moves. Sign-in, clock, banner and language come from page.js.
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

/** Connected but no topic message for this long: the screen says its data is stale. */
const STALE_MS = 1000 * Number(new URLSearchParams(location.search).get('staleSeconds') || 60);

const systems = new SystemsPanel();
const alerts = new AlertsPanel();
const kpis = new KpiPanel();
const throughput = new ThroughputPanel();
let behind;
let feedback;
const dirty = new Set();

async function startWall() {
  byId('wall').classList.remove('hidden');
  const tiles = await (await fetch('/data/district-tiles.json')).json();
  behind = new BehindPanel(tiles);
  feedback = new FeedbackPanel((m, code) => behind.shortName(m, code));
  kpis.init();
  throughput.init();
  feedback.init();
  languageButton(() => { markDirty('all'); flush(); });
  document.querySelectorAll('[data-map-kpi]').forEach(b => {
    b.onclick = () => { behind.kpi = b.dataset.mapKpi; markDirty('behind'); };
  });
  window.addEventListener('resize', () => markDirty('all'));

  tick();
  const topics = [TOPICS.SYSTEMS, TOPICS.KPI_CITY, TOPICS.FEEDBACK, TOPICS.ALERTS,
    ...behind.districtCodes().map(c => TOPICS.KPI_DISTRICT + c)];
  page.live = new LiveClient(page.token, topics, {onTopic, onState: renderConnection, onAuthFailed: () => showBanner('revoked')});
  page.live.start();

  await Promise.allSettled([refreshSystems(), refreshHeadline(), refreshRankings(), refreshSeries(), refreshTrend(),
    refreshTasks()]);
  markDirty('all');
  every(1000, tick);
  every(30_000, refreshSystems);
  every(30_000, refreshHeadline);
  every(30_000, refreshRankings);
  every(60_000, refreshSeries);
  every(300_000, refreshTrend);
  every(30_000, refreshTasks);
  every(250, flush);
}

function onTopic(topic, data) {
  if (topic === TOPICS.SYSTEMS) {
    systems.update(data);
    markDirty('systems');
  } else if (topic === TOPICS.KPI_CITY) {
    kpis.updateToday(data);
    throughput.live(data.today);
    markDirty('kpis', 'throughput');
  } else if (topic === TOPICS.FEEDBACK) {
    feedback.update(data);
    markDirty('feedback');
  } else if (topic === TOPICS.ALERTS) {
    alerts.update(data);
    markDirty('alerts');
  } else if (topic.startsWith(TOPICS.KPI_DISTRICT)) {
    behind.district(topic.slice(TOPICS.KPI_DISTRICT.length), data);
    markDirty('behind');
  }
  renderFreshness(STALE_MS);
}

function markDirty(...panels) {
  panels.forEach(p => dirty.add(p));
}

/** Renders what changed, at most four times a second however fast the data moves. */
function flush() {
  if (!dirty.size || !behind) return;
  const all = dirty.has('all');
  const msg = page.msg;
  if (all || dirty.has('systems')) systems.render(msg);
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
  const [districts, agencies] = await Promise.all([
    api(page.token, '/api/v1/rankings/districts?limit=30&compare=yesterday'),
    api(page.token, '/api/v1/rankings/agencies?level=city&limit=5&compare=yesterday')]);
  behind.rankings(districts.items);
  behind.agencyRankings(agencies.items);
  markDirty('behind', 'feedback');
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
  badge.textContent = overdueTasks ? page.msg.t('tasksOverdue', page.msg.int(overdueTasks)) : '';
  badge.dataset.value = overdueTasks ?? '';
}

async function refreshTrend() {
  feedback.updateTrend((await api(page.token, '/api/v1/feedback/summary')).satisfactionTrend);
  markDirty('feedback');
}

boot(startWall).catch(e => console.error('wall display failed to start', e));
