// The cityops service worker (scope /): shows the node's Web Push messages and opens what they point at. A push's
// data is the JSON notify/WebPushChannel sends: {"title", "body", "lang", "url", "tag", "urgency", "actions":
// [{"title", "url"}]}; its words are already in the person's language, so this file holds no UI text. A message
// with the tag of one still shown replaces it. A click on the message opens its url (the alert in the console);
// a click on an action opens that action's url (acknowledge: the public ack page). No fetch handler: nothing is
// cached, the console is always the node's current one.
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => {
  const message = read(event.data);
  event.waitUntil(show(message).then(() => tell({type: 'push-shown', tag: message.tag, title: message.title})));
});

self.addEventListener('notificationclick', event => {
  const data = event.notification.data || {};
  const action = (data.actions || []).find(a => a.action === event.action);
  event.notification.close();
  event.waitUntil(open(new URL(action ? action.url : data.url || '/sre.html', self.location.origin).href));
});

/** The push's JSON; a push that is not JSON is still shown (as text), never dropped. */
function read(data) {
  if (!data) return {title: 'cityops'};
  try {
    return data.json();
  } catch (e) {
    return {title: 'cityops', body: data.text()};
  }
}

function show(m) {
  const limit = self.Notification && Notification.maxActions !== undefined ? Notification.maxActions : 2;
  const actions = (Array.isArray(m.actions) ? m.actions : []).filter(a => a && a.title && a.url)
      .map((a, i) => ({action: `a${i}`, title: a.title, url: a.url}));
  return self.registration.showNotification(m.title || 'cityops', {
    body: m.body || '',
    lang: m.lang || 'vi',
    tag: m.tag || undefined,
    renotify: Boolean(m.tag), // a replacement for a shown message still alerts the person
    requireInteraction: m.urgency === 'high',
    icon: '/icons/icon-192.png',
    badge: '/icons/badge-96.png',
    timestamp: Date.now(),
    actions: actions.slice(0, limit).map(({action, title}) => ({action, title})),
    data: {url: m.url || '/sre.html', actions},
  });
}

/**
 * Focuses a window already showing {@code url}'s page and hands it the URL (the console selects the alert without
 * reloading), else opens a new window there.
 */
async function open(url) {
  const target = new URL(url);
  const windows = await self.clients.matchAll({type: 'window', includeUncontrolled: true});
  const same = windows.find(w => new URL(w.url).pathname === target.pathname && target.origin === self.location.origin
      && target.pathname === '/sre.html');
  if (same) {
    same.postMessage({type: 'open', url});
    return same.focus();
  }
  return self.clients.openWindow(url);
}

async function tell(message) {
  const windows = await self.clients.matchAll({type: 'window', includeUncontrolled: true});
  windows.forEach(w => w.postMessage(message));
}
