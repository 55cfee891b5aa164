package vn.hanoi.cityops.notify;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {
  @Test
  void addressesKeepEnoughToTellThemApartAndNotEnoughToReachThePerson() {
    assertEquals("t***@hanoi.gov.vn", Masking.mask(ChannelKind.EMAIL, "truc-ban@hanoi.gov.vn"));
    assertEquals("+84******678", Masking.mask(ChannelKind.SMS, "+84912345678"));
    assertEquals("12*****89", Masking.mask(ChannelKind.TELEGRAM, "123456789"));
    assertEquals("84***************67", Masking.mask(ChannelKind.ZALO, "8412345678901234567"));
    assertEquals("https://fcm.googleapis.com/…", Masking.mask(ChannelKind.WEBPUSH, "https://fcm.googleapis.com/fcm/send/abc:def"));
    assertEquals("http://127.0.0.1:8443/…", Masking.mask(ChannelKind.WEBPUSH, "http://127.0.0.1:8443/push/1"));
  }

  @Test
  void shortAddressesAreStarredWhole() {
    assertEquals("*****", Masking.mask(ChannelKind.TELEGRAM, "12345"));
  }
}
