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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The node's PostgreSQL: its own embedded server when no URL is configured, the configured one otherwise.
 * Flyway migrations run before the pool opens, so every query sees the current schema.
 */
public final class Database {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** Queries that may wait for a connection of the node's pool before one is refused. */
  private static final int MAX_WAITING = 10_000;

  private final Vertx vertx;
  private final Pool pool;
  private final EmbeddedPostgresServer embedded;
  private final PgConnectOptions connectOptions;
  private final int timeoutMs;
  private final List<Pool> dedicated = new CopyOnWriteArrayList<>();

  private Database(Vertx vertx, Pool pool, EmbeddedPostgresServer embedded, PgConnectOptions connectOptions, int timeoutMs) {
    this.vertx = vertx;
    this.pool = pool;
    this.embedded = embedded;
    this.connectOptions = connectOptions;
    this.timeoutMs = timeoutMs;
  }

  public static Future<Database> start(Vertx vertx, AppConfig config) {
    return vertx.<Started>executeBlocking(() -> startBlocking(config))
        .map(started -> new Database(vertx,
            newPool(vertx, started.options, config.pgPoolSize(), config.pgTimeoutMs(), MAX_WAITING),
            started.embedded, started.options, config.pgTimeoutMs()));
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

  /** {@code maxWaiting}: requests that may queue for a connection (-1: no limit). */
  private static Pool newPool(Vertx vertx, PgConnectOptions connect, int size, int timeoutMs, int maxWaiting) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size).setMaxWaitQueueSize(maxWaiting)
            .setConnectionTimeout(timeoutMs).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(new NetClientOptions().setConnectTimeout(timeoutMs))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  public Pool pool() {
    return pool;
  }

  public PgConnectOptions connectOptions() {
    return connectOptions;
  }

  /**
   * A small pool of its own, for a reader whose queries must not wait behind the node's busy event loops (the event
   * feed): a pool makes each connection on the event loop that first uses it, so a pool one verticle alone uses gets
   * its connections on that verticle's loop. Closed with the database.
   */
  public Pool dedicatedPool(int size) {
    Pool own = newPool(vertx, connectOptions, size, timeoutMs, -1);
    dedicated.add(own);
    return own;
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
    return Future.join(dedicated.stream().map(Pool::close).toList()).<Void>mapEmpty()
        .eventually(pool::close)
        .eventually(this::stopEmbeddedServer);
  }
}
