/**
 * The WebSocket hub at {@code GET /ws}. {@link vn.hanoi.cityops.live.LiveRoutes} checks the page's origin
 * and an optional {@code Authorization: Bearer} header at the upgrade; {@code LiveConnection} signs a
 * browser in from its first message ({@code {"type":"auth","token":…}} within 5 s), answers
 * {@code subscribe}/{@code unsubscribe} as {@link vn.hanoi.cityops.live.TopicAccess} decides (the topic list and
 * who may follow each are {@link vn.hanoi.cityops.bus.Topics}; a topic of participants asks the
 * {@link vn.hanoi.cityops.live.Audience} its capability handed over)
 * and closes with 4401 when the token expires or its session ends.
 * {@link vn.hanoi.cityops.live.Connections} is the node's registry (one for all HTTP verticle instances):
 * publishers call {@code deliver(topic, message)} or {@code publish(topic, seq, values)}. It keeps the
 * connections per event loop ({@code LoopHub}): a delta is encoded to UTF-8 once ({@code EncodedText}) and
 * handed to each loop in one task; one sweep per loop and second does the authentication timeout, the
 * session expiry and the keepalive ping ({@code live.pingIntervalSeconds}, close 4408 without pong).
 * {@link vn.hanoi.cityops.live.Subscriptions} is its pure topic bookkeeping.
 *
 * {@link vn.hanoi.cityops.live.FeedVerticle} reads the event log in commit-safe order and hands each batch to the
 * {@link vn.hanoi.cityops.live.FeedListener}s the capabilities offer (woken by {@code cityops.feed.changed}); {@link vn.hanoi.cityops.live.LiveClock} stores a clock tick every {@code live.clockMs} so topics whose
 * figures move with time alone recompute on every node at the same sequence number.
 *
 * <p>Listens to {@code cityops.auth.sessions-changed} (a session's token id: its sockets are closed) and
 * {@code cityops.feed.changed}. Serves the topic names to the pages as {@code /js/topics.js}.
 *
 * <p>Protocol, JSON text messages: client {@code auth}, {@code subscribe}, {@code unsubscribe} (with
 * {@code topic}); server {@code authenticated} (with {@code user}), {@code subscribed}, {@code unsubscribed},
 * {@code error} with {@code code} {@code unauthenticated} (then close 4401), {@code forbidden} or
 * {@code bad_request} (the connection stays open).
 */
package vn.hanoi.cityops.live;
