package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.city.ReferenceData;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The minutes of a meeting (biên bản) as one print-ready HTML page: attendance (late arrivals marked), the agenda,
 * decisions with the panel on screen when each was taken, and the tasks assigned. Vietnamese by default. Pure.
 */
final class Minutes {
  /** The title of the agenda item a briefing opens with when it carries over the last one's tasks (stored as data). */
  static final String PREVIOUS_TASKS_TITLE = "Nhiệm vụ từ cuộc giao ban trước";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
  private static final Map<String, String[]> WORDS = Map.ofEntries(
      Map.entry("minutes", new String[]{"Biên bản cuộc họp", "Minutes of the meeting"}),
      Map.entry("level", new String[]{"Cấp", "Level"}),
      Map.entry("chair", new String[]{"Chủ trì", "Chair"}),
      Map.entry("secretary", new String[]{"Thư ký", "Secretary"}),
      Map.entry("time", new String[]{"Thời gian", "Time"}),
      Map.entry("attendance", new String[]{"Thành phần tham dự", "Attendance"}),
      Map.entry("person", new String[]{"Người tham dự", "Participant"}),
      Map.entry("agency", new String[]{"Cơ quan", "Agency"}),
      Map.entry("joined", new String[]{"Vào lúc", "Joined"}),
      Map.entry("left", new String[]{"Rời lúc", "Left"}),
      Map.entry("late", new String[]{"đến muộn", "late"}),
      Map.entry("agenda", new String[]{"Nội dung", "Agenda"}),
      Map.entry("presenter", new String[]{"Đơn vị trình bày", "Presenter"}),
      Map.entry("decisions", new String[]{"Kết luận", "Decisions"}),
      Map.entry("panel", new String[]{"Số liệu trên màn hình lúc kết luận", "Data on screen when decided"}),
      Map.entry("tasks", new String[]{"Giao nhiệm vụ", "Tasks assigned"}),
      Map.entry("task", new String[]{"Nhiệm vụ", "Task"}),
      Map.entry("deadline", new String[]{"Hạn", "Deadline"}),
      Map.entry("priority", new String[]{"Mức độ", "Priority"}),
      Map.entry("state", new String[]{"Trạng thái", "State"}),
      Map.entry("none", new String[]{"Không có", "None"}),
      Map.entry("previousTasks", new String[]{PREVIOUS_TASKS_TITLE, "Tasks from the last briefing"}),
      Map.entry("statusAsOf", new String[]{"Tình hình thực hiện lúc", "Status as of"}),
      Map.entry("overdue", new String[]{"Quá hạn", "Overdue"}),
      Map.entry("progress", new String[]{"Tiến độ", "Progress"}),
      Map.entry("print", new String[]{"In / Lưu PDF", "Print / Save as PDF"}));
  /**
   * On screen a white sheet with the print button; printed (README: Minutes as PDF, the browser's print is how a PDF
   * is made) A4 with 2 cm margins, black on white whatever the screen showed, the button hidden, table headers
   * repeated on each page and no row, decision or list item split across two pages.
   */
  private static final String STYLE = "html,body{background:#fff;color:#000}"
      + "body{font-family:'Times New Roman',serif;margin:2cm;font-size:12pt;line-height:1.35}h1{text-align:center;font-size:18pt}"
      + "h2{font-size:14pt;margin:1.2em 0 .4em}"
      + "table{border-collapse:collapse;width:100%;margin:.5em 0}thead{display:table-header-group}"
      + "td,th{border:1px solid #000;padding:4px;font-size:11pt;vertical-align:top;text-align:left}"
      + "pre{white-space:pre-wrap;font-size:9pt}"
      + ".print-bar{text-align:right;margin:0 0 1em}.print-bar button{font:inherit;min-height:44px;padding:.4em 1.2em;"
      + "border:1px solid #0b3d91;border-radius:4px;background:#0b3d91;color:#fff;cursor:pointer}"
      + ".print-bar button:focus-visible{outline:3px solid #000;outline-offset:2px}"
      + "@page{size:A4;margin:2cm}"
      + "@media print{*{background:transparent!important;color:#000!important;box-shadow:none!important}"
      + "body{margin:0}.print-bar{display:none}h1,h2{break-after:avoid;page-break-after:avoid}"
      + "tr,li,.decision,pre{break-inside:avoid;page-break-inside:avoid}}";

  private Minutes() {
  }

  static String html(JsonObject m, String lang, ReferenceData reference) {
    return html(m, lang, reference, "");
  }

