package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.auth.UserRepository.User;
import vn.hanoi.cityops.config.AppConfig;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Sends messages to people: what the capabilities call (the on-call engine, briefing invitations). {@link #notify}
 * sends on every channel of the person that is not fallback-only, in position order, all at once; a channel that
 * fails transiently (no answer within {@code notify.timeoutMs}, a refused connection, 5xx, 429) is retried after
 * {@code notify.backoffMs}, doubling, {@code notify.retries} times; a channel that failed for good, or is in its
 * quiet hours, hands over to the person's next fallback channel ({@link Plan}). A person sent
 * {@code notify.maxPerPersonPerMinute} messages in the last minute gets none (recorded {@code rate_limited}); an
 * unknown or disabled person, or one without contact points, is a recorded failure. Every attempt is recorded in
 * PostgreSQL ({@link #attempts}, {@link #byRef}), the only state it shares, so any node can send and any node can
 * read. Its futures fail only when PostgreSQL does: a channel's failure is recorded, not thrown. Nothing here
 * blocks an event loop.
 */
public final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  /** A person as a message reaches them. */
  record Person(long id, String username, String language) {
    static Person of(User user) {
      return new Person(user.id(), user.username(), user.language());
    }
  }

  private final Vertx vertx;
  private final UserRepository users;
  private final ContactPoints points;
  private final NotificationLog log;
  private final Map<ChannelKind, Channel> channels;
  private final AuditLog audit;
  private final AppConfig.Notify settings;
  private final Clock clock;
  private final List<String> secrets;

  Notifier(Vertx vertx, UserRepository users, ContactPoints points, NotificationLog log,
           Map<ChannelKind, Channel> channels, AuditLog audit, AppConfig.Notify settings, Clock clock) {
    this.vertx = vertx;
    this.users = users;
    this.points = points;
    this.log = log;
    this.channels = Map.copyOf(channels);
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.secrets = Stream.of(settings.telegram().secret(), settings.zalo().secret(),
        settings.sms().secret(), settings.smtp().password()).filter(s -> !s.isBlank()).toList();
  }

  /**
   * Sends {@code message} to the person named {@code username}, about {@code ref} (e.g. {@code alert:42}; may be
   * null). Completes when every channel it used has succeeded or given up — at most the timeout times
   * {@code 1 + notify.retries}, plus the backoffs, per channel in a fallback chain — with the notification and its
   * attempts.
   */
  public Future<Notification> notify(String username, Message message, String ref) {
    return users.findByUsername(username).compose(found -> {
      Letter letter = message.in(found.map(User::language).orElse("vi"), settings.publicUrl());
      return log.open(username, ref, letter, settings.maxPerPersonPerMinute()).compose(opened -> {
        if (opened.status() == Notification.Status.RATE_LIMITED) {
          return rateLimited(opened.id());
        }
        if (found.isEmpty() || !found.get().active()) {
          return nowhere(opened.id(), found.isEmpty() ? "no such person" : "the person's account is disabled");
        }
        Person person = Person.of(found.get());
        return points.of(person.id()).compose(list -> list.isEmpty()
            ? nowhere(opened.id(), "the person has no contact point")
            : dispatch(opened.id(), person, list, letter));
      });
    }).onSuccess(n -> LOG.info("notification=finished id={} username={} ref={} status={} attempts={}", n.id(),
        n.username(), n.ref(), n.status().code(), n.attempts().size()));
  }

  /** A notification's attempts, in the order they were made. */
  public Future<List<Attempt>> attempts(long notificationId) {
    return log.attempts(notificationId);
  }

  /** The notifications about {@code ref}, oldest first, each with its attempts. */
  public Future<List<Notification>> byRef(String ref) {
    return log.byRef(ref);
  }

  /** Sends a test message on one contact point (quiet hours and fallbacks aside, retries as usual). */
  Future<Notification> test(Person person, ContactPoint point) {
    Letter letter = TestMessage.of(point.channel()).in(person.language(), settings.publicUrl());
    return log.open(person.username(), "contact-point-test:" + point.id(), letter, settings.maxPerPersonPerMinute())
        .compose(opened -> opened.status() == Notification.Status.RATE_LIMITED
            ? rateLimited(opened.id())
            : deliver(opened.id(), person, point, letter)
                .compose(carried -> log.finish(opened.id(), carried ? Notification.Status.SENT : Notification.Status.FAILED)));
  }

  /** Every primary channel at once; each one that fails or is quiet hands over to the next fallback. */
  private Future<Notification> dispatch(long id, Person person, List<ContactPoint> list, Letter letter) {
    Plan plan = new Plan(list, LocalTime.now(clock));
    List<Future<Boolean>> lanes = plan.first().stream().map(pick -> lane(id, person, plan, pick, letter)).toList();
    return Future.all(lanes)
        .compose(all -> lanes.stream().anyMatch(Future::result)
            ? Future.succeededFuture(true)
            : plan.lastResort().map(point -> deliver(id, person, point, letter)).orElse(Future.succeededFuture(false)))
        .compose(carried -> log.finish(id, carried ? Notification.Status.SENT : Notification.Status.FAILED));
  }

  /** A pick and, while it fails, the fallbacks after it: true when one of them carried the letter. */
  private Future<Boolean> lane(long id, Person person, Plan plan, Plan.Pick pick, Letter letter) {
    Future<Void> skips = Future.succeededFuture();
    for (ContactPoint quiet : pick.skipped()) {
      skips = skips.compose(v -> log.record(id, new NotificationLog.Line(quiet.channel(), quiet.id(),
          quiet.maskedAddress(), 1, Attempt.Status.SKIPPED_QUIET, null, "in its quiet hours", null)));
    }
    if (pick.point() == null) {
      return skips.map(false);
    }
    return skips.compose(v -> deliver(id, person, pick.point(), letter))
        .compose(carried -> carried ? Future.succeededFuture(true) : lane(id, person, plan, plan.next(), letter));
  }

  /** One channel with its retries: true when it carried the letter. */
  private Future<Boolean> deliver(long id, Person person, ContactPoint point, Letter letter) {
    return attempt(id, person, point, letter, 1);
  }

  private Future<Boolean> attempt(long id, Person person, ContactPoint point, Letter letter, int number) {
    long started = System.nanoTime();
    return send(point, letter).compose(delivery -> {
      int ms = (int) ((System.nanoTime() - started) / 1_000_000);
      return log.record(id, new NotificationLog.Line(point.channel(), point.id(), point.maskedAddress(), number,
              delivery.status(), delivery.httpStatus(), scrub(delivery.error()), ms))
          .compose(v -> {
            if (delivery.carried()) {
              return Future.succeededFuture(true);
            }
            if (delivery.gone()) {
              return forget(person, point).map(false);
            }
            if (delivery.retryable() && number <= settings.retries()) {
              return after(Plan.backoffMs(settings.backoffMs(), number))
                  .compose(v2 -> attempt(id, person, point, letter, number + 1));
            }
            return Future.succeededFuture(false);
          });
    });
  }

  /** The channel's answer, or a timeout once {@code notify.timeoutMs} has passed, whichever comes first. */
  private Future<Delivery> send(ContactPoint point, Letter letter) {
    Channel channel = channels.get(point.channel());
    Optional<String> unavailable = channel.unavailable();
    if (unavailable.isPresent()) {
      return Future.succeededFuture(Delivery.failed(null, unavailable.get()));
    }
    Future<Delivery> sending;
    try {
      sending = channel.send(point, letter);
    } catch (RuntimeException e) {
      sending = Future.succeededFuture(Delivery.ofError(e, settings.timeoutMs()));
    }
    return Deadline.within(vertx, sending, settings.timeoutMs(),
        failure -> Delivery.ofError(failure == null ? new TimeoutException() : failure, settings.timeoutMs()));
  }

  /** A push subscription its push service no longer knows is removed from the person's contact points, audited. */
  private Future<Void> forget(Person person, ContactPoint point) {
    return points.removeExpired(point.id()).compose(removed -> removed.isEmpty()
        ? Future.succeededFuture()
        : audit.record(new AuditLog.Entry("system", "system", "contact_point.delete", person.username(), "success", null,
            new JsonObject().put("id", point.id()).put("channel", point.channel().code())
                .put("address", point.maskedAddress()).put("reason", "the push service answered that the subscription is gone"))));
  }

  private Future<Notification> rateLimited(long id) {
    return log.record(id, new NotificationLog.Line(null, null, null, 1, Attempt.Status.RATE_LIMITED, null,
            "more than " + settings.maxPerPersonPerMinute() + " messages to this person within a minute", null))
        .compose(v -> log.finish(id, Notification.Status.RATE_LIMITED));
  }

  private Future<Notification> nowhere(long id, String why) {
    return log.record(id, new NotificationLog.Line(null, null, null, 1, Attempt.Status.FAILED, null, why, null))
        .compose(v -> log.finish(id, Notification.Status.FAILED));
  }

  private Future<Void> after(long ms) {
    Promise<Void> waited = Promise.promise();
    vertx.setTimer(Math.max(1, ms), t -> waited.complete());
    return waited.future();
  }

  /** Error texts may quote a request (a Bot API URL holds the bot's token): no secret is stored. */
  private String scrub(String error) {
    if (error == null) {
      return null;
    }
    String clean = error;
    for (String secret : secrets) {
      clean = clean.replace(secret, "****");
    }
    return clean;
  }
}
