package vn.hanoi.cityops.city;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Hanoi's time: every "today", reporting period and time shown to people is in it. Pure. */
public final class Hanoi {
  /** Asia/Ho_Chi_Minh: UTC+07:00 all year, without daylight saving since 1975. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  /** The same as a fixed offset, exact for the same reason: for timestamps written with an offset. */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

  private Hanoi() {
  }
}
