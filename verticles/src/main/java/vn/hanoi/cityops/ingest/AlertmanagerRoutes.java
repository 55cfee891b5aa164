package vn.hanoi.cityops.ingest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.auth.ApiKeyRegistry;
import vn.hanoi.cityops.failure.Failure;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.SchemaCheck;

/**
 * {@code POST /api/v1/integrations/alertmanager}: an Alertmanager's {@code webhook_configs} deliver here with an
 * API key as bearer token. The alerts become {@code system.health} events ({@link AlertmanagerAlerts}) and take the
 * ingest path of {@code /api/v1/events} ({@link IngestRoutes#accept}): the same validation, reference and grant
 * checks (422 naming the alert's index for an unknown system, 403 for one the key is not granted), rate limit and
 * idempotent store. Answers {@code 202 {"accepted", "duplicates", "skipped": [{"index", "alertname", "reason"}]}}.
 */
final class AlertmanagerRoutes {
  static final String PATH = "/api/v1/integrations/alertmanager";

  private final IngestRoutes intake;
  private final ApiKeyRegistry keys;
  private final AlertmanagerAlerts alerts;
  private final int maxAlerts;
  private final SchemaCheck schema = SchemaCheck.of("alertmanager-webhook.schema.json");

  AlertmanagerRoutes(IngestRoutes intake, ApiKeyRegistry keys, AlertmanagerAlerts alerts, int maxAlerts) {
    this.intake = intake;
    this.keys = keys;
    this.alerts = alerts;
    this.maxAlerts = maxAlerts;
  }

  void mount(Router router) {
    ApiDoc.on(router.post(PATH), "Receive an Alertmanager webhook (version 4): each alert becomes a system.health event "
            + "of the city system its labels name; redeliveries are duplicates")
        .body(schema).accepted().errors(413, 422, 429).apiKey().handler(this::receive);
  }

  private void receive(RoutingContext ctx) {
    long start = System.nanoTime();
    JsonObject extra = new JsonObject();
    intake.answer(ctx, start, keys.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))
        .compose(key -> {
          JsonObject webhook = JsonBodies.object(ctx, schema);
          int count = webhook.getJsonArray("alerts").size();
          if (count > maxAlerts) {
            throw new Failure(Failure.Kind.TOO_LARGE, "batch_too_large",
                "a notification holds at most " + maxAlerts + " alerts; this one holds " + count);
          }
          AlertmanagerAlerts.Translation translation = alerts.translate(webhook);
          extra.put("skipped", translation.skipped());
          return intake.accept(key, translation.events(), translation.indexes());
        }), extra);
  }
}
