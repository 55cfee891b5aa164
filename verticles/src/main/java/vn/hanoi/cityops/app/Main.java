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
    System.out.println(Banner.text(config, node.nodeId(), config.embeddedDatabase()
        ? "embedded PostgreSQL on port " + node.database().embeddedPort() + ", data in " + config.pgDataDir().toAbsolutePath()
        : "external PostgreSQL"));
  }
}
