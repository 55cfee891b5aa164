package vn.hanoi.cityops.meeting;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Mailbox;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.Wait;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hanoi.cityops.meeting.Meetings.call;
import static vn.hanoi.cityops.meeting.Meetings.expect;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/**
 * Briefing invitations through a real SMTP server (GreenMail): each invited person's mail carries an iCalendar
 * REQUEST that parses back (ical4j) with the meeting's UID, its SEQUENCE and its time in Asia/Ho_Chi_Minh; a change
 * is SEQUENCE + 1, a cancel a CANCEL of the same UID; the download is the same calendar; a reminder arrives once
 * before the start (the lead is a few seconds here); bad input is refused naming its field, nothing half-saved.
 */
@NodeTest(config = {"notify.maxPerPersonPerMinute=10000", "notify.timeoutMs=3000", "meeting.reminderLead=PT4S"},
    configFrom = MeetingInvitationsIT.Smtp.class)
class MeetingInvitationsIT {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Duration MAIL = Duration.ofSeconds(15);
  private static Mailbox mailbox;
  private static Api api;

  static final class Smtp implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      mailbox = Mailbox.start();
      return mailbox.nodeConfig();
    }
  }

  @BeforeAll
  static void start(Node node, Api started) {
    api = started;
  }

  @AfterAll
  static void stop() {
    if (mailbox != null) {
      mailbox.close();
    }
  }

  private static ZonedDateTime tomorrowAt(int hour) {
    return ZonedDateTime.of(LocalDate.now(HANOI).plusDays(1), LocalTime.of(hour, 0), HANOI);
  }

  private static JsonObject briefing(String title, ZonedDateTime at) {
    return new JsonObject().put("title", title).put("level", "district").put("scheduledAt", iso(at))
        .put("durationMinutes", 90).put("videoUrl", "https://video.hanoi.gov.vn/room/cg-42")
        .put("invitedAgencies", new JsonArray().add("CG"))
        .put("invitedPeople", new JsonArray().add("cg-officer").add("operator"))
        .put("agenda", new JsonArray()
            .add(new JsonObject().put("title", "Hồ sơ quá hạn của quận Cầu Giấy trong tuần").put("presenter", "CG"))
            .add(new JsonObject().put("title", "Phản ánh kiến nghị")));
  }

  private static String iso(ZonedDateTime t) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  private static Predicate<String> titled(String title) {
    return subject -> subject.contains(title);
  }

  @Test
  void eachInvitedPersonGetsOneRequestThenASequenceOneChangeThenACancelOfTheSameUidAndTheDownloadIsTheSameCalendar() throws Exception {
    String leader = api.token("leader");
    String title = "Giao ban Cầu Giấy " + System.nanoTime();
    ZonedDateTime at = tomorrowAt(9);
    JsonObject created = ok(api, leader, "POST", "/api/v1/meetings", briefing(title, at));
    long id = created.getLong("id");
    assertEquals(90, created.getInteger("durationMinutes"));
    assertEquals("https://video.hanoi.gov.vn/room/cg-42", created.getString("videoUrl"));
    assertEquals(0, created.getInteger("invitationSequence"));
    String uid = "meeting-" + id + "@localhost";

    // cg-officer is invited by name and as the officer of CG: one mail all the same
    for (String who : List.of("cg-officer", "operator")) {
      MimeMessage mail = mailbox.await(who + "@localhost", titled(title), 1, MAIL).get(0);
      assertTrue(Mailbox.subject(mail).startsWith("Mời họp: "), Mailbox.subject(mail));
      Part file = calendarPart(mail);
      assertEquals("invite.ics", file.getFileName());
      String type = file.getContentType().toLowerCase().replace("\"", "");
      assertTrue(type.startsWith("text/calendar") && type.contains("method=request") && type.contains("charset=utf-8"), type);
      String ics = read(file);
      everyLineFitsIn75Octets(ics);
      Calendar calendar = parse(ics);
      VEvent event = event(calendar);
      assertEquals("REQUEST", calendar.getProperty("METHOD").orElseThrow().getValue());
      assertEquals(uid, event.getProperty("UID").orElseThrow().getValue());
      assertEquals("0", event.getProperty("SEQUENCE").orElseThrow().getValue());
      assertEquals(title, event.getProperty("SUMMARY").orElseThrow().getValue());
      startsAt(event, at);
      endsAt(event, at.plusMinutes(90));
      assertTrue(calendar.getComponent("VTIMEZONE").isPresent(), "the zone's definition travels with it");
      assertEquals("mailto:leader@localhost", event.getProperty("ORGANIZER").orElseThrow().getValue());
      List<String> attendees = event.getProperties("ATTENDEE").stream().map(p -> p.getValue()).sorted().toList();
      assertEquals(List.of("mailto:cg-officer@localhost", "mailto:operator@localhost"), attendees);
      assertEquals("http://localhost:8080/meeting.html?id=" + id, event.getProperty("URL").orElseThrow().getValue());
      String description = event.getProperty("DESCRIPTION").orElseThrow().getValue();
      assertTrue(description.contains("Chương trình:") && description.contains("1. Hồ sơ quá hạn"), description);
      assertTrue(description.contains("https://video.hanoi.gov.vn/room/cg-42"), description);
      assertTrue(Mailbox.text(mail).contains("Tham gia video"), "the mail offers the video room");
    }

    // the download: the same calendar, but METHOD:PUBLISH
    String officer = api.token("cg-officer");
    HttpResponse<Buffer> download = call(api, officer, "GET", "/api/v1/meetings/" + id + "/invite.ics", null);
    assertEquals(200, download.statusCode(), download.bodyAsString());
    assertTrue(download.getHeader("Content-Disposition").startsWith("attachment"), download.getHeader("Content-Disposition"));
    assertTrue(download.getHeader("Content-Type").startsWith("text/calendar"), download.getHeader("Content-Type"));
    String sent = read(calendarPart(mailbox.to("cg-officer@localhost", titled(title)).get(0)));
    assertEquals(sent.replace("METHOD:REQUEST", "METHOD:PUBLISH"), download.bodyAsString(StandardCharsets.UTF_8.name()));

    // a change of time: SEQUENCE 1, the new time
    ZonedDateTime later = tomorrowAt(10);
    JsonObject changed = ok(api, leader, "PUT", "/api/v1/meetings/" + id, briefing(title, later));
    assertEquals(1, changed.getInteger("invitationSequence"));
    for (String who : List.of("cg-officer", "operator")) {
      MimeMessage mail = mailbox.await(who + "@localhost", titled(title).and(s -> s.startsWith("Thay đổi")), 1, MAIL).get(0);
      VEvent event = event(parse(read(calendarPart(mail))));
      assertEquals(uid, event.getProperty("UID").orElseThrow().getValue());
      assertEquals("1", event.getProperty("SEQUENCE").orElseThrow().getValue());
      startsAt(event, later);
    }
    assertEquals(1, mailbox.to("operator@localhost", titled(title).and(s -> s.startsWith("Mời họp"))).size(),
        "still one invitation each");

    // cancel: a CANCEL of the same UID
    JsonObject cancelled = ok(api, leader, "POST", "/api/v1/meetings/" + id + "/cancel", null);
    assertEquals("cancelled", cancelled.getString("state"));
    for (String who : List.of("cg-officer", "operator")) {
      MimeMessage mail = mailbox.await(who + "@localhost", titled(title).and(s -> s.startsWith("Hủy")), 1, MAIL).get(0);
      Part file = calendarPart(mail);
      assertTrue(file.getContentType().toLowerCase().contains("method=cancel"), file.getContentType());
      Calendar calendar = parse(read(file));
      VEvent event = event(calendar);
      assertEquals("CANCEL", calendar.getProperty("METHOD").orElseThrow().getValue());
      assertEquals(uid, event.getProperty("UID").orElseThrow().getValue());
      assertEquals("CANCELLED", event.getProperty("STATUS").orElseThrow().getValue());
      assertEquals("2", event.getProperty("SEQUENCE").orElseThrow().getValue());
    }
    expect(409, "illegal_transition", call(api, leader, "POST", "/api/v1/meetings/" + id + "/cancel", null));
    expect(409, "illegal_transition", call(api, leader, "PUT", "/api/v1/meetings/" + id, briefing(title, later)));
    expect(409, "illegal_transition", call(api, leader, "POST", "/api/v1/meetings/" + id + "/start", null));
  }

  @Test
  void theCalendarIsDownloadedOnlyByWhoMaySeeTheMeeting() {
    String leader = api.token("leader");
    long id = ok(api, leader, "POST", "/api/v1/meetings", new JsonObject().put("title", "Giao ban Ba Đình")
        .put("level", "district").put("scheduledAt", iso(tomorrowAt(14)))
        .put("invitedAgencies", new JsonArray().add("BD"))).getLong("id");
    expect(403, "forbidden", call(api, api.token("cg-officer"), "GET", "/api/v1/meetings/" + id + "/invite.ics", null));
    expect(404, "not_found", call(api, leader, "GET", "/api/v1/meetings/999999/invite.ics", null));
    expect(401, null, call(api, null, "GET", "/api/v1/meetings/" + id + "/invite.ics", null));
    assertEquals(200, call(api, leader, "GET", "/api/v1/meetings/" + id + "/invite.ics", null).statusCode());
  }

  @Test
  void onlyTheChairOrALeaderChangesOrCancelsABriefing() {
    String leader = api.token("leader");
    long id = ok(api, leader, "POST", "/api/v1/meetings", briefing("Giao ban quyền " + System.nanoTime(), tomorrowAt(15)))
        .getLong("id");
    expect(403, "forbidden", call(api, api.token("cg-officer"), "POST", "/api/v1/meetings/" + id + "/cancel", null));
    expect(403, "forbidden", call(api, api.token("operator"), "PUT", "/api/v1/meetings/" + id,
        briefing("Đổi tên", tomorrowAt(15))));
    expect(404, "not_found", call(api, leader, "POST", "/api/v1/meetings/999999/cancel", null));
  }

  @Test
  void aReminderArrivesOnceShortlyBeforeTheStart() {
    String leader = api.token("leader");
    String title = "Giao ban nhắc " + System.nanoTime();
    OffsetDateTime at = OffsetDateTime.now().plusSeconds(9);
    ok(api, leader, "POST", "/api/v1/meetings", new JsonObject().put("title", title).put("level", "city")
        .put("scheduledAt", at.toString()).put("invitedPeople", new JsonArray().add("operator")));
    Predicate<String> reminder = titled(title).and(s -> s.startsWith("Còn "));
    MimeMessage mail = mailbox.await("operator@localhost", reminder, 1, Duration.ofSeconds(20)).get(0);
    OffsetDateTime arrived = OffsetDateTime.now();
    assertTrue(arrived.isBefore(at), "the reminder came before the start (" + arrived + " vs " + at + ")");
    assertTrue(arrived.isAfter(at.minusSeconds(7)), "and not long before the lead (" + arrived + " vs " + at + ")");
    assertNotNull(mail);
    Wait.until(Duration.ofSeconds(5), () -> OffsetDateTime.now().isAfter(at.plusSeconds(1)), t -> t, "the start passes");
    assertEquals(1, mailbox.to("operator@localhost", reminder).size(), "one reminder");
    assertEquals(1, mailbox.to("leader@localhost", reminder).size(), "the chair is reminded too");
    assertEquals(0, mailbox.to("leader@localhost", titled(title).and(s -> s.startsWith("Mời"))).size(),
        "the chair who scheduled it gets no invitation");
  }

  @Test
  void badInputIsRefusedNamingItsFieldAndNothingIsSaved() {
    String leader = api.token("leader");
    long before = api.count("SELECT count(*) FROM meeting");
    refused(400, "scheduledAt", briefing("Quá khứ", tomorrowAt(9)).put("scheduledAt", OffsetDateTime.now().minusHours(2).toString()));
    refused(400, "durationMinutes", briefing("Không thời lượng", tomorrowAt(9)).put("durationMinutes", 0));
    refused(400, "durationMinutes", briefing("Âm", tomorrowAt(9)).put("durationMinutes", -30));
    refused(400, "videoUrl", briefing("Video lạ", tomorrowAt(9)).put("videoUrl", "ftp://video.hanoi.gov.vn/r"));
    refused(400, "videoUrl", briefing("Video lạ", tomorrowAt(9)).put("videoUrl", "javascript:alert(1)"));
    refused(422, "invitedAgencies", briefing("Cơ quan lạ", tomorrowAt(9)).put("invitedAgencies", new JsonArray().add("NOPE")));
    refused(422, "invitedPeople", briefing("Người lạ", tomorrowAt(9)).put("invitedPeople", new JsonArray().add("nobody-here")));
    assertEquals(before, api.count("SELECT count(*) FROM meeting"), "nothing half-saved");

    // the same rules for a change, and a refused change leaves the meeting as it was
    JsonObject created = ok(api, leader, "POST", "/api/v1/meetings", briefing("Giao ban sửa", tomorrowAt(11)));
    String path = "/api/v1/meetings/" + created.getLong("id");
    HttpResponse<Buffer> r = call(api, leader, "PUT", path, briefing("Giao ban sửa", tomorrowAt(11)).put("durationMinutes", 0));
    expect(400, "validation_failed", r);
    r = call(api, leader, "PUT", path, briefing("Giao ban sửa", tomorrowAt(11)).put("invitedPeople", new JsonArray().add("nobody-here")));
    expect(422, "unknown_reference", r);
    JsonObject same = ok(api, leader, "GET", path, null);
    assertEquals(90, same.getInteger("durationMinutes"));
    assertEquals(List.of("cg-officer", "operator"), same.getJsonArray("invitedPeople").getList());
    assertEquals(0, same.getInteger("invitationSequence"));

    // an ended meeting cannot be cancelled
    JsonObject now = ok(api, leader, "POST", "/api/v1/meetings", new JsonObject().put("title", "Giao ban xong")
        .put("level", "city").put("scheduledAt", OffsetDateTime.now().toString()));
    String ended = "/api/v1/meetings/" + now.getLong("id");
    ok(api, leader, "POST", ended + "/start", null);
    expect(409, "illegal_transition", call(api, leader, "POST", ended + "/cancel", null));
    ok(api, leader, "POST", ended + "/end", null);
    expect(409, "illegal_transition", call(api, leader, "POST", ended + "/cancel", null));
  }

  private static void refused(int status, String field, JsonObject body) {
    HttpResponse<Buffer> r = call(api, api.token("leader"), "POST", "/api/v1/meetings", body);
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonArray details = r.bodyAsJsonObject().getJsonArray("details");
    assertTrue(details != null && details.stream().map(JsonObject.class::cast)
        .anyMatch(d -> String.valueOf(d.getString("field")).contains(field)), r.bodyAsString());
  }

  private static void startsAt(VEvent event, ZonedDateTime expected) {
    var start = event.getDateTimeStart().orElseThrow();
    assertEquals("Asia/Ho_Chi_Minh", start.getParameter("TZID").orElseThrow().getValue());
    assertEquals(expected.toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")),
        start.getValue(), "the wall-clock time in Hanoi");
    Temporal t = start.getDate();
    assertEquals(expected.toInstant(), ZonedDateTime.from(t).toInstant().truncatedTo(ChronoUnit.SECONDS));
  }

  private static void endsAt(VEvent event, ZonedDateTime expected) {
    var end = event.getDateTimeEnd().orElseThrow();
    assertEquals(expected.toInstant(), ZonedDateTime.from(end.getDate()).toInstant());
  }

  private static void everyLineFitsIn75Octets(String ics) {
    assertTrue(ics.endsWith("\r\n"), "CRLF line ends");
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
    }
  }

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static VEvent event(Calendar calendar) {
    return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
  }

  private static Part calendarPart(Part part) throws Exception {
    if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
      return part;
    }
    if (part.getContent() instanceof Multipart multi) {
      for (int i = 0; i < multi.getCount(); i++) {
        BodyPart child = multi.getBodyPart(i);
        Part found = calendarPartOrNull(child);
        if (found != null) {
          return found;
        }
      }
    }
    throw new AssertionError("no text/calendar part in " + part.getContentType());
  }

  private static Part calendarPartOrNull(Part part) throws Exception {
    try {
      return calendarPart(part);
    } catch (AssertionError none) {
      return null;
    }
  }

  private static String read(Part part) throws Exception {
    try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