  /**
   * The page; {@code origin} (e.g. {@code https://cityops.hanoi.gov.vn}, empty for the page's own) is where its print
   * script is loaded from: the pages open the minutes as a blob: URL, against which a path alone does not resolve.
   */
  static String html(JsonObject m, String lang, ReferenceData reference, String origin) {
    int l = "en".equals(lang) ? 1 : 0;
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"").append(l == 0 ? "vi" : "en").append("\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(m.getString("title"))).append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>")
        .append("<div class=\"print-bar\"><button type=\"button\" id=\"print-minutes\">").append(w("print", l))
        .append("</button></div>");
    h.append("<h1>").append(w("minutes", l)).append(": ").append(esc(m.getString("title"))).append("</h1><p>")
        .append(w("level", l)).append(": ").append(esc(m.getString("level"))).append(" · ")
        .append(w("chair", l)).append(": ").append(esc(m.getString("chair")))
        .append(m.getString("secretary") == null ? "" : " · " + w("secretary", l) + ": " + esc(m.getString("secretary")))
        .append(" · ").append(w("time", l)).append(": ").append(time(m.getString("startedAt"))).append(" – ").append(time(m.getString("endedAt")))
        .append("</p>");
    h.append("<h2>").append(w("attendance", l)).append("</h2><table><thead><tr><th>").append(w("person", l)).append("</th><th>")
        .append(w("agency", l)).append("</th><th>").append(w("joined", l)).append("</th><th>").append(w("left", l)).append("</th></tr></thead>");
    for (Object o : m.getJsonArray("attendance", new JsonArray())) {
      JsonObject a = (JsonObject) o;
      h.append("<tr><td>").append(esc(a.getString("username"))).append("</td><td>").append(agency(a.getString("agency"), l, reference))
          .append("</td><td>").append(time(a.getString("joinedAt"))).append(a.getBoolean("late", false) ? " (" + w("late", l) + ")" : "")
          .append("</td><td>").append(time(a.getString("leftAt"))).append("</td></tr>");
    }
    h.append("</table><h2>").append(w("agenda", l)).append("</h2><ol>");
    for (Object o : m.getJsonArray("agenda", new JsonArray())) {
      JsonObject i = (JsonObject) o;
      h.append("<li>").append(esc(i.getString("title")));
      if (i.getString("presenter") != null) {
        h.append(" — ").append(w("presenter", l)).append(": ").append(agency(i.getString("presenter"), l, reference));
      }
      h.append("</li>");
    }
    h.append("</ol>");
    if (m.getJsonObject("previousTasks") != null) {
      previousTasks(h, m.getJsonObject("previousTasks"), l, reference);
    }
    h.append("<h2>").append(w("decisions", l)).append("</h2>");
    JsonArray decisions = m.getJsonArray("decisions", new JsonArray());
    if (decisions.isEmpty()) {
      h.append("<p>").append(w("none", l)).append("</p>");
    }
    for (Object o : decisions) {
      JsonObject d = (JsonObject) o;
      h.append("<div class=\"decision\"><p><b>").append(time(d.getString("recordedAt"))).append("</b> (").append(esc(d.getString("recordedBy")))
          .append("): ").append(esc(d.getString("text"))).append("</p>");
      if (d.getJsonObject("panel") != null) {
        h.append("<p>").append(w("panel", l)).append(":</p><pre>").append(esc(d.getJsonObject("panel").encodePrettily())).append("</pre>");
      }
      h.append("</div>");
    }
    h.append("<h2>").append(w("tasks", l)).append("</h2><table><thead><tr><th>").append(w("agency", l)).append("</th><th>").append(w("task", l))
        .append("</th><th>").append(w("deadline", l)).append("</th><th>").append(w("priority", l)).append("</th><th>").append(w("state", l))
        .append("</th></tr></thead>");
    for (Object o : m.getJsonArray("tasks", new JsonArray())) {
      JsonObject t = (JsonObject) o;
      h.append("<tr><td>").append(agency(t.getString("agency"), l, reference)).append("</td><td>").append(esc(t.getString("description")))
          .append("</td><td>").append(time(t.getString("deadline"))).append("</td><td>").append(esc(t.getString("priority")))
          .append("</td><td>").append(esc(t.getString("state"))).append(" ").append(t.getInteger("progress")).append("%</td></tr>");
    }
    return h.append("</table><script src=\"").append(esc(origin)).append("/js/minutes-print.js\"></script></body></html>")
        .toString();
  }

  /** The tasks the last briefing assigned, with their state, progress, deadline and overdue flag. */
  private static void previousTasks(StringBuilder h, JsonObject data, int l, ReferenceData reference) {
    JsonObject last = data.getJsonObject("meeting");
    h.append("<h2>").append(w("previousTasks", l)).append("</h2><p>").append(esc(last.getString("title"))).append(" (")
        .append(time(last.getString("scheduledAt"))).append(") · ").append(w("statusAsOf", l)).append(" ")
        .append(time(data.getString("asOf"))).append("</p><table class=\"previous-tasks\"><thead><tr><th>").append(w("agency", l))
        .append("</th><th>").append(w("task", l)).append("</th><th>").append(w("deadline", l)).append("</th><th>")
        .append(w("state", l)).append("</th><th>").append(w("progress", l)).append("</th></tr></thead>");
    for (Object o : data.getJsonArray("tasks", new JsonArray())) {
      JsonObject t = (JsonObject) o;
      h.append("<tr><td>").append(agency(t.getString("agency"), l, reference)).append("</td><td>").append(esc(t.getString("description")))
          .append("</td><td>").append(time(t.getString("deadline"))).append(t.getBoolean("overdue", false) ? " <b>" + w("overdue", l) + "</b>" : "")
          .append("</td><td>").append(esc(t.getString("state"))).append("</td><td>").append(t.getInteger("progress")).append("%</td></tr>");
    }
    h.append("</table>");
  }

  private static String agency(String code, int l, ReferenceData reference) {
    ReferenceData.Agency a = code == null ? null : reference.agencies().get(code);
    return a == null ? esc(code) : esc(l == 0 ? a.nameVi() : a.nameEn()) + " (" + esc(code) + ")";
  }

  private static String w(String key, int l) {
    return WORDS.get(key)[l];
  }

  private static String time(String iso) {
    if (iso == null) {
      return "";
    }
    return OffsetDateTime.parse(iso).atZoneSameInstant(Hanoi.ZONE).format(TIME);
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
