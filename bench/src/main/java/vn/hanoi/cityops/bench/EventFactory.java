package vn.hanoi.cityops.bench;

import io.vertx.core.buffer.Buffer;
import vn.hanoi.cityops.city.ReferenceData;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes realistic events, all valid per {@code schemas/event.schema.json} and the node's rules, quickly
 * (a {@link StringBuilder}, precomputed timestamps): about 10% {@code system.health}, 65% {@code dossier},
 * 25% {@code feedback}, over the real agencies and systems of the node's reference data. Not thread-safe:
 * one per thread.
 */
final class EventFactory {
  /** One event: the columns of the {@code event} table and the JSON as sent. */
  record Event(String id, String type, String occurredAt, String system, String agency, String district,
               String status, String channel, String json) {
  }

  private static final ZoneOffset HANOI = ZoneOffset.ofHours(7);
  private static final int TIMES = 512;
  private static final int DAYS = 21; // offsets -10 .. +10 days around an occurrence time

  private static final String[] DOSSIER_CHANNELS = {"online_full", "online_partial", "counter"};
  private static final int[] DOSSIER_CHANNEL_W = {45, 25, 30};
  private static final String[] STAGES = {"received", "in_progress", "completed", "returned"};
  private static final int[] STAGE_W = {35, 30, 30, 5};
  private static final String[] PROCEDURES = {"1.000001", "1.000001", "1.000001", "1.001612", "2.000125", "1.004227"};
  private static final String[] FEEDBACK_CHANNELS = {"zalo", "hotline", "web"};
  private static final int[] FEEDBACK_CHANNEL_W = {70, 20, 10};
  private static final String[] FEEDBACK_STATUS = {"received", "assigned", "in_progress", "answered"};
  private static final int[] FEEDBACK_STATUS_W = {30, 25, 20, 25};
  private static final String[] CATEGORIES = {"Môi trường", "Giao thông", "Trật tự đô thị", "Đất đai - Xây dựng",
      "Điện - Nước", "An ninh trật tự", "Y tế", "Giáo dục", "Dịch vụ công"};
  private static final Map<String, String> CATEGORY_DEPARTMENT = Map.of(
      "Môi trường", "STNMT", "Giao thông", "SGTVT", "Đất đai - Xây dựng", "SXD", "Điện - Nước", "SCT",
      "Y tế", "SYT", "Giáo dục", "SGDDT", "Dịch vụ công", "VP-UBND");
  private static final String[] HEALTH = {"up", "degraded", "down"};
  private static final int[] HEALTH_W = {90, 8, 2};

  private final SplittableRandom rng;
  private final String[][] times = new String[TIMES][DAYS];
  private final String[] systems;
  private final String[] departments;
  private final String[] districts;
  private final String[][] communesOf; // by index of districts
  private final String[] communes;
  private final String[] communeDistrict;

