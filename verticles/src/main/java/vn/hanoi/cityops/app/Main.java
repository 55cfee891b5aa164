package vn.hanoi.cityops.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.config.AppConfig;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Starts one node with the configuration from {@code cityops.json} and the {@code CITYOPS_*} environment. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    AppConfig config;
    try {
      config = AppConfig.load(System.getenv());
    } catch (RuntimeException e) {
      System.err.println("cityops: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    LOG.info("config={}", config.describe().encode());
    Node.start(config)
        .onSuccess(node -> {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node), "cityops-shutdown"));
          banner(config, node);
        })
        .onFailure(failure -> {
          LOG.error("node=failed_to_start reason={}", failure.getMessage(), failure);
          System.exit(1);
        });
  }

  private static void stop(Node node) {
    CountDownLatch done = new CountDownLatch(1);
    node.close().onComplete(ar -> done.countDown());
    try {
      done.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void banner(AppConfig config, Node node) {
    String url = "http://localhost:" + config.httpPort();
    StringBuilder b = new StringBuilder("\n")
        .append("  cityops node ").append(node.nodeId()).append(" is up\n")
        .append("  wall display   ").append(url).append("/\n")
        .append("  readiness      ").append(url).append("/ready\n")
        .append("  metrics        ").append(url).append("/metrics\n")
        .append("  database       ").append(config.embeddedDatabase()
            ? "embedded PostgreSQL on port " + node.database().embeddedPort() + ", data in " + config.pgDataDir().toAbsolutePath()
            : "external PostgreSQL").append('\n')
        .append("  simulator      ").append(config.simulator() ? "on, " + config.simulatorRate() + " events/s" : "off").append('\n');
    if (config.devMode() && !config.bootstrapApiKey().isBlank()) {
      b.append("  bootstrap key  ").append(config.bootstrapApiKey()).append("   (development mode; set CITYOPS_BOOTSTRAP_API_KEY in production)\n")
          .append("  try it:        curl -i -X POST ").append(url).append("/api/v1/events -H 'Authorization: Bearer ")
          .append(config.bootstrapApiKey()).append("' -H 'Content-Type: application/json' \\\n")
          .append("                   -d '{\"id\":\"demo-1\",\"type\":\"system.health\",\"occurredAt\":\"2026-11-23T08:00:00+07:00\",\"system\":\"MOTCUA\",\"status\":\"up\"}'\n");
    }
    if (config.devMode()) {
      b.append("  demo users     admin, operator, leader, sre, cg-officer (agency officer of Cầu Giấy), password '")
          .append(config.demoPassword()).append("' (CITYOPS_DEMO_PASSWORD)\n")
          .append("  sign in:       curl -X POST ").append(url).append("/api/v1/auth/login -H 'Content-Type: application/json' \\\n")
          .append("                   -d '{\"username\":\"operator\",\"password\":\"").append(config.demoPassword()).append("\"}'\n");
    }
    System.out.println(b);
  }
}
