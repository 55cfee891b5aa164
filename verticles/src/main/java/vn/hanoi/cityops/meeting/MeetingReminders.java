package vn.hanoi.cityops.meeting;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Reminds everyone a scheduled briefing reaches (the invited and the chair) {@code meeting.reminderLead} before it
 * starts. Runs on every node, looking every thirtieth of the lead (at least every 10 s, at most every 200 ms);
 * PostgreSQL decides who sends: each reminder (meeting, person, start) is a row claimed before it is sent, so with
 * two nodes it goes out once. A briefing whose invitation (or last change) went out within the lead gets none: it
 * said the same a moment ago. A node that dies between its claim and the send loses that reminder (no lease).
 */
final class MeetingReminders extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MeetingReminders.class);

  private final MeetingRepository meetings;
  private final Invitations invitations;
  private final long leadMs;
  private final String node;
  private boolean busy;
  private boolean failing;

  MeetingReminders(MeetingRepository meetings, Invitations invitations, Duration lead, String node) {
    this.meetings = meetings;
    this.invitations = invitations;
    this.leadMs = lead.toMillis();
    this.node = node;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(Math.min(10_000, Math.max(200, leadMs / 30)), id -> tick());
    return Future.succeededFuture();
  }

  private void tick() {
    if (busy) {
      return;
    }
    busy = true;
    meetings.claimReminders(node, leadMs).compose(this::sendAll)
        .onComplete(done -> {
          busy = false;
          if (done.failed() && !failing) {
            LOG.warn("meeting=reminders_failed reason={}", done.cause().getMessage());
          }
          failing = done.failed();
        });
  }

  private Future<Void> sendAll(List<MeetingRepository.Reminder> claimed) {
    return Future.join(claimed.stream().map(r -> invitations.remind(r.meetingId(), r.username())
        .compose(sent -> {
          LOG.info("meeting=reminder id={} username={} status={}", r.meetingId(), r.username(),
              sent.map(n -> n.status().code()).orElse("gone"));
          return meetings.finishReminder(r, node, sent.map(n -> n.status() == vn.hanoi.cityops.notify.Notification.Status.SENT)
              .orElse(false), sent.map(n -> n.id()).orElse(null));
        })).toList()).mapEmpty();
  }
}
