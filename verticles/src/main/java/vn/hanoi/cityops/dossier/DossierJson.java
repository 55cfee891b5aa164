package vn.hanoi.cityops.dossier;

import io.vertx.core.json.JsonObject;

/**
 * The one JSON shape of dossier KPIs, {@code {received, inProgress, completedOnTime, completedLate, returned, backlog,
 * overdueNow, onTimeRate, onlineShare, avgProcessingHours}}: what the REST answers, the {@code kpi.*} topics and the
 * briefing panels all show.
 */
public final class DossierJson {
  private DossierJson() {
  }

  public static JsonObject kpis(DossierKpis k) {
    return new JsonObject()
        .put("received", k.received())
        .put("inProgress", k.inProgress())
        .put("completedOnTime", k.completedOnTime())
        .put("completedLate", k.completedLate())
        .put("returned", k.returned())
        .put("backlog", k.backlog())
        .put("overdueNow", k.overdueNow())
        .put("onTimeRate", k.onTimeRate())
        .put("onlineShare", k.onlineShare())
        .put("avgProcessingHours", k.avgProcessingHours());
  }
}
