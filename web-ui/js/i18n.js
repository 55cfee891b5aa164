// Messages and number/time formatting for one language; every visible string comes from i18n/messages_<lang>.json.
const LANGS = ['vi', 'en'];
const STORE = 'cityops.lang';

export function chosenLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(fromUrl)) {
    localStorage.setItem(STORE, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(STORE);
  return LANGS.includes(stored) ? stored : 'vi';
}

export async function loadMessages(lang) {
  const response = await fetch(`/i18n/messages_${lang}.json`);
  if (!response.ok) {
    throw new Error(`messages_${lang}.json: ${response.status}`);
  }
  const messages = await response.json();
  localStorage.setItem(STORE, lang);
  return new Messages(lang, messages);
}

export class Messages {
  constructor(lang, messages) {
    this.lang = lang;
    this.messages = messages;
    this.locale = messages.locale;
    this.plurals = new Intl.PluralRules(this.locale);
    this.integer = new Intl.NumberFormat(this.locale, {maximumFractionDigits: 0});
    this.decimal = new Intl.NumberFormat(this.locale, {minimumFractionDigits: 1, maximumFractionDigits: 1});
    this.time = new Intl.DateTimeFormat(this.locale, {hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh'});
    this.shortTime = new Intl.DateTimeFormat(this.locale, {hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh'});
    this.date = new Intl.DateTimeFormat(this.locale, {weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh'});
  }

  /** The message {@code key} with {0}, {1}… replaced by {@code args}; the key itself when missing, so a gap shows. */
  t(key, ...args) {
    const text = this.messages[key];
    if (text === undefined) {
      console.warn(`missing message '${key}' (${this.lang})`);
      return key;
    }
    return text.replace(/\{(\d)\}/g, (m, i) => args[Number(i)]);
  }

  /**
   * The message for {@code n} things: `<key>.one`, `<key>.other`… as Intl.PluralRules picks for the language
   * (Vietnamese has only `other`: "3 hệ thống"; English "1 system", "3 systems"), {0} being the formatted number and
   * {1}… the further {@code args}; the plain {@code key} when the language has no plural forms for it.
   */
  count(key, n, ...args) {
    const form = `${key}.${this.plurals.select(n)}`;
    const chosen = this.has(form) ? form : this.has(`${key}.other`) ? `${key}.other` : key;
    return this.t(chosen, this.int(n), ...args);
  }

  has(key) {
    return this.messages[key] !== undefined;
  }

  /** 1.234 in vi, 1,234 in en; a dash when unknown. */
  int(n) {
    return n === null || n === undefined ? this.t('noData') : this.integer.format(n);
  }

  /** 18,7 in vi, 18.7 in en. */
  dec(n) {
    return n === null || n === undefined ? this.t('noData') : this.decimal.format(n);
  }

  percent(n) {
    return n === null || n === undefined ? this.t('noData') : `${this.decimal.format(n)}%`;
  }

  /** A signed change: +1,5 / −2. */
  signed(n, decimals) {
    if (n === null || n === undefined) {
      return this.t('noData');
    }
    const text = decimals ? this.decimal.format(Math.abs(n)) : this.integer.format(Math.abs(n));
    return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
  }

  /** A duration in its largest sensible unit: 12 giây, 5 phút, 3 giờ, 2 ngày. */
  duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    if (s < 60) return this.t('seconds', this.int(s));
    if (s < 3600) return this.t('minutes', this.int(Math.floor(s / 60)));
    if (s < 86400) return this.t('hours', this.int(Math.floor(s / 3600)));
    return this.t('days', this.int(Math.floor(s / 86400)));
  }

  /** A name in the chosen language from an object with nameVi and nameEn. */
  name(o) {
    if (!o) return this.t('noData');
    return this.lang === 'en' ? (o.nameEn || o.nameVi) : (o.nameVi || o.nameEn);
  }

  /**
   * Every element with data-i18n gets its message (data-i18n-placeholder: its placeholder; data-i18n-label: its
   * aria-label and title, for a button that shows only an arrow).
   */
  apply(root) {
    document.documentElement.lang = this.lang;
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = this.t(el.dataset.i18n); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = this.t(el.dataset.i18nPlaceholder); });
    root.querySelectorAll('[data-i18n-label]').forEach(el => {
      el.setAttribute('aria-label', this.t(el.dataset.i18nLabel));
      el.title = this.t(el.dataset.i18nLabel);
    });
  }
}
