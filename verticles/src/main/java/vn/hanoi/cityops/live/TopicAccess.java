package vn.hanoi.cityops.live;

import vn.hanoi.cityops.auth.AccessControl;
import vn.hanoi.cityops.auth.Principal;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.city.ReferenceData;

import java.util.Map;

/**
 * Who may follow a topic: {@link Topics} says which access a topic needs; {@link AccessControl} decides city-wide
 * and agency data; for a topic of participants, the capability that owns it (its {@link Audience}, handed over by
 * the composition root) says who takes part. A name no topic has is refused; so is a family's key that names
 * nothing of its kind ({@link #exists}: a commune's code as a district topic), asked only of those who may follow
 * it, so a refusal never tells a stranger what exists. Called on event loops: no I/O.
 */
public final class TopicAccess {
  private final AccessControl access;
  private final Map<Topics, Audience> audiences;
  private final ReferenceData reference;

  public TopicAccess(AccessControl access, Map<Topics, Audience> audiences, ReferenceData reference) {
    this.access = access;
    this.audiences = Map.copyOf(audiences);
    this.reference = reference;
  }

  /** Whether the key of {@code topic} names something of its kind (a single topic, or an owned key: yes). */
  public boolean exists(String topic) {
    return Topics.match(topic).map(m -> switch (m.topic().key()) {
      case NONE, OWNED -> true;
      case DISTRICT -> reference.isDistrict(m.key());
      case AGENCY -> reference.isAgency(m.key());
    }).orElse(false);
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
