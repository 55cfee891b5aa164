package vn.hanoi.cityops.health;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.EventSink;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.store.Sql;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns silence into an outage: every second, one query finds the systems whose latest real heartbeat is
 * older than their heartbeat interval times {@code health.silenceFactor} and that are not already down since;
 * each becomes a {@code system.health} down event from source {@value #SOURCE}, stored and published like an
 * ingested one. One per node: every node may detect the same silence, and its deterministic id
 * ({@link Silence#eventId()}) makes the event log keep one.
 */
public final class SilenceWatchdog extends VerticleBase {
  /** The source of the watchdog's events; its events are not heartbeats. */
  public static final String SOURCE = "cityops-watchdog";
  private static final Logger LOG = LoggerFactory.getLogger(SilenceWatchdog.class);
  private static final String SILENT_SYSTEMS = Sql.load("health/silent-systems.sql");
  private static final long TICK_MS = 1_000;

  private final Pool pool;
  private final EventSink events;
  private final int factor;
  private boolean checking;
  private boolean failing;

  /** {@code factor}: {@code health.silenceFactor}. */
  public SilenceWatchdog(Pool pool, EventSink events, int factor) {
    this.pool = pool;
    this.events = events;
    this.factor = factor;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(TICK_MS, id -> check());
    LOG.info("silence_watchdog=started factor={}", factor);
    return Future.succeededFuture();
  }

  /** One check at a time: a slow database skips ticks rather than piling up queries. */
  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    findSilent()
        .compose(silences -> Future.all(silences.stream().map(this::declare).toList()))
        .onComplete(done -> {
          checking = false;
          if (done.failed() && !failing) {
            LOG.warn("silence_watchdog=check_failed reason={}", done.cause().getMessage());
          } else if (done.succeeded() && failing) {
            LOG.info("silence_watchdog=check_recovered");
          }
          failing = done.failed();
        });
  }

  private Future<List<Silence>> findSilent() {
    return pool.preparedQuery(SILENT_SYSTEMS).execute(Tuple.of(SOURCE, factor)).map(rows -> {
      List<Silence> silences = new ArrayList<>(rows.size());
      rows.forEach(r -> silences.add(new Silence(r.getString("system_code"), r.getOffsetDateTime("last_heartbeat"),
          r.getLong("threshold_seconds"))));
      return silences;
    });
  }

  private Future<Boolean> declare(Silence silence) {
    return events.store(SOURCE, event(silence)).onSuccess(stored -> LOG.info(
        "system_silence=declared system={} last_heartbeat={} threshold_s={} event_id={} stored={}",
        silence.system(), silence.lastHeartbeat(), silence.thresholdSeconds(), silence.eventId(),
        stored ? "new" : "duplicate"));
  }

  /** The down event a silence becomes, as any probe would send it. */
  static JsonObject event(Silence silence) {
    return new JsonObject()
        .put("id", silence.eventId())
        .put("type", EventTypes.SYSTEM_HEALTH)
        .put("occurredAt", silence.declaredAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("system", silence.system())
        .put("status", Silence.STATUS)
        .put("message", silence.message());
  }
}
