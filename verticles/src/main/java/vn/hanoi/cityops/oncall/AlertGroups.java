package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * What on call asks of the alerts (alert/'s module answers it; {@link OnCallModule} adapts it): which group an alert
 * is in, and acknowledging a whole group as a person through the alerts' own lifecycle. The open groups themselves
 * on call reads from alert/'s published view {@code alert_group_open}.
 */
interface AlertGroups {
  Future<Optional<String>> groupOf(long alertId);

  /** Acknowledges every firing alert of {@code group} as {@code actor}; answers the ids it acknowledged. */
  Future<List<Long>> acknowledge(String group, String actor, String note);
}
