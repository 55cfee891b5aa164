// "Nhận cảnh báo trên thiết bị này": one button that subscribes this browser to Web Push (or stops it) and a line
// that says where things stand, in words — including why the browser would not (permission denied, no push
// service reachable). Used by the profile page and the SRE console.
import {api} from '../auth.js';
import {pointOf, PushRefused, currentSubscription, subscribe, unsubscribe, unsupported} from '../push.js';
import {el} from './dom.js';
import {problems} from './problems.js';

export class DevicePush {
  /** {@code root}: an empty element; {@code onChange()}: the person's contact points changed. */
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange || (() => {});
    this.state = 'checking';
    this.detail = '';
    this.button = el('button', 'device-push-toggle');
    this.button.type = 'button';
    this.status = el('p', 'push-status');
    this.status.setAttribute('role', 'status');
    root.replaceChildren(this.button, this.status);
  }

  /** Reads whether this device is subscribed (and the node has its contact point); {@code points} if known. */
  async refresh(msg, token, points) {
    this.msg = msg;
    this.token = token;
    const why = unsupported();
    if (why) {
      this.set(why);
      return;
    }
    try {
      const all = points || (await api(token, '/api/v1/me/contact-points')).items;
      this.set(pointOf(all, await currentSubscription()) ? 'on' : 'off');
    } catch (e) {
      console.info('push state', e.message);
      this.set('off');
    }
  }

  set(state, detail) {
    this.state = state;
    this.detail = detail || '';
    this.render(this.msg);
  }

  render(msg) {
    if (!msg) return;
    this.msg = msg;
    const on = this.state === 'on';
    this.root.dataset.state = this.state;
    this.button.dataset.action = on ? 'push-unsubscribe' : 'push-subscribe';
    this.button.textContent = msg.t(on ? 'push.stop' : 'push.start');
    this.button.disabled = ['working', 'checking', 'unsupported', 'insecure'].includes(this.state);
    this.button.onclick = () => (on ? this.stop() : this.start());
    this.status.className = `push-status ${['denied', 'noService', 'failed', 'refused'].includes(this.state) ? 'error' : ''}`;
    this.status.textContent = this.state === 'refused' ? this.detail
        : this.state === 'failed' ? msg.t('push.failed', this.detail) : msg.t(`push.state.${this.state}`);
  }

  async start() {
    this.set('working');
    try {
      await subscribe(this.token);
      this.set('on');
      this.onChange();
    } catch (e) {
      if (e instanceof PushRefused) {
        this.set(e.reason, e.detail);
      } else if (e.answer) {
        this.set('refused', problems(this.msg, e.answer, 'webpush').map(p => p.text).join(' '));
      } else {
        this.set('failed', e.message);
      }
    }
  }

  async stop() {
    this.set('working');
    try {
      await unsubscribe(this.token, (await api(this.token, '/api/v1/me/contact-points')).items);
      this.set('off');
      this.onChange();
    } catch (e) {
      this.set(e.answer ? 'refused' : 'failed',
          e.answer ? problems(this.msg, e.answer, 'webpush').map(p => p.text).join(' ') : e.message);
    }
  }
}
