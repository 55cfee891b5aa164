package vn.hanoi.cityops.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV back as RFC 4180 defines it (fields by commas, records by CRLF, quoted fields with doubled quotes and
 * line breaks inside), strictly: a bare LF ending a record or a stray quote is an error, so a test proves the file
 * is well-formed, not merely readable.
 */
public final class CsvText {
  private CsvText() {
  }

  /** The records of {@code text} (without its byte order mark). */
  public static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (text.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("an unclosed quoted field at the end");
          }
          char c = text.charAt(i++);
          if (c == '"') {
            if (i < n && text.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
      } else {
        while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
          if (text.charAt(i) == '"') {
            throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
          }
          field.append(text.charAt(i++));
        }
      }
      if (i < n && text.charAt(i) == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (i + 1 < n && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else if (i >= n) {
        throw new IllegalArgumentException("the last record does not end with CRLF");
      } else {
        throw new IllegalArgumentException("a record ends without CRLF at " + i);
      }
    }
    return records;
  }
}
