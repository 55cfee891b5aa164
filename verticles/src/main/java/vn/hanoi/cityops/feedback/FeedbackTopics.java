package vn.hanoi.cityops.feedback;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.dossier.Period;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic {@code feedback}: today's citizen feedback — {@code today} (totals), {@code district.<code>},
 * {@code channel.<channel>} and {@code category.<name>} — recomputed from PostgreSQL when feedback
 * events arrive, at most once a second; a delta carries only the groups whose numbers moved.
 */
public final class FeedbackTopics implements FeedListener {
  static final String TOPIC = "feedback";
  static final long MIN_INTERVAL_MS = 1_000;

  private final FeedbackRepository repository;
  private final Connections hub;
  private long lastRun;
  /** How long the last recompute took: the next waits ten times that (at least a second), so it stays a small share of the database. */
  private long lastCostMs;
  private long pendingSeq;

  public FeedbackTopics(Pool pool, Connections hub) {
    this.repository = new FeedbackRepository(pool);
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    lastRun = System.currentTimeMillis();
    long started = lastRun;
    return compute().onSuccess(x -> lastCostMs = System.currentTimeMillis() - started).map(data -> {
      hub.load(TOPIC, ordinal, data);
      return null;
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    for (EventFeed.FeedEvent e : events) {
      if ("feedback".equals(e.type())) {
        pendingSeq = e.ordinal();
      }
    }
    if (pendingSeq == 0 || System.currentTimeMillis() - lastRun < Math.max(MIN_INTERVAL_MS, 10 * lastCostMs)) {
      return Future.succeededFuture();
    }
    long seq = pendingSeq;
    pendingSeq = 0;
    lastRun = System.currentTimeMillis();
    long started = lastRun;
    return compute().onSuccess(x -> lastCostMs = System.currentTimeMillis() - started).map(data -> {
      hub.publish(TOPIC, seq, data);
      return null;
    });
  }

  private Future<Map<String, Object>> compute() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return repository.summary(Period.TODAY.bounds(now), now, FeedbackFilter.NONE).map(s -> {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("today", FeedbackRoutes.countsJson(s.total()).getMap());
      s.byDistrict().forEach((code, c) -> data.put("district." + code, FeedbackRoutes.countsJson(c).getMap()));
      s.byChannel().forEach((channel, c) -> data.put("channel." + channel, FeedbackRoutes.countsJson(c).getMap()));
      s.byCategory().forEach((category, c) -> data.put("category." + category, FeedbackRoutes.countsJson(c).getMap()));
      return data;
    });
  }
}
