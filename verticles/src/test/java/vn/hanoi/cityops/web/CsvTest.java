package vn.hanoi.cityops.web;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.CsvText;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {
  @Test
  void textStartingWithAFormulaSignGetsAnApostrophe() {
    assertEquals("'=SUM(A1:A2)", Csv.field("=SUM(A1:A2)"));
    assertEquals("'+1", Csv.field("+1"));
    assertEquals("'-1", Csv.field("-1"));
    assertEquals("'@cmd", Csv.field("@cmd"));
    assertEquals("'\tx", Csv.field("\tx"));
    assertEquals("a=b", Csv.field("a=b"));
  }

  @Test
  void numbersStayNumbersEvenWhenNegative() {
    assertEquals("-5", Csv.field(-5L));
    assertEquals("66.7", Csv.field(66.7));
    assertEquals("", Csv.field(null));
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
    assertEquals("\"a,b\"", Csv.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
    assertEquals("\"two\r\nlines\"", Csv.field("two\r\nlines"));
    assertEquals("Cầu Giấy", Csv.field("Cầu Giấy"));
  }

  @Test
  void aRecordReadsBackAsItsCells() {
    List<Object> cells = Arrays.asList(1L, "Cầu Giấy, Hà Nội", null, "=1+1", "x\"y\"\nz", 2.5);
    String record = Csv.record(cells);

    assertEquals(List.of(List.of("1", "Cầu Giấy, Hà Nội", "", "'=1+1", "x\"y\"\nz", "2.5")), CsvText.parse(record));
  }

  @Test
  void theHeaderIsInTheLanguageAsked() {
    List<Csv.Column> columns = List.of(new Csv.Column("Tên", "Name"), new Csv.Column("Mã", "Code"));
    assertEquals("Tên,Mã\r\n", Csv.header(columns, "vi"));
    assertEquals("Name,Code\r\n", Csv.header(columns, "en"));
  }
}
