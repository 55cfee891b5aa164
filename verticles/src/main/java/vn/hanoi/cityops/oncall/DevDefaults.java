package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.store.Sql;

/**
 * On a development node with no on-call setup yet (no team, no policy): the team {@code sre-dc} "SRE Trung tâm dữ
 * liệu" owning every system, led by the demo {@code sre}, who is its primary rotation alone; its policy pages the
 * primary at once and the lead after 5 minutes, and reminds whoever acknowledged after 30. With notify's demo
 * contact point {@code sre@localhost} and {@code notify.smtp.host} set, an outage pages by mail out of the box. One
 * statement under an advisory lock, so nodes starting together install it once. Off a development node: nothing.
 */
final class DevDefaults {
  private static final Logger LOG = LoggerFactory.getLogger(DevDefaults.class);
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('cityops.oncall.dev-defaults'))";
  private static final String INSTALL = Sql.load("oncall/dev-defaults.sql");

  private final Pool pool;
  private final boolean devMode;

  DevDefaults(Pool pool, boolean devMode) {
    this.pool = pool;
    this.devMode = devMode;
  }

  Future<Void> install() {
    if (!devMode) {
      return Future.succeededFuture();
    }
    return pool.withTransaction(c -> c.query(LOCK).execute().compose(v -> c.query(INSTALL).execute()))
        .map(rows -> {
          if (rows.iterator().next().getLong(0) > 0) {
            LOG.info("oncall=dev_defaults team=sre-dc lead=sre primary=sre systems=all policy=sre-dc-default");
          }
          return null;
        });
  }
}
