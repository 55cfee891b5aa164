package vn.hanoi.cityops.store;

import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;

/** Schema changes go through Flyway only: {@code src/main/resources/db/migration}. Blocking. */
public final class Migrations {
  private Migrations() {
  }

  public static String jdbcUrl(PgConnectOptions options) {
    return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
  }

  public static int migrate(PgConnectOptions options) {
    return Flyway.configure()
        .dataSource(jdbcUrl(options), options.getUser(), options.getPassword())
        .locations("classpath:db/migration")
        .connectRetries(3)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
