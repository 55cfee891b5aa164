// The briefing's controls for those who drive: start, end (after a confirmation in a dialog), share a panel (the
// district picker only for panels of a district), record a conclusion, assign a task (no deadline in the past:
// the date input's min, and the node's refusal beside the field), designate the secretary; and the minutes link.
import {api} from '../auth.js';
import {page} from '../page.js';
import {byId, el} from './dom.js';
import {room} from './meeting-room.js';

const WITH_DISTRICT = ['district-dossiers', 'district-feedback'];
const DUE_HOUR = 17; // a task is due at the end of office hours of its day, in Hanoi

export async function wireControls(render) {
  const tiles = await (await fetch('/data/district-tiles.json')).json();
  const ranking = await api(page.token, '/api/v1/rankings/districts?limit=30').catch(() => ({items: []}));
  const names = Object.fromEntries((ranking.items || []).map(i => [i.code, i]));
  const districts = byId('district');
  const fillDistricts = () => districts.replaceChildren(...tiles.tiles.map(t => t.code).sort().map(code => {
    const option = el('option', '', names[code] ? page.msg.name(names[code]) : code);
    option.value = code;
    return option;
  }));
  fillDistricts();
  const kind = byId('kind');
  const showDistrict = () => byId('district-field').classList.toggle('hidden', !WITH_DISTRICT.includes(kind.value));
  kind.onchange = showDistrict;
  showDistrict();
  byId('start').onclick = () => room.post('start');
  byId('secretary-set').onclick = () => room.post('secretary', {username: byId('secretary-user').value || null}, {method: 'PUT'});
  byId('secretary-clear').onclick = () => room.post('secretary', {username: null}, {method: 'PUT'});
  wireEnd();
  byId('share').onclick = () => room.post('panel', panelSpec(kind.value, districts.value));
  wireTask();
  byId('decide').onclick = async () => {
    const text = byId('decision-text').value.trim();
    if (text && await room.post('decisions', {text})) {
      byId('decision-text').value = ''; // the conclusion reaches every screen on the meeting topic
    }
  };
  render();
}

function panelSpec(kind, district) {
  const panel = {kind};
  if (kind === 'district-dossiers') panel.district = district;
  if (kind === 'district-feedback') Object.assign(panel, {district, period: 'today'});
  if (kind === 'district-ranking') panel.by = 'overdueNow';
  if (kind === 'kpi-trend') Object.assign(panel, {kpi: 'dossiers_received', days: 30});
  return panel;
}

/** Ending asks first: cancelling keeps the meeting running. */
function wireEnd() {
  const dialog = byId('end-dialog');
  byId('end').onclick = () => dialog.showModal();
  byId('end-cancel').onclick = () => dialog.close('cancel');
  byId('end-confirm').onclick = () => {
    dialog.close('end');
    room.post('end');
  };
}

function wireTask() {
  const form = byId('task-form');
  const deadline = byId('task-deadline');
  deadline.min = firstDay();
  byId('assign').onclick = async () => {
    deadline.min = firstDay();
    const description = byId('task-text').value.trim();
    const day = deadline.value; // yyyy-mm-dd, due at the end of office hours that day in Hanoi
    const missing = !description ? 'description' : !day ? 'deadline' : null;
    if (missing) {
      form.querySelectorAll('[data-error-for]').forEach(e => { e.textContent = ''; });
      form.querySelector(`[data-error-for="${missing}"]`).textContent = page.msg.t(`mtg.err.${missing}.required`);
      return;
    }
    if (await room.post('tasks', {agency: byId('task-agency').value, description,
      deadline: `${day}T${DUE_HOUR}:00:00+07:00`, priority: byId('task-priority').value}, {scope: form})) {
      byId('task-text').value = ''; // the task reaches every screen on the meeting topic
    }
  };
}

/** The first day a task can be due: today in Hanoi, tomorrow once today's office hours are over (yyyy-mm-dd). */
function firstDay() {
  const now = new Date();
  const hour = Number(new Intl.DateTimeFormat('en-GB', {hour: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh'}).format(now));
  const day = hour >= DUE_HOUR ? new Date(now.getTime() + 86_400_000) : now;
  return new Intl.DateTimeFormat('en-CA', {year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Ho_Chi_Minh'}).format(day);
}

/** After the end: the minutes (print-ready HTML), fetched with this person's token and linked as a document. */
export async function minutesLink() {
  const link = byId('minutes-link');
  const lang = page.msg.lang;
  if (link.dataset.lang === lang || link.dataset.loading) return;
  link.dataset.loading = 'true';
  try {
    const response = await fetch(`/api/v1/meetings/${room.id}/minutes?lang=${lang}`,
      {headers: {Authorization: `Bearer ${page.token}`}});
    if (!response.ok) throw new Error(String(response.status));
    const html = await response.blob();
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([html], {type: 'text/html'}));
    link.dataset.lang = lang;
  } catch (e) { // the node away: the next render asks again
  } finally {
    delete link.dataset.loading;
  }
}
