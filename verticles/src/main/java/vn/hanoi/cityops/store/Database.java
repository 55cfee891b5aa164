package vn.hanoi.cityops.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.config.AppConfig;

import java.util.concurrent.TimeUnit;

/**
 * The node's PostgreSQL: its own embedded server when no URL is configured, the configured one otherwise.
 * Flyway migrations run before the pool opens, so every query sees the current schema.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final Vertx vertx;
  private final Pool pool;
  private final EmbeddedPostgresServer embedded;
  private final PgConnectOptions connectOptions;

  private Database(Vertx vertx, Pool pool, EmbeddedPostgresServer embedded, PgConnectOptions connectOptions) {
    this.vertx = vertx;
    this.pool = pool;
    this.embedded = embedded;
    this.connectOptions = connectOptions;
  }

  public static Future<Database> start(Vertx vertx, AppConfig config) {
    return vertx.<Started>executeBlocking(() -> startBlocking(config))
        .map(started -> {
          Pool pool = PgBuilder.pool()
              .with(new PoolOptions()
                  .setMaxSize(config.pgPoolSize())
                  .setConnectionTimeout(config.pgTimeoutMs())
                  .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                  .setMaxWaitQueueSize(10_000))
              .with(new NetClientOptions().setConnectTimeout(config.pgTimeoutMs()))
              .connectingTo(started.options)
              .using(vertx)
              .build();
          return new Database(vertx, pool, started.embedded, started.options);
        });
  }

  private record Started(EmbeddedPostgresServer embedded, PgConnectOptions options) {
  }

  private static Started startBlocking(AppConfig config) throws Exception {
    EmbeddedPostgresServer embedded = null;
    PgConnectOptions options;
    if (config.embeddedDatabase()) {
      embedded = EmbeddedPostgresServer.start(config.pgDataDir(), config.pgEmbeddedPort());
      options = new PgConnectOptions().setHost("localhost").setPort(embedded.port())
          .setUser("postgres").setPassword("").setDatabase("postgres");
    } else {
      options = PgConnectOptions.fromUri(config.pgUrl());
    }
    options.setReconnectAttempts(0)
        .setCachePreparedStatements(true)
        .addProperty("application_name", "cityops")
        .addProperty("statement_timeout", String.valueOf(config.pgTimeoutMs() * 2));
    try {
      Migrations.migrate(options);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
    LOG.info("database=ready host={} port={} database={} embedded={}", options.getHost(), options.getPort(),
        options.getDatabase(), embedded != null);
    return new Started(embedded, options);
  }

  public Pool pool() {
    return pool;
  }

  public PgConnectOptions connectOptions() {
    return connectOptions;
  }

  /** Port of the embedded server, or -1 when the database is external. */
  public int embeddedPort() {
    return embedded == null ? -1 : embedded.port();
  }

  /** Stops the embedded server while the node keeps running: how tests see the node lose its database. */
  public Future<Void> stopEmbeddedServer() {
    return vertx.executeBlocking(() -> {
      if (embedded != null) {
        embedded.close();
      }
      return null;
    });
  }

  public Future<Void> close() {
    return pool.close().eventually(this::stopEmbeddedServer);
  }
}
