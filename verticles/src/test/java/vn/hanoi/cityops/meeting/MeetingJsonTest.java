package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.hanoi.cityops.meeting.MeetingState.Phase;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON of a briefing: timestamps and key order as jsonb wrote them, the topic's values, the roster read back. */
class MeetingJsonTest {
  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T08:00:00+07:00");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-11-23T08:00:00+07:00, 2026-11-23T01:00:00+00:00",
      "2026-12-03T08:21:29.123456Z, 2026-12-03T08:21:29.123456+00:00",
      "2026-12-03T08:21:29.120000Z, 2026-12-03T08:21:29.12+00:00",
      "2026-12-03T08:21:29.5+07:00, 2026-12-03T01:21:29.5+00:00",
      "2031-01-01T00:00:00.000001Z, 2031-01-01T00:00:00.000001+00:00",
      "2026-01-01T06:59:59-05:30, 2026-01-01T12:29:59+00:00"})
  void timestampsAreWrittenAsJsonbWritesATimestamptzInAUtcSession(String given, String written) {
    assertEquals(written, MeetingJson.time(OffsetDateTime.parse(given)));
  }

  @Test
  void aMissingTimestampStaysNull() {
    assertNull(MeetingJson.time(null));
  }

  @Test
  void keysAreInJsonbOrderShorterFirstThenBytewise() {
    JsonObject o = MeetingJson.ordered(new JsonObject().put("recordedBy", 1).put("text", 2).put("id", 3)
        .put("recordedAt", 4).put("item", 5).put("panel", 6));
    assertEquals(List.of("id", "item", "text", "panel", "recordedAt", "recordedBy"), List.copyOf(o.fieldNames()));
    assertEquals("{\"id\":3,\"item\":5,\"text\":2,\"panel\":6,\"recordedAt\":4,\"recordedBy\":1}", o.encode());
  }

  @Test
  void theLiveStateHasEveryKeyTheTopicAndThePagesRead() {
    Meeting m = new Meeting(7, 3, "Giao ban", "city", Phase.IN_PROGRESS, AT, "leader", null, AT.plusMinutes(5), null,
        List.of("CG"), List.of("sre"), new AgendaItem(11, 1, "Hồ sơ", "CG", new JsonObject().put("kind", "systems")),
        new JsonObject().put("kind", "systems"), null, List.of("sre"), "sre",
        List.of(new Stay("sre", "STTTT", AT.plusMinutes(6), null, true)),
        List.of(new Decision(5, 11L, "Kết luận", "leader", AT.plusMinutes(7))),
        List.of(new Task(9, 7, null, "CG", "Rà soát", AT.plusDays(3), "normal", "open", 0, null, null, "leader",
            AT, AT, false)));
    JsonObject live = MeetingJson.live(m);
    assertEquals(List.of("id", "chair", "floor", "hands", "level", "panel", "state", "tasks", "title", "endedAt", "version",
        "presence", "decisions", "highlight", "secretary", "startedAt", "currentItem", "scheduledAt", "invitedPeople",
        "invitedAgencies"), List.copyOf(live.fieldNames()));
    assertEquals("in_progress", live.getString("state"));
    assertNull(live.getValue("secretary"));
    assertTrue(live.containsKey("endedAt") && live.getValue("endedAt") == null);
    assertEquals(new JsonObject().put("id", 11L).put("title", "Hồ sơ").put("position", 1).put("presenter", "CG"),
        live.getJsonObject("currentItem"), "the current item without its prepared panel");
    assertFalse(live.getJsonArray("decisions").getJsonObject(0).containsKey("panel"), "the snapshot stays in the record");
    assertEquals(List.of("id", "item", "state", "agency", "overdue", "deadline", "priority", "progress", "description"),
        List.copyOf(live.getJsonArray("tasks").getJsonObject(0).fieldNames()));
    assertEquals("2026-11-23T01:06:00+00:00", live.getJsonArray("presence").getJsonObject(0).getString("joinedAt"));
  }

  @Test
  void theTopicShowsThePanelsDataOnlyWhenTheStateCarriesItAndNoneWithoutAPanel() {
    JsonObject live = new JsonObject().put("id", 7).put("state", "in_progress").put("panel", new JsonObject().put("kind", "systems"))
        .put("hands", new JsonArray().add("sre"));
    Map<String, Object> values = MeetingJson.values(live);
    assertEquals(List.of("meeting", "item", "panel", "highlight", "hands", "floor", "presence", "decisions", "tasks"), List.copyOf(values.keySet()),
        "without panelData the screens keep the numbers they have");
    assertEquals(List.of("sre"), values.get("hands"));
    assertEquals(List.of(), values.get("presence"));
    Map<String, Object> withData = MeetingJson.values(live.copy().put("panelData", new JsonObject().put("asOf", "x")));
    assertEquals(Map.of("asOf", "x"), withData.get("panelData"));
    Map<String, Object> noPanel = MeetingJson.values(live.copy().putNull("panel"));
    assertTrue(noPanel.containsKey("panelData") && noPanel.get("panelData") == null, "no panel: its data leaves the screens");
    @SuppressWarnings("unchecked")
    Map<String, Object> header = (Map<String, Object>) values.get("meeting");
    assertEquals(List.of("id", "version", "title", "level", "state", "scheduledAt", "chair", "secretary", "startedAt",
        "endedAt", "invitedAgencies", "invitedPeople"), List.copyOf(header.keySet()));
  }

  @Test
  void theRosterIsReadBackFromTheLiveState() {
    MeetingState state = MeetingJson.state(new JsonObject().put("id", 7).put("state", "ended").put("chair", "leader")
        .put("invitedPeople", new JsonArray().add("sre")).put("invitedAgencies", new JsonArray().add("CG")));
    assertEquals(new MeetingState(7, Phase.ENDED, "leader", null, List.of("sre"), List.of("CG")), state);
  }
}
