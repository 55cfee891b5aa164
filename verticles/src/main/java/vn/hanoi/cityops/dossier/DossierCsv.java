package vn.hanoi.cityops.dossier;

import vn.hanoi.cityops.web.Csv.Column;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dossier KPI columns of an export, in the order and with the figures of {@link DossierJson#kpis}: received,
 * inProgress, completedOnTime, completedLate, returned, backlog, overdueNow, onTimeRate, onlineShare,
 * avgProcessingHours.
 */
final class DossierCsv {
  static final List<Column> KPI_COLUMNS = List.of(
      new Column("Tiếp nhận", "Received"),
      new Column("Đang xử lý", "In progress"),
      new Column("Hoàn thành đúng hạn", "Completed on time"),
      new Column("Hoàn thành trễ hạn", "Completed late"),
      new Column("Trả lại", "Returned"),
      new Column("Tồn đọng", "Backlog"),
      new Column("Quá hạn hiện tại", "Overdue now"),
      new Column("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
      new Column("Tỷ lệ trực tuyến (%)", "Online share (%)"),
      new Column("Thời gian xử lý TB (giờ)", "Average processing time (hours)"));

  private DossierCsv() {
  }

  /** {@code leading} columns followed by the KPI columns. */
  static List<Column> columns(Column... leading) {
    List<Column> all = new ArrayList<>(List.of(leading));
    all.addAll(KPI_COLUMNS);
    return List.copyOf(all);
  }

  /** {@code leading} cells followed by the KPI figures. */
  static List<Object> cells(DossierKpis k, Object... leading) {
    List<Object> all = new ArrayList<>(Arrays.asList(leading)); // a department has no district: a null cell
    all.add(k.received());
    all.add(k.inProgress());
    all.add(k.completedOnTime());
    all.add(k.completedLate());
    all.add(k.returned());
    all.add(k.backlog());
    all.add(k.overdueNow());
    all.add(k.onTimeRate());
    all.add(k.onlineShare());
    all.add(k.avgProcessingHours());
    return all;
  }
}
