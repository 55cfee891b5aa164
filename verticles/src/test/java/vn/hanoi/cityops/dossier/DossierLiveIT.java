package vn.hanoi.cityops.dossier;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Events;
import vn.hanoi.cityops.support.LiveClient;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live KPI topics, which re-read only the agencies whose dossiers changed, end equal to the REST answers
 * after a mixed story: every stage, transitions out of order, duplicates, several agencies of one district,
 * a department, and agencies nothing happened to. The clock is slowed to an hour so that no tick re-reads
 * every agency in between.
 */
@NodeTest(config = "live.clockMs=3600000")
class DossierLiveIT {
  private static final String[] AGENCIES = {"CG", "CG-03", "CG-05", "BD", "BD-01", "SNV", "HK"};
  private static final String[] FIELDS = {"received", "inProgress", "completedOnTime", "completedLate", "returned",
      "backlog", "overdueNow", "onTimeRate", "onlineShare", "avgProcessingHours"};
  private static Node node;
  private static Api api;
  private static String operator;

  @BeforeAll
  static void start(Node started, Api client) {
    node = started;
    api = client;
    operator = api.token("operator");
  }

  /** A dossier event stamped {@code at}, received at {@code received}, due at {@code due}. */
  private static JsonObject dossier(String id, String agency, String dossierId, String stage, Instant at,
                                    Instant received, Instant due, String channel) {
    JsonObject e = Events.dossier(id, agency, dossierId, stage).put("occurredAt", at.toString())
        .put("receivedAt", received.toString()).put("dueAt", due.toString()).put("channel", channel);
    if ("completed".equals(stage)) {
      e.put("completedAt", at.toString());
    }
    return e;
  }

  @Test
  void liveKpisEqualTheRestAnswersAfterMixedTransitionsDuplicatesAndLateEvents(Vertx vertx) {
    Today t = Today.begin();
    List<String> topics = new ArrayList<>(List.of("kpi.city", "kpi.district.CG", "kpi.district.BD", "kpi.district.HK"));
    for (String agency : AGENCIES) {
      topics.add("kpi.agency." + agency);
    }
    LiveClient screen = LiveClient.connect(vertx, node, operator);
    topics.forEach(topic -> screen.subscribe(topic, null));
    for (String topic : topics) {
      screen.next(m -> topic.equals(m.getString("topic")) && "snapshot".equals(m.getString("kind")));
    }

    Instant received = t.at(0.2);
    // 1. received everywhere, one received last year and still open (overdue), one due in the past today
    post(dossier("a1", "CG-03", "D1", "received", t.at(0.2), received, t.inDays(3), "online_full"),
        dossier("a2", "CG-05", "D2", "received", t.at(0.21), received, t.inDays(3), "counter"),
        dossier("a3", "BD-01", "D3", "received", t.at(0.22), received, t.at(0.5), "online_partial"),
        dossier("a4", "SNV", "D4", "received", t.at(0.23), received, t.inDays(5), "counter"),
        dossier("a5", "CG", "D5", "in_progress", t.lastYear(2), t.lastYear(1), t.lastYear(30), "counter"));
    awaitLiveEqualsRest(screen, topics);

    // 2. transitions, a duplicate of an earlier event, and a completion arriving before the in-progress it follows
    post(dossier("b1", "CG-03", "D1", "completed", t.at(0.6), received, t.inDays(3), "online_full"),
        dossier("a2", "CG-05", "D2", "received", t.at(0.21), received, t.inDays(3), "counter"),
        dossier("b3", "BD-01", "D3", "completed", t.at(0.7), received, t.at(0.5), "online_partial"));
    post(dossier("b4", "BD-01", "D3", "in_progress", t.at(0.4), received, t.at(0.5), "online_partial"),
        dossier("b5", "SNV", "D4", "returned", t.at(0.5), received, t.inDays(5), "counter"),
        dossier("b6", "CG-05", "D2", "in_progress", t.at(0.55), received, t.inDays(3), "counter"));
    awaitLiveEqualsRest(screen, topics);

    // 3. the same events again (all duplicates), then an old dossier completed today, late
    post(dossier("b1", "CG-03", "D1", "completed", t.at(0.6), received, t.inDays(3), "online_full"),
        dossier("b5", "SNV", "D4", "returned", t.at(0.5), received, t.inDays(5), "counter"));
    post(dossier("c1", "CG", "D5", "completed", t.at(0.8), t.lastYear(1), t.lastYear(30), "counter"));
    JsonObject city = awaitLiveEqualsRest(screen, topics).get("kpi.city");

    assertEquals(4, city.getLong("received"));
    assertEquals(1, city.getLong("inProgress"));
    assertEquals(1, city.getLong("completedOnTime"));
    assertEquals(2, city.getLong("completedLate"));
    assertEquals(1, city.getLong("returned"));
    assertEquals(1, city.getLong("backlog"));
    screen.assertNothingMissed();
    screen.close();
  }

  private static void post(JsonObject... events) {
    assertEquals(202, api.postEvents(Events.array(events)).statusCode());
  }

  /** Waits (up to 10 s) until every topic's "today" equals its REST answer; answers the REST answers by topic. */
  private static Map<String, JsonObject> awaitLiveEqualsRest(LiveClient screen, List<String> topics) {
    List<Map<String, JsonObject>> answers = new ArrayList<>(List.of(Map.of()));
    Wait.until(Duration.ofSeconds(10), Duration.ofMillis(200), () -> {
      answers.set(0, rest(topics));
      String mismatch = mismatch(screen.drain(), answers.get(0));
      return mismatch == null ? "" : mismatch;
    }, String::isEmpty, "live equal to REST; the last difference");
    return answers.get(0);
  }

  private static String mismatch(LiveClient screen, Map<String, JsonObject> rest) {
    for (Map.Entry<String, JsonObject> e : rest.entrySet()) {
      JsonObject live = screen.state(e.getKey()).getJsonObject("today");
      for (String field : FIELDS) {
        if (live == null || !java.util.Objects.equals(e.getValue().getValue(field), live.getValue(field))) {
          return e.getKey() + "." + field + ": live " + (live == null ? null : live.getValue(field))
              + ", REST " + e.getValue().getValue(field);
        }
      }
    }
    return null;
  }

  private static Map<String, JsonObject> rest(List<String> topics) {
    Map<String, JsonObject> answers = new java.util.HashMap<>();
    for (String topic : topics) {
      String path = topic.equals("kpi.city") ? "/api/v1/kpi/city"
          : topic.startsWith("kpi.district.") ? "/api/v1/kpi/districts/" + topic.substring("kpi.district.".length())
          : "/api/v1/kpi/agencies/" + topic.substring("kpi.agency.".length());
      var r = api.send(HttpMethod.GET, path + "?period=today", operator, null);
      assertTrue(r.statusCode() == 200, path + ": " + r.bodyAsString());
      answers.put(topic, r.bodyAsJsonObject());
    }
    return answers;
  }
}
