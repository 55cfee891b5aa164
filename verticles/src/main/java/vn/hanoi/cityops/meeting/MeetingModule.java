package vn.hanoi.cityops.meeting;

import io.vertx.core.Deployable;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.bus.Topics;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.Audience;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.live.FeedListener;
import vn.hanoi.cityops.notify.Notifier;
import vn.hanoi.cityops.web.Routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Online briefings and their tasks. Needs the pool, the reference data, the guard, the audit log, the live hub, the
 * feed signal, {@code meeting.presenceTimeoutMs}, the data panels the other capabilities offer, and for the
 * invitations the notifier, {@code notify.publicUrl}, {@code meeting.reminderLead} and the node's id. Offers
 * {@code /api/v1/meetings} and {@code /api/v1/tasks}, the {@code meeting.<id>} topics with who may follow them (the
 * participants), the {@code tasks} and {@code tasks.agency.<code>} topics, the presence sweep, the reminders, and the
 * briefing panel {@code previous-tasks}.
 */
public final class MeetingModule implements Capability {
  private final ReferenceData reference;
  private final Guard guard;
  private final AuditLog audit;
  private final FeedSignal signal;
  private final long presenceTimeoutMs;
  private final MeetingRepository meetings;
  private final TaskRepository tasks;
  private final Panels panels;
  private final MeetingTopics topics;
  private final TaskTopics taskTopics;
  private final Panel previousTasks;
  private final Invitations invitations;
  private final Duration reminderLead;
  private final String nodeId;

  /** What sends a briefing's invitations: the notifier, where links point, how long before the start reminders go. */
  public record Inviting(Notifier notifier, String publicUrl, Duration reminderLead, String nodeId) {
  }

  /** {@code offered}: the data panels of the other capabilities; this one adds its own. */
  public MeetingModule(Pool pool, ReferenceData reference, Guard guard, AuditLog audit, Connections hub,
                       FeedSignal signal, long presenceTimeoutMs, List<Panel> offered, Inviting inviting) {
    this.reference = reference;
    this.guard = guard;
    this.audit = audit;
    this.signal = signal;
    this.presenceTimeoutMs = presenceTimeoutMs;
    this.meetings = new MeetingRepository(pool);
    this.tasks = new TaskRepository(pool);
    this.previousTasks = new PreviousTasksPanel(tasks);
    List<Panel> all = new ArrayList<>(offered);
    all.add(previousTasks);
    this.panels = new Panels(all);
    this.topics = new MeetingTopics(meetings, panels, hub, guard.access());
    this.taskTopics = new TaskTopics(tasks, reference, hub);
    this.invitations = new Invitations(meetings, inviting.notifier(), reference, inviting.publicUrl(),
        inviting.reminderLead());
    this.reminderLead = inviting.reminderLead();
    this.nodeId = inviting.nodeId();
  }

  @Override
  public List<Routes> routes() {
    return List.of(
        router -> new MeetingRoutes(meetings, tasks, panels, reference, audit, guard, signal, presenceTimeoutMs,
            invitations).mount(router),
        router -> new TaskRoutes(meetings, tasks, reference, guard, signal).mount(router),
        router -> new AgencyRoutes(reference, guard).mount(router));
  }

  @Override
  public List<FeedListener> feedListeners() {
    return List.of(topics, taskTopics);
  }

  @Override
  public Map<Topics, Audience> audiences() {
    return Map.of(Topics.MEETING, topics);
  }

  @Override
  public List<Supplier<Deployable>> verticles() {
    return List.of(() -> new PresenceSweep(meetings, signal, presenceTimeoutMs),
        () -> new MeetingReminders(meetings, invitations, reminderLead, nodeId));
  }

  @Override
  public List<Panel> panels() {
    return List.of(previousTasks);
  }
}
