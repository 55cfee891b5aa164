package vn.hanoi.cityops.feedback;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.Csv.Column;
import vn.hanoi.cityops.web.CsvResponse;
import vn.hanoi.cityops.web.ExportPeriod;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/exports/feedback/summary?period=|from=&to=&district=&category=&agency=&channel=&lang=}: the
 * figures of {@code GET /api/v1/feedback/summary} for the same filters as a CSV file ({@link CsvResponse}): the total,
 * then one row per district, category and channel in the summary's order (the most behind first), with the same
 * access (a district's officer with {@code district}, city-wide data without).
 */
public final class FeedbackExportRoutes implements Routes {
  private static final List<Column> COLUMNS = List.of(
      new Column("Nhóm", "Group"), new Column("Mã", "Code"), new Column("Tên", "Name"),
      new Column("Tiếp nhận", "Received"), new Column("Đang mở", "Open"), new Column("Quá hạn", "Overdue"),
      new Column("Đã trả lời", "Answered"), new Column("Thời gian trả lời TB (giờ)", "Average answer time (hours)"),
      new Column("Chỉ số hài lòng (0-100)", "Satisfaction index (0-100)"),
      new Column("Điểm đánh giá TB (1-5)", "Average rating (1-5)"), new Column("Số lượt đánh giá", "Rated"));
  /** The figures of {@link FeedbackJson#counts}, in column order. */
  private static final List<String> FIGURES = List.of("received", "open", "overdue", "answered", "avgAnswerHours",
      "satisfactionIndex", "averageRating", "rated");

  private final FeedbackRepository repository;
  private final ReferenceData reference;
  private final Guard guard;

  FeedbackExportRoutes(Pool pool, ReferenceData reference, Guard guard) {
    this.repository = new FeedbackRepository(pool);
    this.reference = reference;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/exports/feedback/summary"), "Citizen-feedback summary rows for a period, as a CSV file")
        .produces("text/csv").errors(400, 403).access(guard.signedIn()).handler(this::summary);
  }

  private record Ask(FeedbackFilter filter, ExportPeriod period, String lang) {
  }

  /** One row: its group (total, district, category, channel), key, names and counts. */
  private record Line(String[] group, String code, String nameVi, String nameEn, FeedbackCounts counts) {
  }

  private void summary(RoutingContext ctx) {
    Requests.checked(() -> new Ask(FeedbackRoutes.filter(ctx, reference, guard), ExportPeriod.of(ctx), CsvResponse.lang(ctx)))
        .compose(a -> repository.summary(a.period().bounds(), a.period().now(), a.filter()).compose(summary -> {
          String file = ("en".equals(a.lang()) ? "feedback-summary_" : "phan-anh-kien-nghi_") + a.period().label() + ".csv";
          return CsvResponse.start(ctx, file, COLUMNS, a.lang()).all(lines(summary), line -> cells(line, a.lang()));
        }))
        .onFailure(ctx::fail);
  }

  private List<Line> lines(FeedbackRepository.Summary summary) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(new String[]{"Tổng", "Total"}, null, "Toàn bộ", "All", summary.total()));
    for (Map.Entry<String, FeedbackCounts> e : FeedbackRoutes.ordered(summary.byDistrict())) {
      Agency d = reference.agencies().get(e.getKey());
      lines.add(new Line(new String[]{"Quận/huyện", "District"}, e.getKey(), d == null ? e.getKey() : d.nameVi(),
          d == null ? e.getKey() : d.nameEn(), e.getValue()));
    }
    for (Map.Entry<String, FeedbackCounts> e : FeedbackRoutes.ordered(summary.byCategory())) {
      lines.add(new Line(new String[]{"Lĩnh vực", "Category"}, e.getKey(), e.getKey(), e.getKey(), e.getValue()));
    }
    for (Map.Entry<String, FeedbackCounts> e : FeedbackRoutes.ordered(summary.byChannel())) {
      String[] names = FeedbackRoutes.CHANNELS.getOrDefault(e.getKey(), new String[]{e.getKey(), e.getKey()});
      lines.add(new Line(new String[]{"Kênh", "Channel"}, e.getKey(), names[0], names[1], e.getValue()));
    }
    return lines;
  }

  private static List<Object> cells(Line line, String lang) {
    boolean en = "en".equals(lang);
    List<Object> cells = new ArrayList<>();
    cells.add(line.group()[en ? 1 : 0]);
    cells.add(line.code());
    cells.add(en ? line.nameEn() : line.nameVi());
    JsonObject figures = FeedbackJson.counts(line.counts());
    FIGURES.forEach(f -> cells.add(figures.getValue(f)));
    return cells;
  }
}
