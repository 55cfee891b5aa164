package vn.hanoi.cityops.oncall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.notify.Notification;
import vn.hanoi.cityops.oncall.PolicyRepository.PolicyFields;
import vn.hanoi.cityops.oncall.TeamRepository.CoverFields;
import vn.hanoi.cityops.oncall.TeamRepository.RotationFields;
import vn.hanoi.cityops.oncall.TeamRepository.TeamFields;
import vn.hanoi.cityops.oncall.WindowRepository.WindowFields;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every JSON shape of on call, in one place: teams, rotations (with who is on now and next), covers, policies
 * (durations as ISO-8601, {@code PT5M}), maintenance windows, outages with their pages and each page's delivery
 * attempts, what an acknowledge link acknowledges, who is on call for each system; and the bodies a person sends,
 * read into the repositories' field records (the shape checked against the schema files first; a value the schema
 * cannot judge — a time, a date, a duration — is {@code 400 validation_failed} naming the field). Times are
 * ISO-8601 instants (UTC); handoff times and dates are Hanoi's.
 */
final class OnCallJson {
  private static final DateTimeFormatter HANDOFF = DateTimeFormatter.ofPattern("HH:mm[:ss]", Locale.ROOT);

  private OnCallJson() {
  }

  static JsonObject team(Team t) {
    return new JsonObject().put("code", t.code()).put("nameVi", t.nameVi()).put("nameEn", t.nameEn())
        .put("lead", t.lead()).put("policy", t.policy()).put("members", new JsonArray(t.members()))
        .put("systems", new JsonArray(t.systems())).put("createdAt", iso(t.createdAt()))
        .put("updatedAt", iso(t.updatedAt()));
  }

  /** How many shifts from now on a rotation answers as {@code upcoming} (the on-call page's "next shifts"). */
  static final int UPCOMING = 6;

  /**
   * A rotation with its covers, who is on call {@code now} and next, and the {@code upcoming} shifts from now on
   * (covers included), so a page shows the turns without working out the rotation's arithmetic again.
   */
  static JsonObject rotation(TeamRotation r, Instant now) {
    List<Rotation.Shift> upcoming = r.rotation().upcoming(now, 2);
    Optional<Rotation.Shift> current = r.rotation().at(now);
    Rotation.Shift next = current.isPresent() ? (upcoming.size() > 1 ? upcoming.get(1) : null)
        : upcoming.isEmpty() ? null : upcoming.get(0);
    return new JsonObject().put("id", r.id()).put("team", r.team()).put("layer", r.layer().code())
        .put("length", r.length().name().toLowerCase(Locale.ROOT))
        .put("handoffTime", r.handoffTime().format(r.handoffTime().getSecond() == 0
            ? DateTimeFormatter.ofPattern("HH:mm") : DateTimeFormatter.ofPattern("HH:mm:ss")))
        .put("handoffDay", r.handoffDay() == null ? null : r.handoffDay().getValue())
        .put("startsOn", r.startsOn().toString()).put("members", new JsonArray(r.members()))
        .put("covers", array(r.covers(), OnCallJson::cover))
        .put("now", current.map(OnCallJson::shift).orElse(null)).put("next", next == null ? null : shift(next))
        .put("upcoming", array(r.rotation().upcoming(now, UPCOMING), OnCallJson::shift))
        .put("updatedAt", iso(r.updatedAt()));
  }

  static JsonObject shift(Rotation.Shift s) {
    return new JsonObject().put("username", s.username()).put("from", iso(s.from())).put("to", iso(s.to()))
        .put("cover", s.cover());
  }

  static JsonObject cover(RotationCover c) {
    return new JsonObject().put("id", c.id()).put("rotation", c.rotationId()).put("username", c.username())
        .put("startsAt", iso(c.startsAt())).put("endsAt", iso(c.endsAt())).put("reason", c.reason())
        .put("createdBy", c.createdBy()).put("createdAt", iso(c.createdAt()));
  }

