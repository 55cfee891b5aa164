// People and agencies of a briefing by name, not by code: GET /api/v1/meetings/{id}/people answers every username
// the meeting mentions (display name, agency) and its agencies' names; asked again when a new username appears.
import {api} from '../auth.js';

export class MeetingPeople {
  constructor(token, meetingId, onLoaded) {
    this.path = `/api/v1/meetings/${meetingId}/people`;
    this.token = token;
    this.onLoaded = onLoaded;
    this.people = new Map();
    this.agencies = {};
    this.asking = null;
    this.askedAt = 0;
  }

  /** Loads the names (again); a failure (the node away) keeps the names held. */
  load() {
    if (!this.asking) {
      this.askedAt = Date.now();
      this.asking = api(this.token, this.path).then(answer => {
        (answer.items || []).forEach(p => this.people.set(p.username, p));
        this.agencies = answer.agencies || this.agencies;
        this.onLoaded();
      }).catch(() => {}).finally(() => { this.asking = null; });
    }
    return this.asking;
  }

  /** Asks again when one of {@code usernames} is not known yet (at most every 2 s). */
  know(usernames) {
    if (usernames.some(u => u && !this.people.has(u)) && Date.now() - this.askedAt > 2000) this.load();
  }

  /** "Display name (agency)" in the page's language; the username until the names arrive. */
  label(msg, username) {
    const p = this.people.get(username);
    if (!p) return username || '';
    const agency = p.agency ? this.agency(msg, p.agency) : '';
    return agency ? `${p.displayName || username} (${agency})` : p.displayName || username;
  }

  /** The agency's name in the page's language, or its code. */
  agency(msg, code) {
    const a = this.agencies[code];
    return a ? msg.name(a) : code;
  }
}
