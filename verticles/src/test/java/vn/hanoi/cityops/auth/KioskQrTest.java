package vn.hanoi.cityops.auth;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk link's QR code reads back as the link: from zxing's matrix, and from the SVG the page shows. */
class KioskQrTest {
  private static final String KIOSK = "https://ops.hanoi.gov.vn/?display=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMiLCJqdGkiOiJhYmMifQ.c2lnbmF0dXJlLWlzLWhlcmUtMzItYnl0ZXM";
  private static final Pattern DARK = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"1\" fill=\"#000\"/>");
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

  @Test
  void theMatrixDecodesBackToTheKioskLink() throws Exception {
    assertEquals(KIOSK, decode(KioskQr.matrix(KIOSK)));
  }

  @Test
  void theSvgDrawsTheSameCodeWithItsQuietZoneAndNoInlineStyle() throws Exception {
    BitMatrix matrix = KioskQr.matrix(KIOSK);
    String svg = KioskQr.svg(matrix);
    assertEquals(matrix, fromSvg(svg), "every dark module drawn, nothing else");
    assertEquals(KIOSK, decode(fromSvg(svg)));
    assertFalse(svg.contains("style"), "the pages' CSP allows no inline style");
    for (int x = 0; x < 4; x++) {
      for (int y = 0; y < matrix.getHeight(); y++) {
        assertFalse(matrix.get(x, y), "four light modules on the left at " + x + "," + y);
      }
    }
  }

  @Test
  void aLocalLinkWithVietnameseTextAlsoReadsBack() throws Exception {
    String local = "http://127.0.0.1:8080/?display=abc&name=Phòng điều hành";
    assertEquals(local, decode(KioskQr.matrix(local)));
    assertTrue(KioskQr.svg(local).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  }

  @Test
  void aTextTooLongForAnyQrCodeIsRefusedClearly() {
    assertThrows(IllegalArgumentException.class, () -> KioskQr.matrix("x".repeat(5000)));
  }

  /** The dark rectangles of {@code svg} back as a matrix of its viewBox's size. */
  private static BitMatrix fromSvg(String svg) {
    Matcher box = VIEW_BOX.matcher(svg);
    assertTrue(box.find(), svg);
    BitMatrix m = new BitMatrix(Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)));
    Matcher r = DARK.matcher(svg);
    while (r.find()) {
      m.setRegion(Integer.parseInt(r.group(1)), Integer.parseInt(r.group(2)), Integer.parseInt(r.group(3)), 1);
    }
    return m;
  }

  /** Reads the code as a camera would see it: four pixels per module, dark 0, light 255. */
  private static String decode(BitMatrix modules) throws Exception {
    LuminanceSource image = new ModulesImage(modules, 4);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image)),
        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
  }

  private static final class ModulesImage extends LuminanceSource {
    private final BitMatrix modules;
    private final int scale;

    ModulesImage(BitMatrix modules, int scale) {
      super(modules.getWidth() * scale, modules.getHeight() * scale);
      this.modules = modules;
      this.scale = scale;
    }

    @Override
    public byte[] getRow(int y, byte[] row) {
      byte[] out = row != null && row.length >= getWidth() ? row : new byte[getWidth()];
      for (int x = 0; x < getWidth(); x++) {
        out[x] = modules.get(x / scale, y / scale) ? 0 : (byte) 255;
      }
      return out;
    }

    @Override
    public byte[] getMatrix() {
      byte[] all = new byte[getWidth() * getHeight()];
      for (int y = 0; y < getHeight(); y++) {
        System.arraycopy(getRow(y, null), 0, all, y * getWidth(), getWidth());
      }
      return all;
    }
  }
}
