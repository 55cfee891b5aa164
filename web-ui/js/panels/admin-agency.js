// One agency among the city's 633, for a user: the chosen one, and a search box (without diacritics too, as the
// lobby's picker: "cau giay" finds "Cầu Giấy") listing the matches, each with "Chọn". A code typed and not picked is
// sent as typed, so the node's refusal of an unknown agency shows beside the field.
import {el} from './dom.js';
import {plain} from './lobby-agencies.js';
import {errorFor, words} from './oncall-form.js';

/** At most this many matches are listed (the search narrows them). */
const SHOWN = 8;

export class AgencyChoice {
  /** {@code agencies}: [{code, nameVi, nameEn, level, parent}]; {@code code}: the agency chosen now, if any. */
  constructor(agencies, code) {
    this.agencies = agencies;
    this.byCode = new Map(agencies.map(a => [a.code, a]));
    this.code = code || '';
    this.query = '';
    this.root = el('fieldset', 'agency-choice');
    this.root.dataset.field = 'agency';
  }

  /** The chosen agency's code, else what was typed. */
  value() {
    return this.code || this.query.trim();
  }

  label(msg, code) {
    const a = this.byCode.get(code);
    return a ? `${msg.name(a)} (${code})` : code;
  }

  render(msg) {
    this.msg = msg;
    this.chosen = el('p', 'agency-chosen');
    const search = el('input', 'agency-search');
    search.type = 'search';
    search.name = 'agency';
    search.autocomplete = 'off';
    search.value = this.query;
    search.placeholder = msg.t('adm.users.agencySearchHint');
    search.setAttribute('aria-label', msg.t('adm.users.agencySearch'));
    search.oninput = () => {
      this.query = search.value;
      this.renderMatches();
    };
    this.matches = el('ul', 'agency-matches');
    this.matches.setAttribute('aria-live', 'polite');
    this.root.replaceChildren(words('legend', '', msg, 'adm.users.agency'), this.chosen, search, this.matches,
        errorFor('agency'));
    this.renderChosen();
    this.renderMatches();
    return this.root;
  }

  renderChosen() {
    this.chosen.dataset.code = this.code;
    this.chosen.textContent = this.code ? this.msg.t('adm.users.agencyChosen', this.label(this.msg, this.code))
      : this.msg.t('adm.users.agencyNone');
  }

  renderMatches() {
    const q = plain(this.query.trim());
    if (!q) {
      this.matches.replaceChildren();
      return;
    }
    const found = this.agencies.filter(a => plain(`${a.nameVi} ${a.nameEn} ${a.code}`).includes(q))
        .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
    const items = found.slice(0, SHOWN).map(a => this.match(a));
    if (found.length > SHOWN) items.push(el('li', 'hint', this.msg.t('adm.users.moreMatches', this.msg.int(found.length - SHOWN))));
    if (!found.length) items.push(el('li', 'hint', this.msg.t('adm.users.noMatch')));
    this.matches.replaceChildren(...items);
  }

  match(a) {
    const li = el('li', 'agency-match');
    li.dataset.code = a.code;
    const pick = el('button', 'pick', this.msg.t('adm.users.pick'));
    pick.type = 'button';
    pick.dataset.action = 'pick-agency';
    pick.setAttribute('aria-label', this.msg.t('adm.users.pickAgency', this.label(this.msg, a.code)));
    pick.onclick = () => {
      this.code = a.code;
      this.query = '';
      this.render(this.msg);
      this.root.querySelector('input[name="agency"]').focus();
    };
    li.append(el('span', 'agency-name', this.label(this.msg, a.code)), pick);
    return li;
  }
}

/** The city first, then districts, departments, communes. */
function rank(a) {
  return !a.parent ? 0 : a.level === 'district' ? 1 : a.level === 'city' ? 2 : 3;
}
