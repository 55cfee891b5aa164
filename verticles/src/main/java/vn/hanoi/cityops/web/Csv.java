package vn.hanoi.cityops.web;

import java.util.List;

/**
 * CSV text as RFC 4180 writes it, for spreadsheets: fields separated by commas, records ended by CRLF, a field with a
 * comma, a double quote or a line break quoted (its quotes doubled). A text field starting with {@code = + - @} (or a
 * tab or carriage return) gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a
 * formula (CSV injection); numbers are written as numbers, nulls as empty fields. Pure: no Vert.x, no I/O.
 */
public final class Csv {
  /** The UTF-8 byte order mark: with it Excel reads the file as UTF-8, so Vietnamese shows its diacritics. */
  public static final String BOM = "\uFEFF";
  public static final String CRLF = "\r\n";

  /** A column: its heading in Vietnamese and in English. */
  public record Column(String vi, String en) {
    public String heading(String lang) {
      return "en".equals(lang) ? en : vi;
    }
  }

  private Csv() {
  }

  /** The header record of {@code columns} in {@code lang} (vi or en). */
  public static String header(List<Column> columns, String lang) {
    return record(columns.stream().map(c -> (Object) c.heading(lang)).toList());
  }

  /** One record, CRLF-terminated. */
  public static String record(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(cells.get(i)));
    }
    return line.append(CRLF).toString();
  }

  /** One field: a number as it is, text protected against formulas and quoted when it must be. */
  public static String field(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
