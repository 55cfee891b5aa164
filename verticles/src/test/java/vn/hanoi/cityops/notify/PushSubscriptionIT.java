package vn.hanoi.cityops.notify;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.TestNodes;
import vn.hanoi.cityops.support.UiMessages;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Web Push for the SRE console in headless Chromium against a real node: the manifest makes the console an
 * installable app and Chromium parses it without a complaint; the service worker registers for the whole site; a
 * push carrying exactly what {@link WebPushChannel} sends (delivered through DevTools, as a push service would) is
 * shown with its title, text, tag and acknowledge action, and a later one with the same tag replaces it. Subscribing
 * this device: a denied permission and an unreachable push service (this machine has none: Chromium's push service
 * is Google's, and the network is closed) are each said in words and save nothing; with the browser's push
 * service played by the test, the subscription becomes the person's webpush contact point and unsubscribing
 * removes it.
 */
@NodeTest
class PushSubscriptionIT {
  private static final Duration LOAD = Duration.ofSeconds(20);
  private static final String ME = "/api/v1/me/contact-points";

  private static Api api;
  private static String base;

  @BeforeAll
  static void start(Node node, Api client) {
    api = client;
    base = "http://127.0.0.1:" + node.config().httpPort();
  }

  @Test
  void theManifestMakesTheConsoleAnInstallableAppAndTheServiceWorkerCoversTheSite() {
    HttpResponse<Buffer> m = api.get("/manifest.webmanifest");
    assertEquals(200, m.statusCode());
    assertEquals("application/manifest+json", m.getHeader("Content-Type"));
    JsonObject manifest = m.bodyAsJsonObject();
    assertEquals("cityops SRE", manifest.getString("name"));
    assertEquals("vi", manifest.getString("lang"));
    assertEquals("/sre.html", manifest.getString("start_url"));
    assertEquals("/", manifest.getString("scope"));
    assertEquals("standalone", manifest.getString("display"));
    JsonArray icons = manifest.getJsonArray("icons");
    assertTrue(icons.stream().map(JsonObject.class::cast).anyMatch(i -> "maskable".equals(i.getString("purpose"))), "a maskable icon");
    for (JsonObject icon : icons.stream().map(JsonObject.class::cast).toList()) {
      HttpResponse<Buffer> file = api.get(icon.getString("src"));
      assertEquals(200, file.statusCode(), icon.encode());
      assertEquals(icon.getString("type"), file.getHeader("Content-Type"), icon.encode());
      if ("image/png".equals(icon.getString("type"))) {
        ByteBuffer header = ByteBuffer.wrap(file.body().getBytes(16, 24)); // the PNG's IHDR width and height
        assertEquals(icon.getString("sizes"), header.getInt() + "x" + header.getInt(), icon.encode());
      }
    }
    HttpResponse<Buffer> worker = api.get("/sw.js");
    assertEquals(200, worker.statusCode());
    assertTrue(worker.getHeader("Content-Type").startsWith("text/javascript"), worker.getHeader("Content-Type"));

    try (Browser b = console(1366, 768)) {
      assertEquals(base + "/ " + base + "/sw.js",
          b.script("return navigator.serviceWorker.ready.then(r => r.scope + ' ' + r.active.scriptURL)"));
      Map<String, Object> parsed = b.cdp("Page.getAppManifest", Map.of());
      assertEquals(base + "/manifest.webmanifest", parsed.get("url"));
      assertEquals(List.of(), parsed.get("errors"), "Chromium's own manifest parser has no complaint");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void aPushAsTheNodeSendsItIsShownWithItsActionsAndTheSameTagReplacesIt() {
    try (Browser b = console(1366, 768)) {
      b.cdp("Browser.grantPermissions", Map.of("permissions", List.of("notifications"), "origin", base));
      b.script("return navigator.serviceWorker.ready.then(() => true)");
      String registration = b.serviceWorkerRegistration(base + "/", LOAD);
      b.cdp("ServiceWorker.enable", Map.of()); // deliverPushMessage wants the domain on ChromeDriver's session too

      b.script("window.shownByWorker = []; navigator.serviceWorker.addEventListener('message', "
          + "e => { if (e.data.type === 'push-shown') window.shownByWorker.push(e.data.title); });");
      String ack = base + "/ack.html?t=" + UUID.randomUUID();

      push(b, registration, "[Nghiêm trọng] Mạng WAN thành phố ngừng hoạt động", "cityops-group-WAN", ack);
      List<Map<String, Object>> shown = awaitNotifications(b, 1, "[Nghiêm trọng] Mạng WAN thành phố ngừng hoạt động");
      Map<String, Object> n = shown.get(0);
      assertEquals("cityops-group-WAN", n.get("tag"));
      assertEquals("Mạng WAN không phản hồi từ 10:42; 14 hệ thống phụ thuộc bị ảnh hưởng.", n.get("body"));
      assertEquals("vi", n.get("lang"));
      assertEquals(true, n.get("requireInteraction"), "a high-urgency page stays until it is handled");
      assertEquals(List.of("Xác nhận đã nhận xử lý"), n.get("actions"));
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) n.get("data");
      assertEquals(base + "/sre.html?alert=42", data.get("url"), "a click opens the alert in the console");
      assertTrue(String.valueOf(data.get("actions")).contains(ack), "acknowledge opens the ack page");

      push(b, registration, "[Nghiêm trọng] Mạng WAN thành phố vẫn ngừng hoạt động", "cityops-group-WAN", ack);
      awaitNotifications(b, 1, "[Nghiêm trọng] Mạng WAN thành phố vẫn ngừng hoạt động");
      push(b, registration, "[Cảnh báo] Cổng dịch vụ công chậm", "cityops-group-DVC-PORTAL", ack);
      awaitNotifications(b, 2, "[Cảnh báo] Cổng dịch vụ công chậm");
      assertEquals(List.of("[Nghiêm trọng] Mạng WAN thành phố ngừng hoạt động", "[Nghiêm trọng] Mạng WAN thành phố vẫn ngừng hoạt động",
          "[Cảnh báo] Cổng dịch vụ công chậm"), b.script("return window.shownByWorker"), "the worker told the page of each");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void subscribingThisDeviceSaysSoWhenNoPushServiceCanBeReached() {
    try (Browser b = console(390, 844)) {
      b.cdp("Browser.grantPermissions", Map.of("permissions", List.of("notifications"), "origin", base));
      b.one("#device-push button[data-action='push-subscribe']").click();
      b.await(Duration.ofSeconds(30), "the page says the push service cannot be reached",
          d -> "noService".equals(b.attr("#device-push", "data-state")));
      assertEquals(UiMessages.vi("push.state.noService"), b.text("#device-push .push-status"));
      assertEquals(List.of(), webpushPoints(api.token("sre")), "nothing saved");
      b.screenshot("sre-console-push-unreachable-390x844.png");
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  @Test
  void subscribingThisDeviceSaysSoWhenNotificationsAreBlocked() {
    try (Browser b = console(1366, 768)) {
      b.cdp("Browser.setPermission", Map.of("permission", Map.of("name", "notifications"), "setting", "denied", "origin", base));
      b.one("#device-push button[data-action='push-subscribe']").click();
      b.await(LOAD, "the page says notifications are blocked", d -> "denied".equals(b.attr("#device-push", "data-state")));
      assertEquals(UiMessages.vi("push.state.denied"), b.text("#device-push .push-status"));
      assertEquals(List.of(), webpushPoints(api.token("sre")), "nothing saved");
    }
  }

  /**
   * The browser's push service played by the test (headless Chromium has none here): PushManager answers a
   * subscription with a real P-256 key and auth secret, so the node checks it as it would a real one.
   */
  @Test
  void aSubscriptionBecomesTheDevicesWebpushContactPointAndUnsubscribingRemovesIt() {
    PushBrowser device = new PushBrowser();
    JsonObject subscription = device.subscription("https://push.example.invalid/cityops/" + UUID.randomUUID());
    try (Browser b = new Browser(1366, 768, Browser.newProfile())) {
      b.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", fakePushService(subscription)));
      b.cdp("Browser.grantPermissions", Map.of("permissions", List.of("notifications"), "origin", base));
      b.signIn(base + "/profile.html", "operator", TestNodes.DEMO_PASSWORD);
      b.await(LOAD, "this device not yet subscribed", d -> "off".equals(b.attr("#device-push", "data-state")));
      b.one("#device-push button[data-action='push-subscribe']").click();
      b.await(LOAD, "this device subscribed", d -> "on".equals(b.attr("#device-push", "data-state")));
      String token = api.token("operator");
      List<JsonObject> saved = webpushPoints(token);
      assertEquals(1, saved.size());
      assertEquals(subscription.getString("endpoint"), saved.get(0).getString("address"));
      b.await(LOAD, "the list names this device",
          d -> String.valueOf(b.text("#points li[data-channel='webpush'] .address")).equals(
              UiMessages.vi("cp.webpushThisDevice", "push.example.invalid")));

      b.one("#device-push button[data-action='push-unsubscribe']").click();
      b.await(LOAD, "this device unsubscribed", d -> "off".equals(b.attr("#device-push", "data-state")));
      assertEquals(List.of(), webpushPoints(token));
      b.await(LOAD, "the device gone from the list", d -> b.all("#points li[data-channel='webpush']").isEmpty());
      assertEquals(List.of(), b.consoleErrors());
    }
  }

  private static Browser console(int width, int height) {
    Browser b = new Browser(width, height, Browser.newProfile());
    b.signIn(base + "/sre.html", "sre", TestNodes.DEMO_PASSWORD);
    b.await(LOAD, "the console with this device's push state", d -> "off".equals(b.attr("#device-push", "data-state")));
    return b;
  }

  /** A push with what {@link WebPushChannel#payload} makes of a page, delivered to the worker as a push service would. */
  private static void push(Browser b, String registration, String subject, String tag, String ack) {
    Letter letter = new Letter("vi", subject, "Mạng WAN không phản hồi từ 10:42; 14 hệ thống phụ thuộc bị ảnh hưởng.", null,
        base + "/sre.html?alert=42", List.of(new Letter.Button("Xác nhận đã nhận xử lý", ack)), Message.Urgency.HIGH, tag, List.of());
    b.cdp("ServiceWorker.deliverPushMessage", Map.of("origin", base, "registrationId", registration,
        "data", new String(WebPushChannel.payload(letter), StandardCharsets.UTF_8)));
  }

  /**
   * Waits for the worker to say it showed {@code newest}, then reads what the browser shows. Not polled while a
   * push is being shown: Chromium's getNotifications drops from its records a notification it has stored but not
   * yet displayed, so a page asking at that moment loses it (no page of ours asks; a test that polls would).
   */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> awaitNotifications(Browser b, int count, String newest) {
    b.await(LOAD, "the worker showing '" + newest + "'",
        d -> ((List<String>) b.script("return window.shownByWorker")).contains(newest));
    List<Map<String, Object>> shown = (List<Map<String, Object>>) b.script("""
        return navigator.serviceWorker.ready.then(r => r.getNotifications()).then(all => all.map(n => ({
          title: n.title, body: n.body, tag: n.tag, lang: n.lang, requireInteraction: n.requireInteraction,
          actions: n.actions.map(a => a.title), data: n.data})));""");
    assertEquals(count, shown.size(), "notifications shown: " + shown);
    assertTrue(shown.stream().anyMatch(n -> newest.equals(n.get("title"))), "'" + newest + "' among " + shown);
    return shown;
  }

  private static String fakePushService(JsonObject subscription) {
    return """
        (() => {
          const json = %s;
          const make = options => ({endpoint: json.endpoint, expirationTime: null, options,
            toJSON: () => json,
            unsubscribe: async () => { localStorage.removeItem('test.push'); return true; }});
          PushManager.prototype.subscribe = async function (options) {
            localStorage.setItem('test.push', '1');
            return make(options);
          };
          PushManager.prototype.getSubscription = async function () {
            return localStorage.getItem('test.push') ? make({userVisibleOnly: true, applicationServerKey: null}) : null;
          };
        })();""".formatted(subscription.encode());
  }

  private static List<JsonObject> webpushPoints(String token) {
    return api.send(HttpMethod.GET, ME, token, null).bodyAsJsonObject().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(p -> "webpush".equals(p.getString("channel"))).toList();
  }
}
