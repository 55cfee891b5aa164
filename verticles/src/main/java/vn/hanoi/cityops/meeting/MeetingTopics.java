package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.live.Audience;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.EventFeed;
import vn.hanoi.cityops.live.FeedListener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Topics {@code meeting.<id>}: keys {@code meeting} (title, state, chair, invitations…), {@code item} (the current
 * agenda item), {@code panel} (the shared panel's spec), {@code panelData} (its numbers, {@code asOf}),
 * {@code highlight}, {@code hands} (usernames with a raised hand), {@code floor} (who has the floor, or null), {@code presence} (who is in, since when, late),
 * {@code decisions} (the conclusions recorded so far) and {@code tasks} (those assigned, with state and progress).
 * Every meeting change is a {@code meeting} event carrying the live state (and the panel's data when the panel
 * changed), so every node publishes it at the same sequence number; an event with a version not above the one
 * held is ignored. The panel's numbers are recomputed when the events its kind depends on arrive (or a clock tick),
 * at most once a second, and published at the latest such event's ordinal; a meeting change that comes after such
 * events carries the recomputed numbers itself ({@link #publishChange}). A {@code previous-tasks} panel moves with the
 * events of the meeting whose tasks it shows.
 * <p>Also the node's meeting roster: who may follow which meeting's topic (the {@link Audience} of {@code meeting.*}).
 */
public final class MeetingTopics implements FeedListener, Audience {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingTopics.class);
  static final long MIN_REFRESH_MS = 1_000;

  private final MeetingRepository meetings;
  private final Panels panels;
  private final Connections hub;
  private final AccessControl access;
  /** The latest live state of every current meeting, by id, as its event carried it. */
  private final Map<Long, JsonObject> known = new ConcurrentHashMap<>();
  /** The phase and roster of every current meeting, by id; read by the HTTP loops for subscriptions. */
  private final Map<Long, MeetingState> rosters = new ConcurrentHashMap<>();
  private final Set<String> movedTypes = new HashSet<>();
  private long pendingSeq;
  /** The instant of the latest clock tick since the last refresh: a refresh answering a tick counts as of it, as on every node. */
  private Instant pendingTick;
  private long lastRefresh;

  public MeetingTopics(MeetingRepository meetings, Panels panels, Connections hub, AccessControl access) {
    this.meetings = meetings;
    this.panels = panels;
    this.hub = hub;
    this.access = access;
  }

  public static String topic(long id) {
    return "meeting." + id;
  }

  @Override
  public Future<Void> load(long ordinal) {
    return meetings.current().compose(list -> {
      List<Future<Void>> loads = new ArrayList<>();
      for (Meeting meeting : list) {
        JsonObject m = MeetingJson.live(meeting);
        hold(m);
        loads.add(panelData(m, Instant.now()).map(data -> {
          hub.load(topic(meeting.id()), ordinal, MeetingJson.values(data == null ? m : m.copy().put("panelData", data)));
          return null;
        }));
      }
      return Future.all(loads).mapEmpty();
    });
  }

  @Override
  public Future<Void> onEvents(List<EventFeed.FeedEvent> events) {
    Future<Void> published = Future.succeededFuture();
    for (EventFeed.FeedEvent e : events) {
      if (EventTypes.MEETING.equals(e.type())) {
        if (e.payload() == null) {
          continue;
        }
        JsonObject m = e.payload();
        long id = m.getLong("id");
        JsonObject held = known.get(id);
        if (held == null || held.getInteger("version") < m.getInteger("version")) {
          hold(m);
          published = published.compose(publishChange(m, e.ordinal()));
        }
        // a change of this meeting's tasks moves the previous-tasks panels that show them
        moved(e.ordinal(), topic(id));
      } else {
        // whether this event moves a shared panel is that panel's to say (Panel.movedBy), when it is recomputed
        moved(e.ordinal(), e.type());
        Long epochMs = e.payload() == null ? null : e.payload().getLong("epochMs");
        if (EventTypes.CLOCK.equals(e.type()) && epochMs != null) {
          pendingTick = Instant.ofEpochMilli(epochMs);
        }
      }
    }
    return published.compose(v -> refresh());
  }

  private void moved(long ordinal, String what) {
    pendingSeq = ordinal;
    movedTypes.add(what);
  }

  /**
   * Publishes a meeting change at its event's ordinal. When data that moves its panel arrived before it and is not
   * on screen yet, the panel is recomputed and goes out with the change: a refresh published later at the data's
   * (smaller) ordinal would be refused by the topic, which is already past it.
   */
  private java.util.function.Function<Void, Future<Void>> publishChange(JsonObject m, long seq) {
    Map<String, Object> values = MeetingJson.values(m);
    JsonObject panel = m.getJsonObject("panel");
    boolean stale = pendingSeq > 0 && panel != null && "in_progress".equals(m.getString("state")) && moves(panel, movedTypes);
    Instant asOf = asOf();
    return v -> (stale ? panels.compute(panel, asOf).map(data -> values.put("panelData", data.getMap()))
        .<Object>mapEmpty().recover(err -> {
          LOG.warn("meeting=panel_refresh_failed id={} reason={}", m.getLong("id"), err.getMessage());
          return Future.succeededFuture();
        }) : Future.succeededFuture())
        .map(x -> {
          hub.publish(topic(m.getLong("id")), seq, values);
          return null;
        });
  }

  private Instant asOf() {
    return movedTypes.contains(EventTypes.CLOCK) && pendingTick != null ? pendingTick : Instant.now();
  }

  private boolean moves(JsonObject panel, Set<String> moved) {
    return moved.contains(EventTypes.CLOCK) || panels.movedBy(panel).stream().anyMatch(moved::contains);
  }

  /** Recomputes the panels the pending events move, at most once a second, at the latest such event's ordinal. */
  private Future<Void> refresh() {
    if (pendingSeq == 0 || System.currentTimeMillis() - lastRefresh < MIN_REFRESH_MS) {
      return Future.succeededFuture();
    }
    long seq = pendingSeq;
    Set<String> moved = Set.copyOf(movedTypes);
    Instant asOf = asOf();
    pendingTick = null;
    pendingSeq = 0;
    movedTypes.clear();
    lastRefresh = System.currentTimeMillis();
    List<Future<Void>> refreshes = new ArrayList<>();
    for (JsonObject m : known.values()) {
      JsonObject panel = m.getJsonObject("panel");
      if (panel == null || !"in_progress".equals(m.getString("state")) || !moves(panel, moved)) {
        continue;
      }
      long id = m.getLong("id");
      refreshes.add(panels.compute(panel, asOf).map(data -> {
        // only if the panel is still the one computed (a later event may have changed it meanwhile)
        if (known.get(id) != null && panel.equals(known.get(id).getJsonObject("panel"))) {
          hub.publish(topic(id), seq, Map.of("panelData", data.getMap()));
        }
        return (Void) null;
      }).recover(err -> {
        LOG.warn("meeting=panel_refresh_failed id={} reason={}", id, err.getMessage());
        return Future.succeededFuture();
      }));
    }
    return Future.all(refreshes).mapEmpty();
  }

  private void hold(JsonObject live) {
    long id = live.getLong("id");
    known.put(id, live);
    rosters.put(id, MeetingJson.state(live));
  }

  /** Whether {@code who} takes part in meeting {@code key} ({@link MeetingState#takesPart}), as this node knows it. */
  @Override
  public boolean includes(Principal who, String key) {
    try {
      MeetingState m = rosters.get(Long.parseLong(key));
      return m != null && m.takesPart(who, access);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private Future<JsonObject> panelData(JsonObject m, Instant now) {
    JsonObject panel = m.getJsonObject("panel");
    if (panel == null || !"in_progress".equals(m.getString("state"))) {
      return Future.succeededFuture(null);
    }
    return panels.compute(panel, now).recover(err -> Future.succeededFuture(null));
  }
}
