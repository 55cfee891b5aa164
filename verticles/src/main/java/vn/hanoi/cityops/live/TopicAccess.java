package vn.hanoi.cityops.live;

import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.bus.Topics;

import java.util.Map;

/**
 * Who may follow a topic: {@link Topics} says which access a topic needs; {@link AccessControl} decides city-wide
 * and agency data; for a topic of participants, the capability that owns it (its {@link Audience}, handed over by
 * the composition root) says who takes part. A name no topic has is refused. Called on event loops: no I/O.
 */
public final class TopicAccess {
  private final AccessControl access;
  private final Map<Topics, Audience> audiences;

  public TopicAccess(AccessControl access, Map<Topics, Audience> audiences) {
    this.access = access;
    this.audiences = Map.copyOf(audiences);
  }

  public boolean mayFollow(Principal who, String topic) {
    if (who == null) {
      return false;
    }
    return Topics.match(topic).map(m -> switch (m.topic().access()) {
      case PARTICIPANTS -> audiences.containsKey(m.topic()) && audiences.get(m.topic()).includes(who, m.key());
      default -> access.mayFollow(who, m);
    }).orElse(false);
  }
}
