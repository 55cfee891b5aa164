// A person's profile: where alerts reach them. Their contact points in fallback order (README: Notifications;
// panels/contact-points.js, which the admin page uses for anyone's) and this device's Web Push.
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId} from './panels/dom.js';
import {ContactPointsEditor} from './panels/contact-points.js';
import {DevicePush} from './panels/device-push.js';
import {currentSubscription, registerWorker} from './push.js';

let thisDevice = null;
let device;
let points;

async function startProfile() {
  byId('profile').classList.remove('hidden');
  languageButton(render);
  renderClock();
  every(1000, renderClock);
  points = new ContactPointsEditor(page, {
    list: byId('points'), empty: byId('points-empty'), addPlace: byId('add-place'), formId: 'add-point',
    base: '/api/v1/me/contact-points', testable: true, thisDevice: () => thisDevice,
    loaded: async all => {
      renderWho();
      await device.refresh(page.msg, page.token, all);
    },
  });
  device = new DevicePush(byId('device-push'), load);
  registerWorker().catch(e => console.info('service worker', e.message));
  renderWho();
  await load();
}

async function load() {
  const subscription = await currentSubscription().catch(() => null);
  thisDevice = subscription ? subscription.endpoint : null;
  await points.load();
}

function renderWho() {
  byId('who').textContent = `${page.me.displayName || page.me.username} (${page.me.username})`;
}

function render() {
  renderWho();
  points.render();
  device?.render(page.msg);
}

boot(startProfile).catch(e => console.error('profile page failed to start', e));
