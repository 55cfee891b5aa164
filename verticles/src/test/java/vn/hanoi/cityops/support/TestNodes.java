package vn.hanoi.cityops.support;

import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.store.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real nodes for integration tests: one real PostgreSQL server per test JVM, a fresh database per node
 * (reached as an external database through {@code pg.url}), free ports, simulator and clustering off
 * unless a test turns them on.
 */
public final class TestNodes {
  public static final String DEV_KEY = "cityops-dev-key";
  public static final String DEMO_PASSWORD = "cityops-demo";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgresServer shared;

  private TestNodes() {
  }

  public static synchronized int sharedPostgresPort() {
    if (shared == null) {
      try {
        shared = EmbeddedPostgresServer.start(Path.of("target/test-pg/shared-" + ProcessHandle.current().pid()), freePort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          shared.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
    return shared.port();
  }

  /** A new empty database on the shared server, as a {@code pg.url}. */
  public static String freshDatabaseUrl() {
    int port = sharedPostgresPort();
    String name = "cityops_test_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "postgresql://postgres@localhost:" + port + "/" + name;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Test defaults with {@code overrides} on top; a fresh database unless {@code pg.url} or {@code pg.dataDir} is given. */
  public static AppConfig config(Map<String, ?> overrides) {
    Map<String, Object> values = new HashMap<>();
    values.put("http.port", freePort());
    values.put("http.host", "127.0.0.1");
    values.put("cluster", "off");
    values.put("simulator", "off");
    values.put("dev.mode", "on");
    values.put("apiKeys.refreshMs", 500);
    // Tests post events stamped hours ago; only the silence tests want the watchdog to notice.
    values.put("health.silenceFactor", 100_000_000);
    values.putAll(overrides);
    if (!values.containsKey("pg.url") && !values.containsKey("pg.dataDir")) {
      values.put("pg.url", freshDatabaseUrl());
    }
    return AppConfig.of(values);
  }

  public static Node start(Map<String, ?> overrides) {
    return start(config(overrides));
  }

  public static Node start(AppConfig config) {
    try {
      return Node.start(config).await(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("node did not start in time", e);
    }
  }

  /** The configurations of two members of a cluster of their own (free ports), sharing one fresh database. */
  public static AppConfig[] pairConfigs(Map<String, ?> overrides) {
    return clusterConfigs(2, overrides);
  }

  /** The configurations of {@code size} members of a cluster of their own (free ports), sharing one fresh database. */
  public static AppConfig[] clusterConfigs(int size, Map<String, ?> overrides) {
    String cluster = "cityops-test-" + java.util.UUID.randomUUID();
    int[] ports = new int[size];
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < size; i++) {
      ports[i] = freePort();
      members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(ports[i]);
    }
    String db = freshDatabaseUrl();
    Map<String, Object> common = new HashMap<>(overrides);
    common.putAll(Map.of("cluster", "on", "cluster.name", cluster, "cluster.members", members.toString(), "pg.url", db));
    AppConfig[] configs = new AppConfig[size];
    for (int i = 0; i < size; i++) {
      Map<String, Object> member = new HashMap<>(common);
      member.put("cluster.port", ports[i]);
      configs[i] = config(member);
    }
    return configs;
  }

  /** {@code key=value} overrides (as {@link NodeTest#config()} takes them) as a map; values stay text, as from the environment. */
  public static Map<String, Object> overrides(String... keyValues) {
    Map<String, Object> values = new HashMap<>();
    for (String kv : keyValues) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a node configuration override is key=value, got '" + kv + "'");
      }
      values.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }
    return values;
  }

  public static void stop(Node node) {
    if (node != null) {
      try {
        node.close().await(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("node did not stop in time", e);
      }
    }
  }
}
