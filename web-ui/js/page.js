// What every cityops page shares: language, sign-in (a person's form or a display token), the clock, the
// connection state and the banner that says when the screen may be out of date.
import {chosenLanguage, loadMessages} from './i18n.js';
import {adoptDisplayToken, currentToken, isDisplay, signIn, whoAmI} from './auth.js';
import {byId, el} from './panels/dom.js';
import {landingAfterSignIn} from './landing.js';

/** The page's language, token and signed-in user; {@code live} once the page has a live connection. */
export const page = {msg: null, token: null, me: null, live: null};

/**
 * Signs in (waiting for the node if it is not reachable yet), then runs {@code start}. Elements with
 * {@code data-i18n} get their text; a missing or refused token shows the sign-in form or the revoked banner.
 */
export async function boot(start) {
  adoptDisplayToken();
  page.msg = await loadMessages(chosenLanguage());
  page.msg.apply(document);
  page.token = currentToken();
  for (;;) {
    try {
      page.me = await whoAmI(page.token);
      break;
    } catch (e) { // the node is not reachable (yet): say so and keep trying
      showBanner('lost');
      await new Promise(resolve => setTimeout(resolve, 3000));
    }
  }
  showBanner(null);
  document.body.classList.remove('loading');
  if (page.me) {
    profileLink();
    await start();
  } else if (isDisplay()) {
    showBanner('revoked');
  } else {
    signInForm(start);
  }
}

function signInForm(start) {
  const form = el('form', 'sign-in');
  form.id = 'sign-in';
  const field = (name, type, autocomplete) => {
    const label = el('label');
    const input = el('input');
    input.name = name;
    input.type = type;
    input.required = true;
    input.autocomplete = autocomplete;
    label.append(el('span', '', page.msg.t(name)), input);
    return label;
  };
  const error = el('p', 'error');
  error.id = 'sign-in-error';
  error.setAttribute('role', 'alert');
  const button = el('button', '', page.msg.t('signIn'));
  button.type = 'submit';
  const code = codeField();
  form.append(el('h1', '', page.msg.t('signInTitle')), field('username', 'text', 'username'),
      field('password', 'password', 'current-password'), code, button, error, el('p', 'hint', page.msg.t('signInHint')));
  document.body.append(form);
  form.onsubmit = async event => {
    event.preventDefault();
    const answer = await signIn(form.username.value.trim(), form.password.value,
        code.classList.contains('hidden') ? null : form.code.value.trim());
    if (answer.error === 'totp_required' || answer.error === 'totp_invalid') {
      code.classList.remove('hidden');
      form.code.required = true;
      form.code.value = '';
      form.code.focus();
    }
    if (!answer.token) {
      error.textContent = page.msg.t(SIGN_IN_ERRORS[answer.error] || 'signInFailed');
      return;
    }
    const token = answer.token;
    page.token = token;
    page.me = await whoAmI(token);
    const landing = landingAfterSignIn(page.me, location.pathname);
    if (landing) {
      location.replace(landing);
      return;
    }
    form.remove();
    profileLink();
    await start();
  };
}

/** What the sign-in form says for each refusal of the node. */
const SIGN_IN_ERRORS = {totp_required: 'totp.required', totp_invalid: 'totp.invalid', too_many_attempts: 'totp.tooMany'};

/** The 6-digit code of a person's second sign-in step: shown once the node asks for it. */
function codeField() {
  const label = el('label', 'hidden');
  label.id = 'sign-in-code';
  const input = el('input');
  input.name = 'code';
  input.type = 'text';
  input.inputMode = 'numeric';
  input.autocomplete = 'one-time-code';
  input.pattern = '[0-9]{6}';
  input.maxLength = 6;
  label.append(el('span', '', page.msg.t('totp.code')), input);
  return label;
}

/** A signed-in person (not a wall screen) reaches their profile from every page's header. */
function profileLink() {
  const header = document.querySelector('header.top');
  if (!header || isDisplay() || (page.me.roles || []).includes('display') || byId('profile-link')
      || location.pathname === '/profile.html') {
    return;
  }
  const link = el('a', 'profile-link', page.msg.t('nav.profile'));
  link.id = 'profile-link';
  link.href = '/profile.html';
  link.dataset.i18n = 'nav.profile';
  header.insertBefore(link, byId('lang'));
}

export function renderClock() {
  const now = new Date();
  byId('clock-time').textContent = page.msg.time.format(now);
  byId('clock-date').textContent = page.msg.date.format(now);
}

/** "Updated 2 s ago", and the stale banner when a live page heard nothing for {@code staleMs}. */
export function renderFreshness(staleMs) {
  const live = page.live;
  const freshness = byId('freshness');
  const last = live && live.lastMessageAt;
  const age = last ? Date.now() - last : null;
  freshness.textContent = last ? page.msg.t('updatedAgo', page.msg.duration(age)) : page.msg.t('updatedNever');
  const stale = live && live.state === 'live' && age !== null && age > staleMs;
  freshness.classList.toggle('stale', Boolean(stale));
  if (live && live.state === 'live') showBanner(stale ? 'stale' : null, age);
}

export function renderConnection(state) {
  document.body.dataset.connection = state;
  const connection = byId('connection');
  connection.className = `connection ${state}`;
  connection.textContent = page.msg.t(state === 'live' ? 'connected' : state === 'connecting' ? 'connecting' : 'disconnected');
  if (state === 'lost' || state === 'connecting') {
    if (page.live && page.live.lastMessageAt) showBanner('lost');
  } else {
    showBanner(state === 'revoked' ? 'revoked' : null);
  }
}

/** {@code lost} (red), {@code stale} (amber), {@code revoked}, or null to hide. */
export function showBanner(kind, age) {
  let banner = byId('banner');
  if (!banner) {
    banner = el('div', 'banner hidden');
    banner.id = 'banner';
    banner.setAttribute('role', 'alert');
    document.body.prepend(banner);
  }
  banner.dataset.kind = kind || '';
  banner.classList.toggle('hidden', !kind);
  banner.classList.toggle('stale', kind === 'stale');
  if (kind) {
    banner.textContent = kind === 'lost' ? page.msg.t('bannerLost')
        : kind === 'stale' ? page.msg.t('bannerStale', page.msg.duration(age)) : page.msg.t('bannerRevoked');
  }
}

/** The language button: switches, re-applies the static texts, then lets the page re-render the rest. */
export function languageButton(rerender) {
  byId('lang').onclick = async () => {
    page.msg = await loadMessages(page.msg.lang === 'vi' ? 'en' : 'vi');
    page.msg.apply(document);
    if (page.live) renderConnection(page.live.state);
    renderClock();
    rerender();
  };
}

/** Runs {@code fn} every {@code ms}; a failure (the node away) is logged, not thrown. */
export function every(ms, fn) {
  setInterval(() => { Promise.resolve(fn()).catch(e => console.info(fn.name, e.message)); }, ms);
}
