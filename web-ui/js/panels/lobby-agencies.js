// The lobby's picker of invited agencies among the city's 633: a search box (without diacritics too: "cau giay"
// finds "Cầu Giấy"), the matches with "invite", and for a district "the district with its communes" in one click;
// the chosen ones as chips that a ✕ removes. The chosen codes live in the Set it is given.
import {el} from './dom.js';
import {errorFor, words} from './oncall-form.js';

/** At most this many matches are listed (the search narrows them). */
const SHOWN = 12;

/** Lower case without diacritics: "Cầu Giấy" → "cau giay". */
export function plain(text) {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

export class AgencyPicker {
  /** {@code agencies}: [{code, nameVi, nameEn, level, parent}]; {@code chosen}: a Set of codes; {@code changed} after a change. */
  constructor(msg, agencies, chosen, changed) {
    this.msg = msg;
    this.agencies = agencies;
    this.byCode = new Map(agencies.map(a => [a.code, a]));
    this.chosen = chosen;
    this.changed = changed;
    this.query = '';
    this.root = el('fieldset', 'agency-picker');
    this.root.dataset.field = 'invitedAgencies';
  }

  /** The agency's name and code in the page's language. */
  label(code) {
    const a = this.byCode.get(code);
    return a ? `${this.msg.name(a)} (${code})` : code;
  }

  communesOf(district) {
    return this.agencies.filter(a => a.parent === district && a.level === 'commune');
  }

  render(msg) {
    this.msg = msg;
    const legend = words('legend', '', msg, 'lobby.form.agencies');
    const search = el('input', 'agency-search');
    search.type = 'search';
    search.name = 'agency-search';
    search.autocomplete = 'off';
    search.value = this.query;
    search.placeholder = msg.t('lobby.form.agencySearchHint');
    search.setAttribute('aria-label', msg.t('lobby.form.agencySearch'));
    search.oninput = () => {
      this.query = search.value;
      this.renderMatches();
    };
    this.matches = el('ul', 'agency-matches');
    this.matches.setAttribute('aria-live', 'polite');
    this.chips = el('ul', 'agency-chips');
    this.count = el('p', 'hint agency-count');
    this.root.replaceChildren(legend, search, this.matches, this.count, this.chips, errorFor('invitedAgencies'));
    this.renderMatches();
    this.renderChosen();
    return this.root;
  }

  renderMatches() {
    const q = plain(this.query.trim());
    if (!q) {
      this.matches.replaceChildren();
      return;
    }
    const found = this.agencies.filter(a => a.level !== 'city' || a.parent)
        .filter(a => plain(`${a.nameVi} ${a.nameEn} ${a.code}`).includes(q))
        .sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
    const items = found.slice(0, SHOWN).map(a => this.match(a));
    if (found.length > SHOWN) items.push(el('li', 'hint', this.msg.t('lobby.form.moreMatches', this.msg.int(found.length - SHOWN))));
    if (!found.length) items.push(el('li', 'hint', this.msg.t('lobby.form.noMatch')));
    this.matches.replaceChildren(...items);
  }

  match(a) {
    const li = el('li', 'agency-match');
    li.dataset.code = a.code;
    li.append(el('span', 'agency-name', this.label(a.code)));
    const invite = el('button', 'invite', this.msg.t(this.chosen.has(a.code) ? 'lobby.form.uninvite' : 'lobby.form.invite'));
    invite.type = 'button';
    invite.dataset.action = 'invite';
    invite.setAttribute('aria-pressed', String(this.chosen.has(a.code)));
    invite.onclick = () => {
      if (this.chosen.has(a.code)) this.chosen.delete(a.code);
      else this.chosen.add(a.code);
      this.update();
    };
    li.append(invite);
    if (a.level === 'district') {
      const communes = this.communesOf(a.code);
      const all = el('button', 'whole-district', this.msg.count('lobby.form.wholeDistrict', communes.length));
      all.type = 'button';
      all.dataset.action = 'whole-district';
      all.onclick = () => {
        this.chosen.add(a.code);
        communes.forEach(c => this.chosen.add(c.code));
        this.update();
      };
      li.append(all);
    }
    return li;
  }

  renderChosen() {
    const codes = [...this.chosen].sort();
    this.count.textContent = this.msg.count('lobby.form.invitedCount', codes.length);
    this.chips.replaceChildren(...codes.map(code => {
      const li = el('li', 'chip');
      li.dataset.code = code;
      const remove = el('button', 'sign remove', '✕');
      remove.type = 'button';
      remove.dataset.action = 'remove-agency';
      remove.setAttribute('aria-label', this.msg.t('lobby.form.removeAgency', this.label(code)));
      remove.title = remove.getAttribute('aria-label');
      remove.onclick = () => {
        this.chosen.delete(code);
        this.update();
      };
      li.append(el('span', '', this.label(code)), remove);
      return li;
    }));
  }

  update() {
    this.renderMatches();
    this.renderChosen();
    this.changed();
  }
}

/** Districts first, then departments, then communes. */
function rank(a) {
  return a.level === 'district' ? 0 : a.level === 'city' ? 1 : 2;
}
