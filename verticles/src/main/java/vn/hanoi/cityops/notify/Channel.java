package vn.hanoi.cityops.notify;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * One way of reaching people (email, Telegram, Zalo, SMS, Web Push): turns a {@link Letter} into that channel's
 * request and its answer into a {@link Delivery}. {@link #send} never fails its future (a failure is a
 * {@link Delivery} that says why) and bounds its own calls by {@code notify.timeoutMs}; the {@link Notifier}
 * bounds the whole attempt by the same timeout, retries and falls back.
 */
interface Channel {
  ChannelKind kind();

  /** Why this node cannot send on this channel (it is not configured here), or empty when it can. */
  Optional<String> unavailable();

  Future<Delivery> send(ContactPoint to, Letter letter);
}
