// A person's profile: where alerts reach them. Their contact points in fallback order (README: Notifications;
// panels/contact-points.js, which the admin page uses for anyone's) and this device's Web Push.
import {boot, every, languageButton, page, renderClock} from './page.js';
import {byId} from './panels/dom.js';
import {ContactPointsEditor} from './panels/contact-points.js';
import {DevicePush} from './panels/device-push.js';
import {TwoStep} from './panels/profile-totp.js';
import {currentSubscription, registerWorker} from './push.js';

let thisDevice = null;
let device;
let points;
/** The two-step sign-in section, for admins and SREs only. */
let twoStep = null;

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
  if ((page.me.roles || []).some(r => r === 'admin' || r === 'sre')) {
    byId('two-step').classList.remove('hidden');
    twoStep = new TwoStep(byId('two-step-body'));
    await twoStep.load(page.msg, page.token);
  }
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
  twoStep?.speak(page.msg);
}

boot(startProfile).catch(e => console.error('profile page failed to start', e));