  static JsonObject policy(EscalationPolicy p) {
    return new JsonObject().put("code", p.code()).put("name", p.name())
        .put("steps", array(p.steps(), s -> new JsonObject().put("after", s.after().toString())
            .put("afterSeconds", s.after().toSeconds()).put("target", s.target().name().toLowerCase(Locale.ROOT))
            .put("username", s.username())))
        .put("repeatEvery", duration(p.repeatEvery())).put("repeats", p.repeats())
        .put("remindEvery", duration(p.remindEvery())).put("updatedAt", iso(p.updatedAt()));
  }

  /** A window, with whether it holds pages {@code now} and its current or next occurrence. */
  static JsonObject window(MaintenanceWindow w, Instant now) {
    Optional<MaintenanceWindow.Occurrence> next = w.currentOrNext(now);
    return new JsonObject().put("id", w.id()).put("systems", new JsonArray(w.systems()))
        .put("startsAt", iso(w.startsAt())).put("endsAt", iso(w.endsAt())).put("weekly", w.weekly())
        .put("reason", w.reason()).put("createdBy", w.createdBy()).put("createdAt", iso(w.createdAt()))
        .put("active", w.at(now).isPresent())
        .put("occurrence", next.map(o -> new JsonObject().put("from", iso(o.from())).put("to", iso(o.to()))).orElse(null));
  }

  static JsonObject episode(Episode e, String team) {
    return new JsonObject().put("id", e.id()).put("group", e.groupKey()).put("system", e.system())
        .put("systems", new JsonArray(e.systems())).put("team", team).put("titleVi", e.titleVi())
        .put("titleEn", e.titleEn()).put("severity", e.severity()).put("alerts", new JsonArray(e.alertIds()))
        .put("leadAlert", e.leadAlertId()).put("openedAt", iso(e.openedAt()))
        .put("escalationFrom", iso(e.escalationFrom())).put("acknowledgedAt", iso(e.acknowledgedAt()))
        .put("acknowledgedBy", e.acknowledgedBy()).put("closedAt", iso(e.closedAt()))
        .put("closeReason", e.closeReason()).put("mergedInto", e.mergedInto());
  }

  /**
   * A page with the notifications that carried it, each with its every attempt (more than one when a node died
   * mid-send and another took the page over).
   */
  static JsonObject page(Page p, List<Notification> sent) {
    return new JsonObject().put("id", p.id()).put("kind", p.kind().code()).put("round", p.round())
        .put("step", p.step()).put("username", p.username()).put("dueAt", iso(p.dueAt())).put("state", p.state())
        .put("takeovers", p.takeovers()).put("createdAt", iso(p.createdAt())).put("finishedAt", iso(p.finishedAt()))
        .put("notifications", new JsonArray(sent.stream().map(Notification::toJson).toList()));
  }

  static JsonObject hold(Ledger.Hold h) {
    return new JsonObject().put("window", h.windowId()).put("from", iso(h.from())).put("to", iso(h.to()))
        .put("reason", h.reason()).put("heldAt", iso(h.heldAt()));
  }

  /** What an acknowledge link acknowledges, as the acknowledge page shows it before anyone taps. */
  static JsonObject link(AckLinks.Link l, SystemName system) {
    return new JsonObject().put("status", l.status()).put("username", l.username())
        .put("expiresAt", iso(l.expiresAt())).put("usedAt", iso(l.usedAt())).put("group", l.group())
        .put("system", l.system()).put("systemVi", system.nameVi()).put("systemEn", system.nameEn())
        .put("titleVi", l.titleVi()).put("titleEn", l.titleEn()).put("severity", l.severity())
        .put("since", iso(l.since())).put("over", l.closedAt() != null).put("closedAt", iso(l.closedAt()))
        .put("openAlerts", l.openAlerts()).put("firingAlerts", l.firingAlerts())
        .put("acknowledgedAt", iso(l.acknowledgedAt())).put("acknowledgedBy", l.acknowledgedBy())
        .put("alert", l.leadAlertId()).put("console", "/sre.html#alert=" + l.leadAlertId());
  }

  static TeamFields teamFields(String code, JsonObject body) {
    return new TeamFields(code, body.getString("nameVi"), body.getString("nameEn"), body.getString("lead"),
        strings(body, "members"), strings(body, "systems"), body.getString("policy"));
  }

