package vn.hanoi.cityops.sim;

import java.time.Instant;
import java.util.Map;

/**
 * A dossier or a piece of feedback on its way through its stages. Its whole course is drawn when it starts;
 * step {@code i} is one event, planned at {@link #plannedAt(int)} and emitted at the first tick at or after it.
 */
interface SimCase {
  int steps();

  Instant plannedAt(int step);

  /** The event of {@code step}, emitted at {@code at} (never before the planned instant). */
  Map<String, Object> event(int step, Instant at, SimEvents events);
}
