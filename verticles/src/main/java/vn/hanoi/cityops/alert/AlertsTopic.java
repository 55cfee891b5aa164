package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Topic {@code alerts}: the alerts a screen shows, keyed by id, each the REST object (with {@code groupSize}).
 * Every alert change is an {@code alert} event in the log carrying the alert as it became (with its version), so
 * this topic is a function of the feed alone: every node publishes the same data at the same sequence number
 * (the ordinal of the change's event), whether the change came from an event, a timer or a person on any node.
 * An event with a version not above the one held is ignored (an acknowledgement and an escalation of one alert
 * can commit in either order). Shown: open alerts that are not silenced, and resolved ones until the first clock
 * tick {@link #RESOLVED_SHOWN} after their resolution; then a {@code null} removes them. {@code groupSize} counts
 * the open alerts of the group (silenced ones too); a change in a group republishes its members.
 */
public final class AlertsTopic implements FeedListener {
  public static final String TOPIC = "alerts";
  static final Duration RESOLVED_SHOWN = Duration.ofMinutes(10);

  private final Pool pool;
  private final Connections hub;
  /** Every alert this node knows (open, or resolved and still shown), by id. */
  private final Map<String, JsonObject> known = new HashMap<>();

  public AlertsTopic(Pool pool, Connections hub) {
    this.pool = pool;
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return pool.preparedQuery("SELECT * FROM alert WHERE state <> 'resolved' OR resolved_at > now() - make_interval(secs => $1)")
        .execute(io.vertx.sqlclient.Tuple.of(RESOLVED_SHOWN.toSeconds()))
        .map(rows -> {
          rows.forEach(r -> {
            JsonObject a = Alert.from(r).toJson();
            known.put(key(a), a);
          });
          hub.load(TOPIC, ordinal, visible(known.keySet()));
          return null;
        });
  }

  @Override
  public Future<Void> onEvents(java.util.List<EventFeed.FeedEvent> events) {
    long seq = 0;
    Set<String> changed = new HashSet<>();
    for (EventFeed.FeedEvent e : events) {
      if ("alert".equals(e.type()) && e.payload() != null) {
        JsonObject alert = e.payload();
        String id = key(alert);
        JsonObject held = known.get(id);
        if (held != null && held.getInteger("version") >= alert.getInteger("version")) {
          continue;
        }
        if (held != null) {
          changed.addAll(groupOf(held.getString("group")));
        }
        known.put(id, alert);
        changed.addAll(groupOf(alert.getString("group")));
        changed.add(id);
        seq = e.ordinal();
      } else if (EventTypes.CLOCK.equals(e.type()) && e.payload() != null && e.payload().getLong("epochMs") != null) {
        Instant tick = Instant.ofEpochMilli(e.payload().getLong("epochMs"));
        var it = known.entrySet().iterator();
        while (it.hasNext()) {
          var entry = it.next();
          String resolvedAt = entry.getValue().getString("resolvedAt");
          if (resolvedAt != null && !Instant.parse(resolvedAt).plus(RESOLVED_SHOWN).isAfter(tick)) {
            changed.add(entry.getKey());
            it.remove();
            seq = e.ordinal();
          }
        }
      }
    }
    if (seq > 0) {
      hub.publish(TOPIC, seq, visible(changed));
    }
    return Future.succeededFuture();
  }

  /** The values of {@code ids} as the topic shows them: an alert with its group size, or null (not shown). */
  private Map<String, Object> visible(Set<String> ids) {
    Map<String, Long> groups = new HashMap<>();
    for (JsonObject a : known.values()) {
      if (!Alert.RESOLVED.equals(a.getString("state"))) {
        groups.merge(a.getString("group"), 1L, Long::sum);
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String id : ids) {
      JsonObject a = known.get(id);
      boolean shown = a != null && !a.getBoolean("silenced", false);
      values.put(id, shown ? a.copy().put("groupSize", groups.getOrDefault(a.getString("group"), 0L)).getMap() : null);
    }
    return values;
  }

  private Set<String> groupOf(String group) {
    Set<String> ids = new HashSet<>();
    known.forEach((id, a) -> {
      if (group != null && group.equals(a.getString("group"))) {
        ids.add(id);
      }
    });
    return ids;
  }

  private static String key(JsonObject alert) {
    return String.valueOf(alert.getLong("id"));
  }
}
