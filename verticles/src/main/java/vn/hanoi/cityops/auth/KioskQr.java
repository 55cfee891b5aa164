package vn.hanoi.cityops.auth;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * The QR code of a wall display's kiosk link, for the screen's browser to open it by camera: the code's matrix
 * (zxing core, error correction M, the standard four-module quiet zone) drawn as an SVG of black rectangles, one per
 * run of dark modules in a row, on white. No styles (the pages' CSP allows none inline): only attributes.
 */
public final class KioskQr {
  private static final int QUIET_ZONE = 4;

  private KioskQr() {
  }

  /** The QR code of {@code text}, one unit per module, its quiet zone included. */
  public static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code of " + text.length() + " characters", e);
    }
  }

  /** {@code matrix} as an SVG document scaling to its box (viewBox in modules, crisp edges). */
  public static String svg(BitMatrix matrix) {
    int w = matrix.getWidth();
    int h = matrix.getHeight();
    StringBuilder svg = new StringBuilder(64 * h)
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ').append(h)
        .append("\" shape-rendering=\"crispEdges\" role=\"img\">")
        .append("<rect width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"#fff\"/>");
    for (int y = 0; y < h; y++) {
      int x = 0;
      while (x < w) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < w && matrix.get(x, y)) {
          x++;
        }
        svg.append("<rect x=\"").append(start).append("\" y=\"").append(y).append("\" width=\"").append(x - start)
            .append("\" height=\"1\" fill=\"#000\"/>");
      }
    }
    return svg.append("</svg>").toString();
  }

  /** The SVG QR code of {@code text}. */
  public static String svg(String text) {
    return svg(matrix(text));
  }
}
