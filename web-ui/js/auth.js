// Who the page signs in as: a wall display's token (kiosk URL /?display=<token>, kept in localStorage so the
// screen survives browser and node restarts) or a person's sign-in (kept for the browser tab only).
const DISPLAY = 'cityops.displayToken';
const SESSION = 'cityops.token';

/** Moves a display token from the URL into storage (and out of the address bar and history). */
export function adoptDisplayToken() {
  const params = new URLSearchParams(location.search);
  const token = params.get('display');
  if (token) {
    localStorage.setItem(DISPLAY, token);
    params.delete('display');
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? `?${query}` : ''));
  }
}

export function currentToken() {
  return localStorage.getItem(DISPLAY) || sessionStorage.getItem(SESSION);
}

export function isDisplay() {
  return localStorage.getItem(DISPLAY) !== null;
}

/** The signed-in user, or null when the token is missing, expired or revoked. */
export async function whoAmI(token) {
  if (!token) return null;
  const response = await fetch('/api/v1/auth/me', {headers: {Authorization: `Bearer ${token}`}});
  return response.ok ? response.json() : null;
}

/**
 * Signs in; answers {token} or {error}: the node's error code ('totp_required' when the person's second step asks for
 * the 6-digit code, 'totp_invalid', 'unauthorized', 'too_many_attempts').
 */
export async function signIn(username, password, code) {
  const body = code ? {username, password, code} : {username, password};
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) return {error: answer.error || 'unauthorized'};
  sessionStorage.setItem(SESSION, answer.token);
  return {token: answer.token};
}

/** GET an API path as JSON with the token; throws on a non-2xx answer. */
export async function api(token, path) {
  const response = await fetch(path, {headers: {Authorization: `Bearer ${token}`}});
  if (!response.ok) {
    const error = new Error(`${path}: ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** POST a JSON body with the token; answers {status, body} whatever the status (the page shows refusals). */
export async function apiPost(token, path, body) {
  return send('POST', token, path, body);
}

/** PATCH, like {@link apiPost}. */
export async function apiPatch(token, path, body) {
  return send('PATCH', token, path, body);
}

/** PUT, like {@link apiPost}. */
export async function apiPut(token, path, body) {
  return send('PUT', token, path, body);
}

/** DELETE, like {@link apiPost} (no body). */
export async function apiDelete(token, path) {
  return send('DELETE', token, path, undefined);
}

async function send(method, token, path, body) {
  const response = await fetch(path, method === 'DELETE' ? {method, headers: {Authorization: `Bearer ${token}`}} : {method,
    headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'}, body: JSON.stringify(body || {})});
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null};
}
