package vn.hanoi.cityops.alert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import vn.hanoi.cityops.store.Sql;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The human title of an alert, in Vietnamese (the default) and English, e.g. "Cổng dịch vụ công trực tuyến thành
 * phố ngừng hoạt động". Names of systems and agencies are read once at start (reference data does not change).
 */
public final class Titles {
  public record Title(String vi, String en) {
  }

  private record Names(String vi, String en) {
  }

  private static final String NAMES = Sql.load("alert/names.sql");
  private final Map<String, Names> names;

  Titles(Map<String, Names> names) {
    this.names = names;
  }

  public static Future<Titles> load(Pool pool) {
    return pool.query(NAMES).execute().map(rows -> {
      Map<String, Names> names = new HashMap<>();
      for (Row r : rows) {
        names.put(r.getString(0), new Names(r.getString(1), r.getString(2)));
      }
      return new Titles(names);
    });
  }

  public Title of(Rule rule, String subject) {
    Names n = names.getOrDefault(subject, new Names(subject, subject));
    String t = rule.threshold() == null ? "" : number(rule.threshold(), true);
    String tEn = rule.threshold() == null ? "" : number(rule.threshold(), false);
    return switch (rule.kind()) {
      case SYSTEM_DOWN -> new Title(n.vi() + " ngừng hoạt động", n.en() + " is down");
      case SYSTEM_DEGRADED -> new Title(n.vi() + " hoạt động không ổn định quá " + minutes(rule) + " phút",
          n.en() + " degraded for more than " + minutes(rule) + " minutes");
      case LATENCY_HIGH -> new Title(n.vi() + ": độ trễ trên " + t + " ms", n.en() + ": latency above " + tEn + " ms");
      case AGENCY_ON_TIME_BELOW -> new Title(n.vi() + ": tỷ lệ giải quyết đúng hạn dưới " + t + " %",
          n.en() + ": on-time rate below " + tEn + " %");
      case DISTRICT_OVERDUE_ABOVE -> new Title(n.vi() + ": hơn " + t + " hồ sơ quá hạn",
          n.en() + ": more than " + tEn + " overdue dossiers");
      case FEEDBACK_OVERDUE_ABOVE -> new Title("Phản ánh, kiến nghị quá hạn chưa trả lời vượt " + t,
          "Open overdue citizen feedback above " + tEn);
      case KPI_DROP_RATE -> new Title(n.vi() + ": tỷ lệ đúng hạn giảm hơn " + t + " điểm trong "
          + (rule.windowMinutes() == null ? 60 : rule.windowMinutes()) + " phút",
          n.en() + ": on-time rate dropped more than " + tEn + " points in "
              + (rule.windowMinutes() == null ? 60 : rule.windowMinutes()) + " minutes");
    };
  }

  private static long minutes(Rule rule) {
    return Math.max(1, Math.round(rule.forSeconds() / 60.0));
  }

  /** Vietnamese groups thousands with dots and uses a decimal comma. */
  private static String number(double value, boolean vi) {
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(vi ? Locale.forLanguageTag("vi") : Locale.ENGLISH));
    return f.format(value);
  }
}
