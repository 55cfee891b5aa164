// The briefing page's shared state and its one way to act: POST/PUT a meeting action, a refusal said in the page's
// language (a network failure too: the node away is said, never an unhandled rejection).
import {apiPost, apiPut} from '../auth.js';
import {page} from '../page.js';
import {byId} from './dom.js';
import {clearRefusal, showRefusal} from './meeting-problems.js';

export const room = {
  id: null,
  meeting: null,   // REST: agenda, decisions…
  live: {},        // the meeting topic's data
  drives: false,
  wired: false,    // the controls, wired once this person first drives
  people: null,    // MeetingPeople: names of people and agencies

  /**
   * POSTs (or PUTs) a meeting action; answers whether it was done. A refusal is shown in {@code scope} (beside the
   * field it names) or under the controls; {@code quiet}: not shown (the presence renewal).
   */
  async post(action, body, {method = 'POST', scope = null, quiet = false} = {}) {
    let answer = null;
    try {
      const send = method === 'PUT' ? apiPut : apiPost;
      answer = await send(page.token, `/api/v1/meetings/${room.id}/${action}`, body || {});
    } catch (e) { // the node is away: answer stays null
    }
    const done = Boolean(answer) && answer.status < 400;
    if (quiet) return done;
    const fallback = byId('control-error');
    fallback.textContent = '';
    if (scope) clearRefusal(scope);
    if (!done) showRefusal(scope || byId('controls'), scope ? scope.querySelector('[data-error-for="*"]') : fallback, page.msg, answer);
    return done;
  },
};
