package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.store.SecretBox;
import vn.hanoi.cityops.web.Routes;

import java.util.List;

/**
 * People and access, the floor every capability stands on (so it does not plug in as a {@code Capability}: the
 * composition root mounts its routes itself). Needs the configuration, the pool and the reference data. Started
 * before the capabilities ({@link #start}): resolves the signing secret, starts the token service and the API-key cache, installs
 * the bootstrap key, seeds the first admin and the demo users. Offers sign-in, users, API keys, wall displays and
 * the audit log over HTTP, and to the other capabilities the {@link Guard} (sign-in and the access decision), the
 * {@link AuditLog} and the {@link ApiKeyRegistry} ingestion authenticates with.
 */
public final class AuthModule {
  private final Vertx vertx;
  private final AppConfig config;
  private final ReferenceData reference;
  private final Guard guard;
  private final UserRepository users;
  private final ApiKeyRepository keys;
  private final ApiKeyRegistry registry;
  private final AuditLog audit;
  private final TotpRepository totp;

  private AuthModule(Vertx vertx, AppConfig config, Pool pool, ReferenceData reference, UserRepository users,
                     Guard guard) {
    this.vertx = vertx;
    this.config = config;
    this.reference = reference;
    this.guard = guard;
    this.users = users;
    this.keys = new ApiKeyRepository(pool);
    this.registry = new ApiKeyRegistry(keys);
    this.audit = new AuditLog(pool);
    this.totp = new TotpRepository(pool, SecretBox.of(config));
  }

  public static Future<AuthModule> start(Vertx vertx, AppConfig config, Pool pool, ReferenceData reference) {
    UserRepository users = new UserRepository(pool);
    return SigningSecret.resolve(config, pool).compose(secret -> {
      TokenService tokens = new TokenService(vertx, secret, users, config.tokenTtlSeconds());
      return tokens.start(vertx, config.apiKeyRefreshMs())
          .map(v -> new AuthModule(vertx, config, pool, reference, users,
              new Guard(tokens, new AccessControl(reference::districtOf))));
    }).compose(auth -> auth.totp.checkKey()
        .compose(v -> auth.installBootstrapKey())
        .compose(v -> People.seed(vertx, config, users, auth.audit))
        .compose(v -> auth.registry.start(vertx, config.apiKeyRefreshMs()))
        .map(auth));
  }

  /** Its HTTP routes (the composition root mounts them with every capability's). */
  public List<Routes> routes() {
    return List.of(
        router -> new LoginRoutes(vertx, config, users, totp, audit, guard).mount(router),
        router -> new TotpRoutes(totp, users, audit, guard).mount(router),
        router -> new ApiKeyRoutes(vertx, registry, keys, reference, audit, guard).mount(router),
        router -> new UserRoutes(vertx, users, reference, audit, guard).mount(router),
        router -> new DisplayRoutes(vertx, users, audit, guard, config.notifications().publicUrl()).mount(router),
        router -> new AuditRoutes(audit, guard).mount(router),
        router -> new AuditExportRoutes(audit, guard).mount(router));
  }

  /** Sign-in and the access decision, for every route and topic. */
  public Guard guard() {
    return guard;
  }

  public AuditLog audit() {
    return audit;
  }

  /** The node's cache of ingestion keys. */
  public ApiKeyRegistry apiKeys() {
    return registry;
  }

  /**
   * A fresh key for a sender inside the node (the simulator), under its own name and source, valid at once on this
   * node; answers the secret.
   */
  public Future<String> issueNodeKey(String name) {
    String secret = KeySecrets.generate();
    return keys.upsertNodeKey(name, name, KeySecrets.hash(secret), KeySecrets.displayPrefix(secret))
        .compose(k -> registry.refresh())
        .map(secret);
  }

  private Future<Void> installBootstrapKey() {
    String key = config.bootstrapApiKey();
    if (key.isBlank()) {
      return Future.succeededFuture();
    }
    return keys.upsertNodeKey("bootstrap", "bootstrap", KeySecrets.hash(key), KeySecrets.displayPrefix(key)).mapEmpty();
  }
}
