package vn.hanoi.cityops.app;

import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.config.ConfigKeys;

/**
 * What a node prints once it is up: where its pages, readiness and metrics are, its database and simulator, and on
 * a development node how to try it. A secret the operator gave (the bootstrap API key, the demo password) is never
 * printed; only the well-known development defaults are, marked as such. Pure.
 */
final class Banner {
  private Banner() {
  }

  static String text(AppConfig config, String nodeId, String database) {
    String url = "http://localhost:" + config.httpPort();
    StringBuilder b = new StringBuilder("\n")
        .append("  cityops node ").append(nodeId).append(" is up\n")
        .append("  wall display   ").append(url).append("/\n")
        .append("  readiness      ").append(url).append("/ready\n")
        .append("  metrics        ").append(url).append("/metrics\n")
        .append("  database       ").append(database).append('\n')
        .append("  simulator      ").append(config.simulator() ? "on, " + config.simulatorRate() + " events/s" : "off").append('\n');
    if (!config.devMode()) {
      return b.toString();
    }
    String key = config.isDefault(ConfigKeys.BOOTSTRAP_API_KEY) ? config.bootstrapApiKey() : null;
    if (key != null) {
      b.append("  bootstrap key  ").append(key).append("   (the development default; set CITYOPS_BOOTSTRAP_API_KEY in production)\n")
          .append("  try it:        curl -i -X POST ").append(url).append("/api/v1/events -H 'Authorization: Bearer ")
          .append(key).append("' -H 'Content-Type: application/json' \\\n")
          .append("                   -d '{\"id\":\"demo-1\",\"type\":\"system.health\",\"occurredAt\":\"2026-11-23T08:00:00+07:00\",\"system\":\"MOTCUA\",\"status\":\"up\"}'\n");
    } else if (!config.bootstrapApiKey().isBlank()) {
      b.append("  bootstrap key  as set in CITYOPS_BOOTSTRAP_API_KEY (not printed)\n");
    }
    String password = config.isDefault(ConfigKeys.AUTH_DEMO_PASSWORD) ? "'" + config.demoPassword() + "' (the development default)"
        : "as set in CITYOPS_DEMO_PASSWORD (not printed)";
    b.append("  demo users     admin, operator, leader, sre, cg-officer (agency officer of Cầu Giấy), password ")
        .append(password).append('\n');
    if (config.isDefault(ConfigKeys.AUTH_DEMO_PASSWORD)) {
      b.append("  sign in:       curl -X POST ").append(url).append("/api/v1/auth/login -H 'Content-Type: application/json' \\\n")
          .append("                   -d '{\"username\":\"operator\",\"password\":\"").append(config.demoPassword()).append("\"}'\n");
    }
    return b.toString();
  }
}
