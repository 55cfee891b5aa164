package vn.hanoi.cityops.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Browser;
import vn.hanoi.cityops.support.NodeTest;
import vn.hanoi.cityops.support.UiMessages;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code api.html} renders every operation of the node's OpenAPI document with Swagger UI, from the WebJar. */
@NodeTest
class ApiReferencePageIT {
  @Test
  void theReferencePageListsEveryOperationWithoutConsoleErrors(Node node, Api api) {
    JsonObject paths = api.get(OpenApiDocument.PATH).bodyAsJsonObject().getJsonObject("paths");
    long operations = paths.fieldNames().stream().mapToLong(p -> paths.getJsonObject(p).fieldNames().size()).sum();
    try (Browser browser = new Browser(1366, 768, Browser.newProfile())) {
      browser.open("http://127.0.0.1:" + node.config().httpPort() + "/api.html");
      browser.await(Duration.ofSeconds(20), "every operation listed",
          d -> browser.all(".opblock").size() == operations ? true : null);
      List<String> listed = browser.all(".opblock-summary-path").stream().map(e -> e.getAttribute("data-path")).toList();
      assertTrue(listed.contains("/api/v1/admin/api-keys") && listed.contains("/api/v1/meetings/{id}/invite.ics"), listed.toString());
      assertTrue(browser.text(".info .title").contains("cityops"), browser.text(".info .title"));
      browser.screenshot("api-reference");
      assertEquals(List.of(), browser.consoleErrors(), "no console errors");
    }
  }

  @Test
  void thePagesOwnWordsAreVietnameseByDefaultAndEnglishAfterTheSwitch(Node node) {
    try (Browser browser = new Browser(390, 844, Browser.newProfile())) {
      browser.open("http://127.0.0.1:" + node.config().httpPort() + "/api.html");
      browser.await(Duration.ofSeconds(20), "the operations listed", d -> browser.all(".opblock").isEmpty() ? null : true);
      assertEquals(UiMessages.vi("apiref.title"), browser.text("h1.api-title"));
      assertEquals(UiMessages.vi("apiref.english"), browser.text("#api-status"));
      assertEquals("vi", browser.attr("html", "lang"));
      browser.one("#lang").click();
      browser.await(Duration.ofSeconds(10), "the heading in English",
          d -> UiMessages.en("apiref.title").equals(browser.text("h1.api-title")) ? true : null);
      assertEquals(UiMessages.en("apiref.intro"), browser.text(".api-top p"));
      assertEquals(UiMessages.en("apiref.pageTitle"), browser.driver().getTitle());
      assertEquals(List.of(), browser.consoleErrors(), "no console errors");
    }
  }
}
