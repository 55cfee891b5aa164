package vn.hanoi.cityops.notify;

import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.web.SchemaCheck.Problem;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactRulesTest {
  private static List<String> fields(List<Problem> problems) {
    return problems.stream().map(Problem::field).toList();
  }

  private static void valid(ChannelKind channel, String address) {
    assertEquals(List.of(), ContactRules.check(channel, address, null), channel + " " + address);
  }

  private static void invalid(ChannelKind channel, String address) {
    List<Problem> problems = ContactRules.check(channel, address, null);
    assertEquals(List.of("address"), fields(problems), channel + " " + address);
  }

  @Test
  void emailAddressesFollowTheHtmlFormRuleSoLocalhostPasses() {
    valid(ChannelKind.EMAIL, "truc-ban@hanoi.gov.vn");
    valid(ChannelKind.EMAIL, "sre@localhost");
    valid(ChannelKind.EMAIL, "nguyen.van.a+alerts@sotttt.hanoi.gov.vn");
    for (String bad : new String[]{"no-at-sign", "@hanoi.gov.vn", "a@", "a b@hanoi.gov.vn", "a@-hanoi.vn", "a@hanoi..vn",
        "x".repeat(250) + "@a.vn"}) {
      invalid(ChannelKind.EMAIL, bad);
    }
  }

  @Test
  void phoneNumbersAreE164() {
    valid(ChannelKind.SMS, "+84912345678");
    valid(ChannelKind.SMS, "+842438253536");
    for (String bad : new String[]{"0912345678", "84912345678", "+84 912 345 678", "+0912345678", "+8491", "+8491234567890123"}) {
      invalid(ChannelKind.SMS, bad);
    }
  }

  @Test
  void telegramChatsAreNumbersOrPublicChannelNames() {
    valid(ChannelKind.TELEGRAM, "123456789");
    valid(ChannelKind.TELEGRAM, "-1001234567890");
    valid(ChannelKind.TELEGRAM, "@hanoi_sre");
    for (String bad : new String[]{"abc", "0", "@ab", "12 34", "-", "@1abcde"}) {
      invalid(ChannelKind.TELEGRAM, bad);
    }
  }

  @Test
  void zaloUserIdsAreDigits() {
    valid(ChannelKind.ZALO, "8412345678901234567");
    invalid(ChannelKind.ZALO, "user-1");
  }

  @Test
  void everyChannelButWebPushNeedsAnAddressAndNoSubscription() {
    assertEquals(List.of("address"), fields(ContactRules.check(ChannelKind.SMS, null, null)));
    PushBrowser browser = new PushBrowser();
    assertEquals(List.of("subscription"), fields(ContactRules.check(ChannelKind.EMAIL, "a@b.vn",
        new ContactRules.Subscription("https://push.example/1", browser.p256dh(), browser.auth()))));
  }

  @Test
  void aBrowsersSubscriptionPasses() {
    PushBrowser browser = new PushBrowser();
    assertEquals(List.of(), ContactRules.check(ChannelKind.WEBPUSH, null,
        new ContactRules.Subscription("https://fcm.googleapis.com/fcm/send/abc:def", browser.p256dh(), browser.auth())));
  }

  @Test
  void webPushNeedsAnHttpsEndpointAKeyOnTheCurveAndASixteenByteSecret() {
    PushBrowser browser = new PushBrowser();
    assertEquals(List.of("subscription"), fields(ContactRules.check(ChannelKind.WEBPUSH, null, null)));
    assertEquals(List.of("address"), fields(ContactRules.check(ChannelKind.WEBPUSH, "https://push.example/1",
        new ContactRules.Subscription("https://push.example/1", browser.p256dh(), browser.auth()))));
    assertEquals(List.of("subscription.endpoint"), fields(ContactRules.check(ChannelKind.WEBPUSH, null,
        new ContactRules.Subscription("http://push.example/1", browser.p256dh(), browser.auth()))));
    assertEquals(List.of("subscription.endpoint"), fields(ContactRules.check(ChannelKind.WEBPUSH, null,
        new ContactRules.Subscription("not a url", browser.p256dh(), browser.auth()))));
    byte[] offCurve = PushBrowser.UNB64.decode(browser.p256dh());
    offCurve[64] ^= 1;
    byte[] compressedPrefix = PushBrowser.UNB64.decode(browser.p256dh());
    compressedPrefix[0] = 2;
    for (String badKey : new String[]{PushBrowser.B64.encodeToString(offCurve), PushBrowser.B64.encodeToString(compressedPrefix),
        "!!not-base64!!", PushBrowser.B64.encodeToString(new byte[33])}) {
      assertEquals(List.of("subscription.keys.p256dh"), fields(ContactRules.check(ChannelKind.WEBPUSH, null,
          new ContactRules.Subscription("https://push.example/1", badKey, browser.auth()))), badKey);
    }
    List<Problem> shortAuth = ContactRules.check(ChannelKind.WEBPUSH, null,
        new ContactRules.Subscription("https://push.example/1", browser.p256dh(), PushBrowser.B64.encodeToString(new byte[8])));
    assertEquals(List.of("subscription.keys.auth"), fields(shortAuth));
    assertTrue(shortAuth.get(0).reason().contains("16-byte"), shortAuth.toString());
  }

  @Test
  void paddedBase64urlIsReadAsBrowsersMaySendIt() {
    PushBrowser browser = new PushBrowser();
    assertEquals(List.of(), ContactRules.check(ChannelKind.WEBPUSH, null,
        new ContactRules.Subscription("https://push.example/1", browser.p256dh() + "=", browser.auth() + "==")));
  }
}
