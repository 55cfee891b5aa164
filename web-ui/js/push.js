// Web Push on this device: the service worker (/sw.js, scope /), the browser's push subscription and the person's
// `webpush` contact point that carries it (README: Notifications). No DOM here: panels/device-push.js shows it.
import {api, apiDelete, apiPost} from './auth.js';

/** How long a browser may take to reach its push service before the page says it cannot. */
const SUBSCRIBE_TIMEOUT_MS = 10_000;

/** A refusal the page explains in words: {@code reason} is a message key suffix (push.<reason>). */
export class PushRefused extends Error {
  constructor(reason, detail) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.reason = reason;
    this.detail = detail || '';
  }
}

/** Why this browser cannot take push messages at all (a message key suffix), or null when it can. */
export function unsupported() {
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  return null;
}

/** Registers the service worker (the console does so on every visit, so an installed console can be reached). */
export async function registerWorker() {
  if (unsupported()) return null;
  return navigator.serviceWorker.register('/sw.js', {scope: '/'});
}

/** This browser's push subscription, or null. */
export async function currentSubscription() {
  if (unsupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
}

/** The person's contact point that holds {@code subscription} (the API answers a push point's endpoint as its address). */
export function pointOf(points, subscription) {
  return subscription ? points.find(p => p.channel === 'webpush' && p.address === subscription.endpoint) || null : null;
}

/**
 * Asks for permission, subscribes with the node's VAPID key and saves the subscription as a `webpush` contact point.
 * Throws {@link PushRefused} (denied, noService, failed) or, when the node refuses the subscription, {@code {answer}}
 * with the API's answer; a browser subscription the node refused is dropped again.
 */
export async function subscribe(token) {
  const why = unsupported();
  if (why) throw new PushRefused(why);
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new PushRefused('denied');
  const registration = await registerWorker();
  await navigator.serviceWorker.ready;
  const key = fromBase64Url((await api(token, '/api/v1/notify/vapid-public-key')).publicKey);
  const earlier = await registration.pushManager.getSubscription();
  if (earlier && !sameBytes(earlier.options.applicationServerKey, key)) {
    await earlier.unsubscribe(); // made for another node key: the push service would refuse our messages
  }
  const subscription = await withTimeout(registration.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key}));
  const answer = await apiPost(token, '/api/v1/me/contact-points', {channel: 'webpush', subscription: subscription.toJSON()});
  if (answer.status === 409 && answer.body && answer.body.error === 'duplicate') {
    return subscription; // saved before (another tab, or a reload after a lost answer)
  }
  if (answer.status >= 400) {
    await subscription.unsubscribe().catch(() => {});
    throw Object.assign(new Error(`contact point refused: ${answer.status}`), {answer});
  }
  return subscription;
}

/** Removes the device's contact point (if the node has it) and the browser's subscription. */
export async function unsubscribe(token, points) {
  const subscription = await currentSubscription();
  const point = pointOf(points, subscription);
  if (point) {
    const answer = await apiDelete(token, `/api/v1/me/contact-points/${point.id}`);
    if (answer.status >= 400 && answer.status !== 404) {
      throw Object.assign(new Error(`contact point not removed: ${answer.status}`), {answer});
    }
  }
  if (subscription) await subscription.unsubscribe();
}

/**
 * The browser's subscribe, bounded: a browser that cannot reach its push service (a closed network, no Google
 * services) may otherwise wait for minutes. Refusals become {@link PushRefused}.
 */
async function withTimeout(subscribing) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new PushRefused('noService', 'timeout')), SUBSCRIBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([subscribing, timeout]);
  } catch (e) {
    if (e instanceof PushRefused) throw e;
    if (e && e.name === 'NotAllowedError') throw new PushRefused('denied', e.message);
    if (e && (e.name === 'AbortError' || e.name === 'NetworkError')) throw new PushRefused('noService', e.message);
    throw new PushRefused('failed', e && (e.name || e.message));
  } finally {
    clearTimeout(timer);
  }
}

function sameBytes(buffer, bytes) {
  const a = buffer ? new Uint8Array(buffer) : new Uint8Array(0);
  return a.length === bytes.length && a.every((b, i) => b === bytes[i]);
}

function fromBase64Url(text) {
  const base64 = (text + '='.repeat((4 - text.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}