  static RotationFields rotationFields(JsonObject body, TeamRotation.Layer fixedLayer) {
    String layer = body.getString("layer");
    Integer day = body.getInteger("handoffDay");
    return new RotationFields(fixedLayer != null ? fixedLayer : TeamRotation.Layer.of(layer),
        Rotation.Length.valueOf(body.getString("length").toUpperCase(Locale.ROOT)),
        parse("handoffTime", body.getString("handoffTime"), t -> LocalTime.parse(t, HANDOFF), "a time of day, HH:mm"),
        day == null ? null : DayOfWeek.of(day),
        parse("startsOn", body.getString("startsOn"), LocalDate::parse, "a date, yyyy-MM-dd"),
        strings(body, "members"));
  }

  static CoverFields coverFields(JsonObject body) {
    return new CoverFields(body.getString("username"), instant(body, "startsAt"), instant(body, "endsAt"),
        body.getString("reason"));
  }

  static PolicyFields policyFields(String code, JsonObject body) {
    JsonArray steps = body.getJsonArray("steps", new JsonArray());
    List<Escalation.Step> parsed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonObject s = steps.getJsonObject(i);
      String field = "steps." + i;
      Escalation.Target target = Escalation.Target.valueOf(s.getString("target").toUpperCase(Locale.ROOT));
      String username = s.getString("username");
      if ((target == Escalation.Target.USER) != (username != null)) {
        throw Failure.invalidField("the policy is not valid: " + field + ".username " + (username == null
            ? "is required when the step pages a named user" : "is only for a step that pages a named user"),
            field + ".username", username == null ? "is required for target user" : "only for target user");
      }
      parsed.add(new Escalation.Step(delay(field + ".after", s.getString("after")), target, username));
    }
    return new PolicyFields(code, body.getString("name"), parsed, optionalDuration(body, "repeatEvery"),
        body.getInteger("repeats", 0), optionalDuration(body, "remindEvery"));
  }

  static WindowFields windowFields(JsonObject body) {
    return new WindowFields(strings(body, "systems"), instant(body, "startsAt"), instant(body, "endsAt"),
        body.getBoolean("weekly", false), body.getString("reason"));
  }

  static <T> JsonObject items(List<T> items, Function<T, JsonObject> json) {
    return new JsonObject().put("items", array(items, json));
  }

  static <T> JsonArray array(List<T> items, Function<T, JsonObject> json) {
    JsonArray array = new JsonArray();
    items.forEach(i -> array.add(json.apply(i)));
    return array;
  }

  private static List<String> strings(JsonObject body, String key) {
    JsonArray values = body.getJsonArray(key);
    if (values == null) {
      return List.of();
    }
    List<String> list = new ArrayList<>(values.size());
    values.forEach(v -> list.add((String) v));
    return list;
  }

  private static Instant instant(JsonObject body, String key) {
    return parse(key, body.getString(key), t -> OffsetDateTime.parse(t).toInstant(),
        "an ISO-8601 date-time with an offset, e.g. 2026-12-01T22:00:00+07:00");
  }

  private static Duration optionalDuration(JsonObject body, String key) {
    String value = body.getString(key);
    return value == null ? null : durationOf(key, value);
  }

  /** A step's delay: from PT0S to {@link OnCallRules#LONGEST}. */
  private static Duration delay(String field, String value) {
    Duration d = durationOf(field, value);
    if (d.isNegative() || d.compareTo(OnCallRules.LONGEST) > 0) {
      throw Failure.invalidField("the policy is not valid: " + field + " must be from PT0S to P7D", field,
          "must be from PT0S to P7D");
    }
    return d;
  }

  private static Duration durationOf(String field, String value) {
    return parse(field, value, Duration::parse, "an ISO-8601 duration, e.g. PT5M or PT30S");
  }

  private static <T> T parse(String field, String value, Function<String, T> parser, String what) {
    try {
      return parser.apply(value);
    } catch (DateTimeException | ArithmeticException | IllegalArgumentException | NullPointerException e) {
      throw Failure.invalidField("the body is not valid: " + field + " must be " + what, field, "must be " + what);
    }
  }

  private static String duration(Duration d) {
    return d == null ? null : d.toString();
  }

  static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
