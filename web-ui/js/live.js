// The live hub client: signs in, subscribes, applies snapshots and deltas per topic, and after a lost
// connection reconnects by itself and resumes every topic from its last sequence number (README: Live updates).
export class LiveClient {
  /**
   * @param token the bearer token
   * @param topics the topics to keep
   * @param handlers {onTopic(topic, data, message), onState(state), onAuthFailed()}
   */
  constructor(token, topics, handlers) {
    this.token = token;
    this.topics = new Set(topics);
    this.handlers = handlers;
    this.seq = new Map();
    this.data = new Map();
    this.backoff = 500;
    this.state = 'connecting';
    this.lastMessageAt = null;
  }

  start() {
    this.connect();
  }

  connect() {
    this.setState('connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({type: 'auth', token: this.token}));
    ws.onmessage = event => this.receive(JSON.parse(event.data));
    ws.onclose = event => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (event.code === 4401) {
        this.setState('revoked');
        this.handlers.onAuthFailed?.();
        return;
      }
      this.setState('lost');
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, 5000);
    };
  }

  /** Adds a topic (subscribes at once when connected). */
  subscribe(topic) {
    if (this.topics.has(topic)) return;
    this.topics.add(topic);
    if (this.state === 'live') this.send(topic);
  }

  send(topic) {
    const message = {type: 'subscribe', topic};
    if (this.seq.has(topic)) message.lastSeq = this.seq.get(topic);
    this.ws.send(JSON.stringify(message));
  }

  receive(message) {
    this.lastMessageAt = Date.now();
    if (message.type === 'authenticated') {
      this.backoff = 500;
      this.setState('live');
      this.topics.forEach(topic => this.send(topic));
      return;
    }
    if (message.type === 'error') {
      console.info('live: ', message.error, message.message);
      return;
    }
    if (!message.topic || message.kind === undefined) return;
    const last = this.seq.get(message.topic);
    if (message.kind === 'delta' && last !== undefined && message.seq <= last) return; // already applied
    let data;
    if (message.kind === 'delta') {
      data = Object.assign({}, this.data.get(message.topic) || {});
      for (const [key, value] of Object.entries(message.data)) {
        if (value === null) delete data[key]; else data[key] = value;
      }
    } else {
      data = message.data; // snapshot or resync: the whole state
    }
    this.data.set(message.topic, data);
    this.seq.set(message.topic, message.seq);
    this.handlers.onTopic(message.topic, data, message);
  }

  setState(state) {
    this.state = state;
    this.handlers.onState?.(state);
  }
}
