package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.config.AppConfig;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that signs sign-in tokens: from configuration ({@code CITYOPS_AUTH_JWT_SECRET}); a
 * development cluster makes one on first start and keeps it in PostgreSQL, so every node shares it and
 * tokens survive restarts. Outside development mode a missing secret stops the node.
 */
final class SigningSecret {
  private SigningSecret() {
  }

  static Future<String> resolve(AppConfig config, Pool pool) {
    if (!config.jwtSecret().isBlank()) {
      return config.jwtSecret().length() < 32
          ? Future.failedFuture(new IllegalStateException("auth.jwtSecret (CITYOPS_AUTH_JWT_SECRET) must be at least 32 characters"))
          : Future.succeededFuture(config.jwtSecret());
    }
    if (!config.devMode()) {
      return Future.failedFuture(new IllegalStateException(
          "set CITYOPS_AUTH_JWT_SECRET (32+ random characters): outside development mode tokens need a configured signing secret"));
    }
    byte[] bytes = new byte[48];
    new SecureRandom().nextBytes(bytes);
    return pool.preparedQuery("INSERT INTO signing_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING")
        .execute(Tuple.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
        .compose(v -> pool.query("SELECT secret FROM signing_key WHERE id = 1").execute())
        .map(rows -> rows.iterator().next().getString(0));
  }
}
