// The admin page's exports section: what to export (districts or agencies ranked, dossier KPIs by agency, the
// feedback summary), the period as two Hanoi dates and the filters that export takes, then Download: a CSV file in
// the page's language (exports API, README: Exports). The node decides who may export what.
import {el} from './dom.js';
import {clearProblems, showProblems} from './problems.js';
import {button, errorFor, field, hanoiToday, input, select, words} from './oncall-form.js';
import {EXPORT_WORDS, download, query, thisMonth} from './admin-download.js';

/** Each export: its API path and the filters it takes. */
const KINDS = {
  'rankings-districts': {path: '/api/v1/exports/rankings/districts', filters: ['by']},
  'rankings-agencies': {path: '/api/v1/exports/rankings/agencies', filters: ['by', 'level']},
  'kpi-agencies': {path: '/api/v1/exports/kpi/agencies', filters: ['level', 'district']},
  'feedback-summary': {path: '/api/v1/exports/feedback/summary', filters: ['district', 'channel']},
};

export async function mount(root, page) {
  const form = el('form', 'export-form');
  form.dataset.scope = 'export';
  form.noValidate = true;
  root.append(words('p', 'hint', page.msg, 'exp.hint'), form);
  let districts = [];
  try {
    const response = await fetch('/api/v1/agencies', {headers: {Authorization: `Bearer ${page.token}`}});
    if (response.ok) districts = (await response.json()).items.filter(a => a.level === 'district');
  } catch (e) {
    console.info('agencies', e.message);
  }
  const month = thisMonth(hanoiToday());
  const state = {kind: 'rankings-districts', from: month.from, to: month.to, by: 'overdueNow', level: '', district: '',
    channel: '', done: null};

  function build() {
    const msg = page.msg;
    const kind = select(msg, 'kind', Object.keys(KINDS).map(k => [k, `exp.kind.${k}`]), state.kind);
    kind.onchange = () => { read(); build(); };
    const from = input('from', 'date', state.from);
    const to = input('to', 'date', state.to);
    const filters = {
      by: () => field(msg, 'exp.by', select(msg, 'by', [['overdueNow', 'exp.by.overdueNow'],
        ['onTimeRate', 'exp.by.onTimeRate']], state.by)),
      level: () => field(msg, 'exp.level', select(msg, 'level', [['', 'exp.level.all'], ['city', 'exp.level.city'],
        ['district', 'exp.level.district'], ['commune', 'exp.level.commune']], state.level)),
      district: () => field(msg, 'exp.district', select(msg, 'district',
          [['', msg.t('exp.district.all'), true], ...districts.map(d => [d.code, `${msg.name(d)} (${d.code})`, true])],
          state.district)),
      channel: () => field(msg, 'exp.channel', select(msg, 'channel', [['', 'exp.channel.all'], ['zalo', 'exp.channel.zalo'],
        ['hotline', 'exp.channel.hotline'], ['web', 'exp.channel.web']], state.channel)),
    };
    const go = button(msg, 'download', 'exp.download', null, 'primary');
    go.type = 'submit';
    const done = el('p', 'done');
    done.setAttribute('role', 'status');
    if (state.done) done.textContent = msg.t('exp.done', state.done.filename, msg.int(Math.ceil(state.done.bytes / 1024)));
    const grid = el('div', 'export-fields');
    grid.append(field(msg, 'exp.kind', kind, null, 'wide'), field(msg, 'exp.from', from, 'exp.hanoiDate'),
        field(msg, 'exp.to', to), ...KINDS[state.kind].filters.map(f => filters[f]()));
    form.replaceChildren(grid, errorFor('*', 'p'), go, done);
  }

  function read() {
    const data = new FormData(form);
    for (const key of ['kind', 'from', 'to', 'by', 'level', 'district', 'channel']) {
      if (data.has(key)) state[key] = String(data.get(key));
    }
  }

  async function submit() {
    read();
    clearProblems(form);
    state.done = null;
    build();
    const local = localProblem();
    if (local) {
      showProblems(form, page.msg, local, undefined, EXPORT_WORDS);
      return;
    }
    const params = {from: state.from, to: state.to, lang: page.msg.lang};
    for (const f of KINDS[state.kind].filters) params[f] = state[f];
    const answer = await download(page.token, KINDS[state.kind].path + query(params));
    if (answer.filename) {
      state.done = answer;
      build();
    } else {
      showProblems(form, page.msg, answer, undefined, EXPORT_WORDS);
    }
  }

  /** What the node would refuse about the dates, said before asking it. */
  function localProblem() {
    const refuse = (field) => ({status: 400, body: {error: 'invalid_parameter', details: [{field}]}});
    if (!state.from) return refuse('from');
    if (!state.to || state.to < state.from) return refuse('to');
    const days = (Date.parse(state.to) - Date.parse(state.from)) / 86_400_000 + 1;
    return days > 366 ? refuse('to') : null;
  }

  form.onsubmit = e => {
    e.preventDefault();
    submit();
  };
  build();
  return {render: () => { read(); build(); }};
}
