package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
  public static final String TOPIC = Topics.ALERTS.topic();
  static final Duration RESOLVED_SHOWN = Duration.ofMinutes(10);

  private final AlertRepository alerts;
  private final Connections hub;
  /** Every alert this node knows (open, or resolved and still shown), by id. */
  private final Map<String, AlertJson.Shown> known = new HashMap<>();

  AlertsTopic(AlertRepository alerts, Connections hub) {
    this.alerts = alerts;
    this.hub = hub;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return alerts.shown(RESOLVED_SHOWN).map(all -> {
      all.forEach(a -> {
        AlertJson.Shown shown = AlertJson.shown(AlertJson.alert(a));
        known.put(shown.id(), shown);
      });
      hub.load(TOPIC, ordinal, visible(known.keySet()));
      return null;
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    long seq = 0;
    Set<String> changed = new HashSet<>();
    for (EventFeed.FeedEvent e : events) {
      if (EventTypes.ALERT.equals(e.type()) && e.payload() != null) {
        AlertJson.Shown alert = AlertJson.shown(e.payload());
        AlertJson.Shown held = known.get(alert.id());
        if (held != null && held.version() >= alert.version()) {
          continue;
        }
        if (held != null) {
          changed.addAll(groupOf(held.group()));
        }
        known.put(alert.id(), alert);
        changed.addAll(groupOf(alert.group()));
        changed.add(alert.id());
        seq = e.ordinal();
      } else if (EventTypes.CLOCK.equals(e.type()) && e.payload() != null && e.payload().getLong("epochMs") != null) {
        Instant tick = Instant.ofEpochMilli(e.payload().getLong("epochMs"));
        Iterator<Map.Entry<String, AlertJson.Shown>> it = known.entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<String, AlertJson.Shown> entry = it.next();
          Instant resolvedAt = entry.getValue().resolvedAt();
          if (resolvedAt != null && !resolvedAt.plus(RESOLVED_SHOWN).isAfter(tick)) {
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
    for (AlertJson.Shown a : known.values()) {
      if (a.open()) {
        groups.merge(a.group(), 1L, Long::sum);
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String id : ids) {
      AlertJson.Shown a = known.get(id);
      boolean shown = a != null && !a.silenced();
      values.put(id, shown ? a.value(groups.getOrDefault(a.group(), 0L)) : null);
    }
    return values;
  }

  private Set<String> groupOf(String group) {
    Set<String> ids = new HashSet<>();
    known.forEach((id, a) -> {
      if (group != null && group.equals(a.group())) {
        ids.add(id);
      }
    });
    return ids;
  }
}
