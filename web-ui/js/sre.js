// The SRE console: live alerts with one-click acknowledge / resolve / silence, an alert's history and the pages
// sent about its outage with every delivery attempt, the systems' status board, MTTA/MTTR per system, and a flash
// and a tone when a new critical alert fires. /sre.html#alert=<id> (the link in every page) opens that alert.
import {LiveClient} from './live.js';
import {TOPICS} from './topics.js';
import {api, apiPost} from './auth.js';
import {boot, every, languageButton, page, renderClock, renderConnection, renderFreshness, showBanner} from './page.js';
import {byId, el} from './panels/dom.js';
import {SystemsPanel} from './panels/systems.js';
import {AlertBoard, renderDetail} from './panels/alert-board.js';
import {renderPages} from './panels/pages.js';
import {refusalText} from './panels/refusal.js';
import {DevicePush} from './panels/device-push.js';
import {registerWorker} from './push.js';
import {showAdminLink} from './panels/admin-link.js';

const STALE_MS = 120_000;
const systems = new SystemsPanel();
const board = new AlertBoard(act, pick);
let detail = null;
let pages = [];
/** The selected alert as the live topic last had it: a change refreshes the detail. */
let detailSeen = null;
let stats = [];
let device = null;

async function startConsole() {
  byId('console').classList.remove('hidden');
  byId('who').textContent = page.msg.t('sre.signedInAs', page.me.displayName || page.me.username);
  showAdminLink(page.me);
  languageButton(renderAll);
  document.querySelectorAll('[data-filter]').forEach(b => {
    b.onclick = () => { board.filter = b.dataset.filter; renderAll(); };
  });
  renderClock();
  page.live = new LiveClient(page.token, [TOPICS.ALERTS, TOPICS.SYSTEMS], {onTopic, onState: renderConnection,
    onAuthFailed: () => showBanner('revoked')});
  page.live.start();
  device = new DevicePush(byId('device-push'));
  registerWorker().catch(e => console.info('service worker', e.message));
  navigator.serviceWorker?.addEventListener('message', event => {
    if (event.data && event.data.type === 'open') openLinked(event.data.url);
  });
  await Promise.allSettled([refreshSystems(), refreshStats(), device.refresh(page.msg, page.token)]);
  renderAll();
  openLinked(location.href);
  every(1000, () => { renderClock(); renderFreshness(STALE_MS); systems.render(page.msg); });
  every(15_000, () => board.render(page.msg));
  every(30_000, refreshSystems);
  every(30_000, refreshPages);
  every(60_000, refreshStats);
  window.addEventListener('hashchange', openLinkedAlert);
  await openLinkedAlert();
}

/** The alert a page's link names ({@code #alert=<id>}), opened in the detail panel. */
async function openLinkedAlert() {
  const linked = /^#alert=(\d+)$/.exec(location.hash);
  if (linked) {
    await refreshDetail(linked[1]);
  }
}

/** A link to an alert (/sre.html?alert=<id>: a page's message, the service worker's click) shows its detail. */
function openLinked(url) {
  const id = new URL(url, location.href).searchParams.get('alert');
  if (!id || !/^\d+$/.test(id)) return;
  board.selected = id;
  board.render(page.msg);
  refreshDetail(id).then(() => byId('detail').scrollIntoView({block: 'nearest'}))
      .catch(e => console.info('linked alert', id, e.message));
}

function onTopic(topic, data) {
  if (topic === TOPICS.ALERTS) {
    const fresh = board.update(data);
    board.render(page.msg);
    if (fresh.length) alarm();
    const seen = detail && data[detail.id] ? JSON.stringify(data[detail.id]) : null;
    if (seen && seen !== detailSeen) {
      detailSeen = seen;
      refreshDetail(detail.id);
    }
  } else if (topic === TOPICS.SYSTEMS) {
    systems.update(data);
    systems.render(page.msg);
  }
  renderFreshness(STALE_MS);
}

function renderAll() {
  board.render(page.msg);
  systems.render(page.msg);
  renderStats();
  if (detail) showDetail();
  device?.render(page.msg);
}

async function act(action, alert) {
  const same = detail && String(detail.id) === String(alert.id);
  const note = byId('note') && same ? byId('note').value.trim() : '';
  const answer = action === 'silence'
      ? await apiPost(page.token, '/api/v1/silences', {rule: alert.rule, subject: alert.subject, durationMinutes: 60,
        reason: note || page.msg.t('sre.silenceReason')})
      : await apiPost(page.token, `/api/v1/alerts/${alert.id}/${action}`, note ? {note} : {});
  if (answer.status >= 400) {
    document.body.dataset.lastRefusal = answer.body && answer.body.error || String(answer.status);
    showRefusal(refusalText(page.msg, answer));
  } else {
    document.body.dataset.lastRefusal = '';
    if (same && byId('note')) byId('note').value = ''; // the note went with the action
    if (byId('action-error')) byId('action-error').textContent = '';
  }
  await refreshDetail(alert.id);
}

function showRefusal(text) {
  const target = byId('action-error');
  if (target) {
    target.textContent = text;
  } else {
    const error = el('p', 'error', text);
    error.setAttribute('role', 'alert');
    byId('detail').prepend(error);
  }
}

async function pick(alert) {
  board.render(page.msg);
  await refreshDetail(alert.id);
}

async function refreshDetail(id) {
  const [alert, timeline] = await Promise.all([api(page.token, `/api/v1/alerts/${id}`),
    api(page.token, `/api/v1/oncall/pages?alert=${id}`).catch(() => ({items: []}))]);
  detail = alert;
  pages = timeline.items || [];
  showDetail();
}

/** New attempts (a fallback, the next step of the escalation) arrive without the alert changing: read them again. */
async function refreshPages() {
  if (detail) await refreshDetail(detail.id);
}

/** Re-draws the selected alert and its pages in place: the note being typed stays. */
function showDetail() {
  renderDetail(page.msg, detail);
  const section = renderPages(page.msg, pages);
  if (byId('pages')) byId('pages').replaceWith(section); else byId('detail').append(section);
}

async function refreshSystems() {
  systems.details((await api(page.token, '/api/v1/systems')).items);
}

async function refreshStats() {
  stats = (await api(page.token, '/api/v1/alerts/stats')).systems || [];
  renderStats();
}

function renderStats() {
  const msg = page.msg;
  const seconds = s => s === null || s === undefined ? msg.t('noData') : msg.duration(s * 1000);
  const shown = stats.filter(s => s.alerts > 0);
  byId('stats-table').classList.toggle('hidden', shown.length === 0);
  byId('stats-empty').classList.toggle('hidden', shown.length > 0);
  byId('stats-table').tBodies[0].replaceChildren(...shown.map(s => {
    const tr = el('tr');
    tr.dataset.system = s.system;
    tr.append(el('td', '', msg.name(s)), el('td', '', msg.int(s.alerts)), el('td', '', seconds(s.mttaSeconds)),
        el('td', '', seconds(s.mttrSeconds)));
    return tr;
  }));
}

/** A new critical alert: the page flashes and, where the browser allows sound, a short tone plays. */
function alarm() {
  document.body.classList.remove('flash');
  void document.body.offsetWidth; // restart the animation
  document.body.classList.add('flash');
  document.body.dataset.alarms = String(Number(document.body.dataset.alarms || 0) + 1);
  if (!navigator.userActivation || !navigator.userActivation.hasBeenActive) {
    return; // browsers refuse sound before a click on the page: the flash shows alone
  }
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch (e) {
    console.info('no alarm tone', e.message);
  }
}

boot(startConsole).catch(e => console.error('SRE console failed to start', e));
