package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.config.AppConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The people a node starts with: the first admin (from {@code auth.adminPassword}) when no active admin exists,
 * and, on a development node, the demo users.
 */
public final class People {
  private static final Logger LOG = LoggerFactory.getLogger(People.class);

  /** Demo users of a development node: username, display name, agency, role. */
  private static final List<String[]> DEMO = List.of(
      new String[]{"admin", "Quản trị hệ thống", "STTTT", "admin"},
      new String[]{"operator", "Cán bộ trực Trung tâm điều hành", "VP-UBND", "operator"},
      new String[]{"leader", "Lãnh đạo UBND thành phố", "HN", "leader"},
      new String[]{"sre", "Kỹ sư vận hành hệ thống", "STTTT", "sre"},
      new String[]{"cg-officer", "Cán bộ UBND quận Cầu Giấy", "CG", "agency"});

  private People() {
  }

  /** The usernames of the demo users a development node starts with. */
  public static List<String> demoUsernames() {
    return DEMO.stream().map(p -> p[0]).toList();
  }

  /** The first admin, when configured and no active admin exists; then the demo users on a development node. */
  static Future<Void> seed(Vertx vertx, AppConfig config, UserRepository users, AuditLog audit) {
    Future<Void> admin = config.adminPassword().isBlank()
        ? Future.succeededFuture()
        : users.countActiveAdmins().compose(n -> n > 0 ? Future.succeededFuture() : create(vertx, users, audit,
            List.<String[]>of(new String[]{config.adminUsername(), "Quản trị hệ thống", "STTTT", "admin"}), config.adminPassword()));
    return admin.compose(v -> config.devMode() ? create(vertx, users, audit, DEMO, config.demoPassword()) : Future.succeededFuture());
  }

  private static Future<Void> create(Vertx vertx, UserRepository users, AuditLog audit, List<String[]> people, String password) {
    List<Future<?>> created = new ArrayList<>();
    for (String[] p : people) {
      created.add(users.findByUsername(p[0]).compose(existing -> existing.isPresent()
          ? Future.succeededFuture()
          : vertx.executeBlocking(() -> PasswordHasher.hash(password), false)
              .compose(hash -> users.create(p[0], new UserRepository.UserFields(p[1], p[2], "vi", Set.of(Role.of(p[3])), hash, true)))
              .compose(user -> user.isEmpty() ? Future.succeededFuture() : audit.record(new AuditLog.Entry(
                  "system", "system", "user.create", p[0], "success", null,
                  new io.vertx.core.json.JsonObject().put("roles", p[3]).put("reason", "bootstrap"))))
              .onSuccess(v -> LOG.info("user=created username={} role={}", p[0], p[3]))));
    }
    return Future.all(created).mapEmpty();
  }
}
