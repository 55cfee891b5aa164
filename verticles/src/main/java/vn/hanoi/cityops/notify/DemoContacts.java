package vn.hanoi.cityops.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.People;
import vn.hanoi.cityops.auth.UserRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * On a development node, each demo user ({@link People#demoUsernames()}) who has no email contact point gets
 * {@code <username>@localhost}, so a local mail catcher shows what people would be sent. Idempotent, also when
 * two nodes start at once.
 */
final class DemoContacts {
  private static final Logger LOG = LoggerFactory.getLogger(DemoContacts.class);

  private DemoContacts() {
  }

  static Future<Void> seed(UserRepository users, ContactPoints points, AuditLog audit) {
    List<Future<?>> seeded = new ArrayList<>();
    for (String username : People.demoUsernames()) {
      seeded.add(users.findByUsername(username).compose(user -> user.isEmpty()
          ? Future.succeededFuture()
          : points.seedEmail(user.get().id(), username + "@localhost").compose(added -> added.isEmpty()
              ? Future.succeededFuture()
              : audit.record(new AuditLog.Entry("system", "system", "contact_point.create", username, "success", null,
                      new JsonObject().put("id", added.get().id()).put("channel", "email")
                          .put("address", added.get().maskedAddress()).put("reason", "bootstrap")))
                  .onSuccess(v -> LOG.info("contact_point=created username={} channel=email", username)))));
    }
    return Future.all(seeded).mapEmpty();
  }
}