  EventFactory(ReferenceData reference, long seed) {
    this.rng = new SplittableRandom(seed);
    OffsetDateTime base = OffsetDateTime.now(HANOI).truncatedTo(ChronoUnit.SECONDS);
    for (int j = 0; j < TIMES; j++) {
      OffsetDateTime t = base.minusSeconds(67L * j);
      for (int d = 0; d < DAYS; d++) {
        times[j][d] = t.plus(Duration.ofDays(d - 10)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      }
    }
    this.systems = reference.systems().stream().sorted().toArray(String[]::new);
    List<ReferenceData.Agency> all = reference.agencies().values().stream()
        .sorted(Comparator.comparing(ReferenceData.Agency::code)).toList();
    this.departments = all.stream().filter(a -> "city".equals(a.level())).map(ReferenceData.Agency::code).toArray(String[]::new);
    this.districts = all.stream().filter(a -> "district".equals(a.level())).map(ReferenceData.Agency::code).toArray(String[]::new);
    this.communesOf = new String[districts.length][];
    List<String> allCommunes = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    for (int i = 0; i < districts.length; i++) {
      String d = districts[i];
      communesOf[i] = all.stream().filter(a -> "commune".equals(a.level()) && d.equals(a.parentCode()))
          .map(ReferenceData.Agency::code).toArray(String[]::new);
      for (String c : communesOf[i]) {
        allCommunes.add(c);
        parents.add(d);
      }
    }
    this.communes = allCommunes.toArray(String[]::new);
    this.communeDistrict = parents.toArray(String[]::new);
    if (systems.length == 0 || departments.length == 0 || districts.length == 0 || communes.length == 0) {
      throw new IllegalStateException("reference data is empty: systems=" + systems.length + " departments="
          + departments.length + " districts=" + districts.length + " communes=" + communes.length);
    }
  }

  /** A JSON array of {@code batch} events with ids {@code prefix + n}, n taken from {@code counter}. */
  Buffer body(String prefix, long[] counter, int batch) {
    StringBuilder sb = new StringBuilder(batch * 420 + 2);
    sb.append('[');
    for (int i = 0; i < batch; i++) {
      if (i > 0) {
        sb.append(',');
      }
      generate(prefix + (counter[0]++), sb, null);
    }
    sb.append(']');
    return Buffer.buffer(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  Event event(String id) {
    StringBuilder sb = new StringBuilder(420);
    String[] cols = new String[7];
    generate(id, sb, cols);
    return new Event(id, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], sb.toString());
  }

  /**
   * Appends one event's JSON; when {@code cols} is given, also fills the typed columns the node derives:
   * type, occurred_at, system_code, agency_code, district_code, status, channel.
   */
  private void generate(String id, StringBuilder sb, String[] cols) {
    int roll = rng.nextInt(100);
    String[] t = times[rng.nextInt(TIMES)];
    String occurred = t[10];
    if (roll < 10) {
      String system = systems[rng.nextInt(systems.length)];
      String status = HEALTH[pick(HEALTH_W)];
      sb.append("{\"id\":\"").append(id).append("\",\"type\":\"system.health\",\"occurredAt\":\"").append(occurred)
          .append("\",\"system\":\"").append(system).append("\",\"status\":\"").append(status)
          .append("\",\"latencyMs\":").append(status.equals("up") ? 20 + rng.nextInt(400) : 800 + rng.nextInt(8000));
      if (!status.equals("up")) {
        sb.append(",\"message\":\"").append(status.equals("down") ? "no answer to health probe" : "slow responses from backend").append('"');
      }
      sb.append('}');
      fill(cols, "system.health", occurred, system, null, null, status, null);
    } else if (roll < 75) {
      String agency;
      String district;
      int level = rng.nextInt(100);
      if (level < 25) {
        agency = departments[rng.nextInt(departments.length)];
        district = null;
      } else if (level < 50) {
        agency = districts[rng.nextInt(districts.length)];
        district = agency;
      } else {
        int c = rng.nextInt(communes.length);
        agency = communes[c];
        district = communeDistrict[c];
      }
      String channel = DOSSIER_CHANNELS[pick(DOSSIER_CHANNEL_W)];
      String stage = STAGES[pick(STAGE_W)];
      int receivedDaysAgo = stage.equals("received") ? 0 : 1 + rng.nextInt(10);
      sb.append("{\"id\":\"").append(id).append("\",\"type\":\"dossier\",\"occurredAt\":\"").append(occurred)
          .append("\",\"dossierId\":\"HS-").append(id).append("\",\"agency\":\"").append(agency)
          .append("\",\"procedure\":\"").append(PROCEDURES[rng.nextInt(PROCEDURES.length)])
          .append("\",\"channel\":\"").append(channel).append("\",\"stage\":\"").append(stage)
          .append("\",\"receivedAt\":\"").append(t[10 - receivedDaysAgo])
          .append("\",\"dueAt\":\"").append(t[20 - receivedDaysAgo]).append('"');
      if (stage.equals("completed")) {
        sb.append(",\"completedAt\":\"").append(occurred).append('"');
      }
      sb.append('}');
      fill(cols, "dossier", occurred, null, agency, district, stage, channel);
    } else {
      int d = rng.nextInt(districts.length);
      String district = districts[d];
      String[] inDistrict = communesOf[d];
      String commune = inDistrict.length > 0 && rng.nextInt(100) < 70 ? inDistrict[rng.nextInt(inDistrict.length)] : null;
      String category = CATEGORIES[rng.nextInt(CATEGORIES.length)];
      String department = CATEGORY_DEPARTMENT.get(category);
      String agency = department != null && rng.nextInt(100) < 35 ? department : district;
      String channel = FEEDBACK_CHANNELS[pick(FEEDBACK_CHANNEL_W)];
      String status = FEEDBACK_STATUS[pick(FEEDBACK_STATUS_W)];
      sb.append("{\"id\":\"").append(id).append("\",\"type\":\"feedback\",\"occurredAt\":\"").append(occurred)
          .append("\",\"feedbackId\":\"PAKN-").append(id).append("\",\"channel\":\"").append(channel)
          .append("\",\"category\":\"").append(category).append("\",\"district\":\"").append(district).append('"');
      if (commune != null) {
        sb.append(",\"commune\":\"").append(commune).append('"');
      }
      sb.append(",\"agency\":\"").append(agency).append("\",\"status\":\"").append(status)
          .append("\",\"dueAt\":\"").append(t[20]).append('"');
      if (status.equals("answered") && rng.nextInt(100) < 80) {
        sb.append(",\"rating\":").append(1 + rng.nextInt(5));
      }
      sb.append('}');
      fill(cols, "feedback", occurred, null, agency, district, status, channel);
    }
  }

  private static void fill(String[] cols, String type, String occurred, String system, String agency, String district,
                           String status, String channel) {
    if (cols != null) {
      cols[0] = type;
      cols[1] = occurred;
      cols[2] = system;
      cols[3] = agency;
      cols[4] = district;
      cols[5] = status;
      cols[6] = channel;
    }
  }

  private int pick(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = rng.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
