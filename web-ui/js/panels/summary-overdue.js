// The summary's "overdue today": dossiers overdue now and feedback past its due time, city-wide (or the officer's own
// agency), and the districts worst on both (the kpi.district.<code> and feedback topics).
import {byId, el} from './dom.js';

const WORST = 3;

/** One figure: zero is neutral, more than zero a warning; unknown says so. */
function figure(msg, id, value) {
  const cell = byId(id);
  cell.textContent = value === null || value === undefined ? msg.t('sum.noDataYet') : msg.int(value);
  cell.dataset.value = value ?? '';
  cell.className = value > 0 ? 'worse' : value === 0 ? 'zero' : 'unknown';
}

/**
 * {@code districts}: code -> today's dossier KPIs; {@code feedback}: the feedback topic's data (keys district.<code>);
 * {@code names}: code -> {nameVi, nameEn}.
 */
export function worstDistricts(districts, feedback, names) {
  const codes = new Set(Object.keys(districts));
  Object.keys(feedback || {}).filter(k => k.startsWith('district.')).forEach(k => codes.add(k.slice('district.'.length)));
  return [...codes].map(code => ({
    code,
    name: names[code],
    dossiers: (districts[code] && districts[code].overdueNow) || 0,
    feedback: (feedback && feedback[`district.${code}`] && feedback[`district.${code}`].overdue) || 0,
  })).filter(d => d.dossiers + d.feedback > 0)
      .sort((a, b) => b.dossiers + b.feedback - (a.dossiers + a.feedback) || b.dossiers - a.dossiers || a.code.localeCompare(b.code))
      .slice(0, WORST);
}

export function renderOverdue(msg, dossiers, feedback, worst, known) {
  figure(msg, 'overdue-dossiers', dossiers);
  figure(msg, 'overdue-feedback', feedback);
  const list = byId('worst-districts');
  if (!known) {
    list.replaceChildren(el('li', 'none', msg.t('sum.noDataYet')));
  } else if (!worst.length) {
    list.replaceChildren(el('li', 'none', msg.t('sum.nothingOverdue')));
  } else {
    list.replaceChildren(...worst.map(d => {
      const item = el('li', 'worst-row');
      item.dataset.code = d.code;
      item.append(el('span', 'what', d.name ? msg.name(d.name) : d.code),
          el('span', 'figures', `${msg.count('sum.dossierCount', d.dossiers)} · ${msg.count('sum.feedbackCount', d.feedback)}`));
      return item;
    }));
  }
}
