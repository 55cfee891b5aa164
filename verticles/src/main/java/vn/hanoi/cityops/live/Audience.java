package vn.hanoi.cityops.live;

import vn.hanoi.cityops.auth.Principal;

/** Who may follow the topics of a {@code PARTICIPANTS} family (a meeting's), as the owning capability knows them. */
@FunctionalInterface
public interface Audience {
  /** {@code key}: the topic's key within its family (a meeting's id). Called on an event loop: no I/O. */
  boolean includes(Principal who, String key);
}
