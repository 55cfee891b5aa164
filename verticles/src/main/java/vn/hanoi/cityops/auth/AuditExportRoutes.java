package vn.hanoi.cityops.auth;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.Csv.Column;
import vn.hanoi.cityops.web.CsvResponse;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;

import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/exports/audit?action=&actor=&outcome=&from=&to=&lang=}: every audit entry matching the filters of
 * {@code GET /api/v1/audit}, newest first, as a CSV file, for admins. No range limit: the entries are read from a
 * database cursor {@value #FETCH} at a time and written as the client takes them ({@link CsvResponse#pipe}), so
 * the node holds a few hundred rows at most whatever the size of the log. Times in Hanoi (ISO-8601, +07:00),
 * {@code details} as JSON text.
 */
public final class AuditExportRoutes implements Routes {
  static final int FETCH = 200;
  private static final List<Column> COLUMNS = List.of(
      new Column("Mã", "Id"), new Column("Thời điểm", "Time"), new Column("Người thực hiện", "Actor"),
      new Column("Loại", "Actor kind"), new Column("Hành động", "Action"), new Column("Đối tượng", "Target"),
      new Column("Kết quả", "Outcome"), new Column("Địa chỉ", "Address"), new Column("Chi tiết", "Details"));

  private final AuditLog audit;
  private final Guard guard;

  AuditExportRoutes(AuditLog audit, Guard guard) {
    this.audit = audit;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/exports/audit"), "The audit log (by actor, action, time) as a CSV file")
        .produces("text/csv").errors(400).access(guard.may(Action.READ_AUDIT)).handler(this::export);
  }

  private record Ask(AuditLog.Query query, String lang) {
  }

  private void export(RoutingContext ctx) {
    Requests.checked(() -> new Ask(AuditRoutes.query(ctx, null, 0), CsvResponse.lang(ctx)))
        .compose(a -> audit.stream(a.query(), FETCH, rows ->
            CsvResponse.start(ctx, filename(a), COLUMNS, a.lang()).pipe(rows, AuditExportRoutes::cells)))
        .onFailure(ctx::fail);
  }

  private static List<?> cells(Row r) {
    var details = r.getJsonObject("details");
    return Arrays.asList(r.getLong("id"), Period.iso(r.getOffsetDateTime("at").toInstant()), r.getString("actor"),
        r.getString("actor_kind"), r.getString("action"), r.getString("target"), r.getString("outcome"),
        r.getString("address"), details == null ? null : details.encode());
  }

  /** Named by the first and last day it covers (the day before {@code to}, which is exclusive). */
  private static String filename(Ask a) {
    String name = "en".equals(a.lang()) ? "audit-log" : "nhat-ky-thao-tac";
    String from = a.query().from() == null ? "" : "_" + Period.iso(a.query().from().toInstant()).substring(0, 10);
    String to = a.query().to() == null ? "" : "_" + Period.iso(a.query().to().toInstant().minusMillis(1)).substring(0, 10);
    return name + from + to + ".csv";
  }
}
