// The operations-center wall display: signs in (display token or a person), keeps the live topics, polls the
// slower REST figures, and re-renders each panel when its data moves. Everything visible is in i18n/.
import {chosenLanguage, loadMessages} from './i18n.js';
import {LiveClient} from './live.js';
import {adoptDisplayToken, api, currentToken, isDisplay, signIn, whoAmI} from './auth.js';
import {byId} from './panels/dom.js';
import {SystemsPanel} from './panels/systems.js';
import {AlertsPanel} from './panels/alerts.js';
import {KpiPanel} from './panels/kpis.js';
import {ThroughputPanel} from './panels/throughput.js';
import {BehindPanel} from './panels/behind.js';
import {FeedbackPanel} from './panels/feedback.js';

const params = new URLSearchParams(location.search);
/** Connected but no topic message for this long: the screen says its data is stale. */
const STALE_MS = 1000 * Number(params.get('staleSeconds') || 60);

let msg;
let token;
let live;
const systems = new SystemsPanel();
const alerts = new AlertsPanel();
const kpis = new KpiPanel();
const throughput = new ThroughputPanel();
let behind;
let feedback;
const dirty = new Set();

async function main() {
  adoptDisplayToken();
  msg = await loadMessages(chosenLanguage());
  msg.apply(document);
  token = currentToken();
  let me;
  for (;;) {
    try {
      me = await whoAmI(token);
      break;
    } catch (e) { // the node is not reachable (yet): say so and keep trying
      showBanner('lost');
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  }
  showBanner(null);
  document.body.classList.remove('loading');
  if (!me) {
    if (isDisplay()) {
      showBanner('revoked');
    } else {
      showSignIn();
    }
    return;
  }
  await startWall();
}

function showSignIn() {
  const form = byId('sign-in');
  form.classList.remove('hidden');
  form.onsubmit = async event => {
    event.preventDefault();
    const signed = await signIn(form.username.value.trim(), form.password.value);
    if (!signed) {
      byId('sign-in-error').textContent = msg.t('signInFailed');
      return;
    }
    token = signed;
    form.classList.add('hidden');
    await startWall();
  };
}

async function startWall() {
  byId('wall').classList.remove('hidden');
  const tiles = await (await fetch('/data/district-tiles.json')).json();
  behind = new BehindPanel(tiles);
  feedback = new FeedbackPanel((m, code) => behind.shortName(m, code));
  kpis.init();
  throughput.init();
  feedback.init();
  byId('lang').onclick = switchLanguage;
  document.querySelectorAll('[data-map-kpi]').forEach(b => {
    b.onclick = () => { behind.kpi = b.dataset.mapKpi; markDirty('behind'); };
  });
  window.addEventListener('resize', () => markDirty('all'));

  tick();
  const topics = ['systems', 'kpi.city', 'feedback', 'alerts', ...behind.districtCodes().map(c => `kpi.district.${c}`)];
  live = new LiveClient(token, topics, {onTopic, onState: renderConnection, onAuthFailed: () => showBanner('revoked')});
  live.start();

  await Promise.allSettled([refreshSystems(), refreshHeadline(), refreshRankings(), refreshSeries(), refreshTrend()]);
  markDirty('all');
  every(1000, tick);
  every(30_000, refreshSystems);
  every(30_000, refreshHeadline);
  every(30_000, refreshRankings);
  every(60_000, refreshSeries);
  every(300_000, refreshTrend);
  every(250, flush);
}

function onTopic(topic, data) {
  if (topic === 'systems') {
    systems.update(data);
    markDirty('systems');
  } else if (topic === 'kpi.city') {
    kpis.updateToday(data);
    throughput.live(data.today);
    markDirty('kpis', 'throughput');
  } else if (topic === 'feedback') {
    feedback.update(data);
    markDirty('feedback');
  } else if (topic === 'alerts') {
    alerts.update(data);
    markDirty('alerts');
  } else if (topic.startsWith('kpi.district.')) {
    behind.district(topic.slice('kpi.district.'.length), data);
    markDirty('behind');
  }
  renderFreshness();
}

function markDirty(...panels) {
  panels.forEach(p => dirty.add(p));
}

/** Renders what changed, at most four times a second however fast the data moves. */
function flush() {
  if (!dirty.size || !behind) return;
  const all = dirty.has('all');
  if (all || dirty.has('systems')) systems.render(msg);
  if (all || dirty.has('alerts')) alerts.render(msg);
  if (all || dirty.has('kpis')) kpis.render(msg);
  if (all || dirty.has('throughput')) throughput.render(msg);
  if (all || dirty.has('behind')) behind.render(msg);
  if (all || dirty.has('feedback')) feedback.render(msg);
  dirty.clear();
  document.body.dataset.rendered = String(Date.now());
}

function tick() {
  const now = new Date();
  renderClock(now);
  if (!live) return;
  renderFreshness();
  markDirty('systems'); // time in state moves on
  if (now.getSeconds() === 0) markDirty('throughput', 'alerts');
}

function renderClock(now) {
  byId('clock-time').textContent = msg.time.format(now);
  byId('clock-date').textContent = msg.date.format(now);
}

function renderFreshness() {
  const el = byId('freshness');
  const last = live && live.lastMessageAt;
  const age = last ? Date.now() - last : null;
  el.textContent = last ? msg.t('updatedAgo', msg.duration(age)) : msg.t('updatedNever');
  const stale = live && live.state === 'live' && age !== null && age > STALE_MS;
  el.classList.toggle('stale', Boolean(stale));
  if (live && live.state === 'live') showBanner(stale ? 'stale' : null, age);
}

function renderConnection(state) {
  document.body.dataset.connection = state;
  const el = byId('connection');
  el.className = `connection ${state}`;
  el.textContent = msg.t(state === 'live' ? 'connected' : state === 'connecting' ? 'connecting' : 'disconnected');
  if (state === 'lost' || state === 'connecting') {
    if (live && live.lastMessageAt) showBanner('lost');
  } else if (state === 'revoked') {
    showBanner('revoked');
  } else {
    showBanner(null);
  }
}

function showBanner(kind, age) {
  const banner = byId('banner');
  banner.dataset.kind = kind || '';
  if (!kind) {
    banner.classList.add('hidden');
    return;
  }
  banner.classList.remove('hidden');
  banner.classList.toggle('stale', kind === 'stale');
  banner.textContent = kind === 'lost' ? msg.t('bannerLost')
      : kind === 'stale' ? msg.t('bannerStale', msg.duration(age)) : msg.t('bannerRevoked');
}

async function switchLanguage() {
  msg = await loadMessages(msg.lang === 'vi' ? 'en' : 'vi');
  msg.apply(document);
  renderConnection(live.state);
  tick();
  markDirty('all');
  flush();
}

function every(ms, fn) {
  setInterval(() => { Promise.resolve(fn()).catch(e => console.info(fn.name, e.message)); }, ms);
}

async function refreshSystems() {
  const body = await api(token, '/api/v1/systems');
  systems.details(body.items);
  markDirty('systems');
}

async function refreshHeadline() {
  kpis.updateHeadline(await api(token, '/api/v1/kpi/headline'));
  markDirty('kpis');
}

async function refreshRankings() {
  const [districts, agencies] = await Promise.all([
    api(token, '/api/v1/rankings/districts?limit=30&compare=yesterday'),
    api(token, '/api/v1/rankings/agencies?level=city&limit=5&compare=yesterday')]);
  behind.rankings(districts.items);
  behind.agencyRankings(agencies.items);
  markDirty('behind', 'feedback');
}

async function refreshSeries() {
  const from = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 179 * 60_000).toISOString();
  const [received, completed] = await Promise.all([
    api(token, `/api/v1/series?kpi=dossiers_received&scope=city&step=minute&from=${encodeURIComponent(from)}`),
    api(token, `/api/v1/series?kpi=dossiers_completed&scope=city&step=minute&from=${encodeURIComponent(from)}`)]);
  throughput.history('dossiers_received', received.points);
  throughput.history('dossiers_completed', completed.points);
  markDirty('throughput');
}

async function refreshTrend() {
  const summary = await api(token, '/api/v1/feedback/summary');
  feedback.updateTrend(summary.satisfactionTrend);
  markDirty('feedback');
}

main().catch(e => console.error('wall display failed to start', e));
