package vn.hanoi.cityops.history;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The KPIs kept as history, as the API names them. A {@link Kind#COUNT} counts the events whose
 * {@code occurred_at} falls in the bucket (an hour is the sum of its minutes; an empty bucket is 0); a
 * {@link Kind#GAUGE} is the state sampled at the end of each minute (an hour keeps its last sample; an
 * unsampled minute has no value). How each is computed is in {@code sql/history/rollup-minutes.sql}.
 * Pure: no Vert.x, no I/O.
 */
public enum Kpi {
  DOSSIERS_RECEIVED("dossiers_received", Kind.COUNT, false,
      "Hồ sơ tiếp nhận", "Dossiers received", "hồ sơ", "dossiers"),
  DOSSIERS_COMPLETED("dossiers_completed", Kind.COUNT, false,
      "Hồ sơ giải quyết xong", "Dossiers completed", "hồ sơ", "dossiers"),
  DOSSIERS_COMPLETED_LATE("dossiers_completed_late", Kind.COUNT, false,
      "Hồ sơ giải quyết quá hạn", "Dossiers completed late", "hồ sơ", "dossiers"),
  DOSSIERS_RETURNED("dossiers_returned", Kind.COUNT, false,
      "Hồ sơ trả lại", "Dossiers returned", "hồ sơ", "dossiers"),
  DOSSIERS_RECEIVED_ONLINE("dossiers_received_online", Kind.COUNT, false,
      "Hồ sơ tiếp nhận trực tuyến", "Dossiers received online", "hồ sơ", "dossiers"),
  FEEDBACK_RECEIVED("feedback_received", Kind.COUNT, false,
      "Phản ánh kiến nghị tiếp nhận", "Citizen feedback received", "phản ánh", "reports"),
  FEEDBACK_ANSWERED("feedback_answered", Kind.COUNT, false,
      "Phản ánh kiến nghị đã trả lời", "Citizen feedback answered", "phản ánh", "reports"),
  SYSTEM_DOWN_EVENTS("system_down_events", Kind.COUNT, true,
      "Sự kiện hệ thống ngừng hoạt động", "System down events", "sự kiện", "events"),
  DOSSIERS_BACKLOG("dossiers_backlog", Kind.GAUGE, false,
      "Hồ sơ đang giải quyết", "Dossiers in progress", "hồ sơ", "dossiers"),
  DOSSIERS_OVERDUE("dossiers_overdue", Kind.GAUGE, false,
      "Hồ sơ đang quá hạn", "Dossiers overdue", "hồ sơ", "dossiers"),
  FEEDBACK_OPEN("feedback_open", Kind.GAUGE, false,
      "Phản ánh chưa trả lời", "Citizen feedback open", "phản ánh", "reports"),
  SYSTEMS_DOWN("systems_down", Kind.GAUGE, true,
      "Hệ thống đang ngừng hoạt động", "Systems down", "hệ thống", "systems");

  /** How a KPI is bucketed. */
  public enum Kind {
    COUNT, GAUGE;

    public String code() {
      return name().toLowerCase();
    }
  }

  private final String code;
  private final Kind kind;
  private final boolean cityOnly;
  private final String nameVi;
  private final String nameEn;
  private final String unitVi;
  private final String unitEn;

  Kpi(String code, Kind kind, boolean cityOnly, String nameVi, String nameEn, String unitVi, String unitEn) {
    this.code = code;
    this.kind = kind;
    this.cityOnly = cityOnly;
    this.nameVi = nameVi;
    this.nameEn = nameEn;
    this.unitVi = unitVi;
    this.unitEn = unitEn;
  }

  public static Optional<Kpi> of(String code) {
    for (Kpi k : values()) {
      if (k.code.equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** The codes of every gauge: the hourly rollup keeps their last sample instead of a sum. */
  public static List<String> gauges() {
    return Arrays.stream(values()).filter(k -> k.kind == Kind.GAUGE).map(Kpi::code).toList();
  }

  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  /** Kept for the city only (the city systems belong to no district). */
  public boolean cityOnly() {
    return cityOnly;
  }

  public String nameVi() {
    return nameVi;
  }

  public String nameEn() {
    return nameEn;
  }

  public String unitVi() {
    return unitVi;
  }

  public String unitEn() {
    return unitEn;
  }
}
