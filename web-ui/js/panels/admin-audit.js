// The admin page's audit log: who did what and when, newest first, filtered by actor, action and Hanoi dates, a page
// at a time (the node's `next` cursor: "Older entries", "Newest entries"), and Export CSV of every entry the filter
// matches (GET /api/v1/audit, /api/v1/exports/audit; admins only).
import {el} from './dom.js';
import {clearProblems, showProblems} from './problems.js';
import {button, errorFor, field, input, words} from './oncall-form.js';
import {EXPORT_WORDS, download, query} from './admin-download.js';

const PAGE = 50;

/** The day after a yyyy-MM-dd date. */
function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function mount(root, page) {
  const form = el('form', 'audit-filter');
  form.dataset.scope = 'audit';
  form.noValidate = true;
  const table = el('table', 'audit-table');
  const status = el('p', 'hint audit-status');
  status.setAttribute('role', 'status');
  const pager = el('div', 'audit-pager');
  const wrap = el('div', 'audit-wrap');
  wrap.append(table);
  root.append(form, status, wrap, pager);
  const state = {actor: '', action: '', from: '', to: '', before: null, page: 1, items: [], next: null, loaded: false,
    exported: null};

  /** The filters as the API reads them: the dates as Hanoi midnights, "to" including its day. */
  function filters() {
    return {actor: state.actor, action: state.action,
      from: state.from ? `${state.from}T00:00:00+07:00` : '', to: state.to ? `${nextDay(state.to)}T00:00:00+07:00` : ''};
  }

  function read() {
    const data = new FormData(form);
    for (const key of ['actor', 'action', 'from', 'to']) if (data.has(key)) state[key] = String(data.get(key)).trim();
  }

  function buildForm() {
    const msg = page.msg;
    const search = button(msg, 'search', 'aud.search', null, 'primary');
    search.type = 'submit';
    const exportCsv = button(msg, 'export', 'aud.export', () => exportAll());
    const exported = el('p', 'done');
    exported.setAttribute('role', 'status');
    if (state.exported) exported.textContent = msg.t('exp.done', state.exported.filename,
        msg.int(Math.ceil(state.exported.bytes / 1024)));
    const fields = el('div', 'export-fields');
    fields.append(field(msg, 'aud.actor', input('actor', 'text', state.actor), 'aud.actor.hint'),
        field(msg, 'aud.action', input('action', 'text', state.action), 'aud.action.hint'),
        field(msg, 'exp.from', input('from', 'date', state.from), 'exp.hanoiDate'),
        field(msg, 'exp.to', input('to', 'date', state.to)));
    const actions = el('div', 'audit-actions');
    actions.append(search, exportCsv);
    form.replaceChildren(fields, errorFor('*', 'p'), actions, exported);
  }

  function renderTable() {
    const msg = page.msg;
    const head = el('tr');
    for (const key of ['aud.col.at', 'aud.col.actor', 'aud.col.action', 'aud.col.target', 'aud.col.outcome']) {
      const th = words('th', '', msg, key);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const e of state.items) {
      const tr = el('tr', `entry ${e.outcome}`);
      tr.dataset.id = String(e.id);
      const at = new Date(e.at);
      tr.append(el('td', 'at', `${msg.shortTime.format(at)} ${msg.date.format(at)}`), el('td', 'actor', e.actor || ''),
          el('td', 'action', e.action), el('td', 'target', e.target || ''),
          el('td', 'outcome', msg.t(`aud.outcome.${e.outcome}`)));
      body.append(tr);
    }
    const caption = words('caption', 'visually-hidden', msg, 'aud.caption');
    table.replaceChildren(caption, thead, body);
    status.textContent = !state.loaded ? '' : state.items.length === 0 ? msg.t('aud.none')
        : msg.t('aud.page', msg.int(state.page), msg.count('aud.entries', state.items.length));
    const newest = button(msg, 'newest', 'aud.newest', () => load(null, 1));
    newest.disabled = state.page === 1;
    const older = button(msg, 'older', 'aud.older', () => load(state.next, state.page + 1));
    older.disabled = state.next === null;
    pager.replaceChildren(newest, older);
  }

  async function load(before, pageNo) {
    const path = `/api/v1/audit${query({...filters(), before, limit: PAGE})}`;
    let answer;
    try {
      const response = await fetch(path, {headers: {Authorization: `Bearer ${page.token}`}});
      answer = {status: response.status, body: await response.json()};
    } catch (e) {
      answer = {status: 0, body: {error: 'network'}};
    }
    if (answer.status !== 200) {
      showProblems(form, page.msg, answer, undefined, EXPORT_WORDS);
      return;
    }
    clearProblems(form);
    Object.assign(state, {items: answer.body.items, next: answer.body.next ?? null, page: pageNo, loaded: true});
    renderTable();
  }

  /** A "to" before "from", said before asking the node. */
  function datesWrong() {
    if (!(state.from && state.to && state.to < state.from)) return false;
    showProblems(form, page.msg, {status: 400, body: {error: 'invalid_parameter', details: [{field: 'to'}]}},
        undefined, EXPORT_WORDS);
    return true;
  }

  async function exportAll() {
    read();
    if (datesWrong()) return;
    state.exported = null;
    buildForm();
    const answer = await download(page.token, `/api/v1/exports/audit${query({...filters(), lang: page.msg.lang})}`);
    if (answer.filename) {
      state.exported = answer;
      buildForm();
    } else {
      showProblems(form, page.msg, answer, undefined, EXPORT_WORDS);
    }
  }

  form.onsubmit = e => {
    e.preventDefault();
    read();
    if (!datesWrong()) load(null, 1);
  };
  buildForm();
  renderTable();
  load(null, 1);
  return {render: () => { read(); buildForm(); renderTable(); }};
}
