package vn.hanoi.cityops.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.store.SecretBox;
import vn.hanoi.cityops.store.Sql;

import java.util.Optional;

/** SQL for the TOTP columns of {@code app_user}; the secret sealed by {@link SecretBox} (column {@value #COLUMN}). */
final class TotpRepository {
  static final String COLUMN = "app_user.totp_secret";
  private static final String STATE = Sql.load("auth/totp-state.sql");
  private static final String ENROL = Sql.load("auth/totp-enrol.sql");
  private static final String USE = Sql.load("auth/totp-use.sql");
  private static final String CLEAR = Sql.load("auth/totp-clear.sql");
  private static final String STORED = Sql.load("auth/totp-stored.sql");

  /** A person's TOTP: the secret (opened, base32; null: not enrolled), confirmed or not, the last step used. */
  record State(String secret, boolean enabled, Long lastStep) {
    static final State NONE = new State(null, false, null);
  }

  private final Pool pool;
  private final SecretBox box;

  TotpRepository(Pool pool, SecretBox box) {
    this.pool = pool;
    this.box = box;
  }

  Future<State> state(long userId) {
    return pool.preparedQuery(STATE).execute(Tuple.of(userId)).map(rows -> {
      if (rows.size() == 0) {
        return State.NONE;
      }
      Row r = rows.iterator().next();
      return new State(box.open(COLUMN, r.getString(0)), r.getBoolean(1), r.getLong(2));
    });
  }

  /** Stores {@code secret} sealed, not yet enabled; false while TOTP is enabled. Fails with {@link SecretBox.MissingKey}. */
  Future<Boolean> enrol(long userId, String secret) {
    String sealed;
    try {
      sealed = box.seal(COLUMN, secret);
    } catch (SecretBox.MissingKey e) {
      return Future.failedFuture(e);
    }
    return pool.preparedQuery(ENROL).execute(Tuple.of(userId, sealed)).map(rows -> rows.size() == 1);
  }

  /** Records that a code of {@code step} was used ({@code enable}: and turns TOTP on); false when the step was used. */
  Future<Boolean> use(long userId, long step, boolean enable) {
    return pool.preparedQuery(USE).execute(Tuple.of(userId, step, enable)).map(rows -> rows.size() == 1);
  }

  /** Forgets the secret; answers whether there was one (empty: no such user). */
  Future<Optional<Boolean>> clear(long userId) {
    return pool.preparedQuery(CLEAR).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBoolean(0)));
  }

  /** Fails when secrets are stored and the box has no key. */
  Future<Void> checkKey() {
    if (box.hasKey()) {
      return Future.succeededFuture();
    }
    return pool.query(STORED).execute().compose(rows -> rows.iterator().next().getLong(0) == 0
        ? Future.<Void>succeededFuture() : Future.failedFuture(new SecretBox.MissingKey()));
  }
}
