package vn.hanoi.cityops.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import vn.hanoi.cityops.alert.AlertModule;
import vn.hanoi.cityops.auth.AuthModule;
import vn.hanoi.cityops.bus.FeedSignal;
import vn.hanoi.cityops.capability.Capability;
import vn.hanoi.cityops.capability.Panel;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.config.AppConfig;
import vn.hanoi.cityops.dossier.DossierModule;
import vn.hanoi.cityops.feedback.FeedbackModule;
import vn.hanoi.cityops.health.HealthModule;
import vn.hanoi.cityops.history.HistoryModule;
import vn.hanoi.cityops.ingest.IngestModule;
import vn.hanoi.cityops.live.Connections;
import vn.hanoi.cityops.meeting.MeetingModule;
import vn.hanoi.cityops.notify.Notifier;
import vn.hanoi.cityops.oncall.OnCallModule;
import vn.hanoi.cityops.store.Database;

import java.util.ArrayList;
import java.util.List;

/**
 * The list of capabilities of a node, built in order, each given what it needs from the ones before it. The order is
 * also the order in which the feed's listeners hear each batch: the health topics and the repair of status changes
 * first, then the dossier and feedback figures, the alert rules, on call (woken by the alerts' changes), the
 * briefings. On call is given the alerts' module (which group an alert is in, acknowledging a group). The briefings
 * come last: they show the data panels every capability before them offers.
 */
final class Capabilities {
  private Capabilities() {
  }

  static List<Capability> of(Vertx vertx, AppConfig config, Database db, ReferenceData reference, AuthModule auth,
                             Notifier notifier, Connections hub, FeedSignal signal, PrometheusMeterRegistry meters,
                             String nodeId) {
    IngestModule ingest = new IngestModule(vertx, config, db.pool(), reference, auth.apiKeys(), meters, signal);
    List<Capability> capabilities = new ArrayList<>(List.of(
        ingest,
        new HealthModule(db.pool(), db.dedicatedPool(1), reference, auth.guard(), hub, ingest.internalEvents(),
            config.silenceFactor()),
        new DossierModule(db.pool(), reference, auth.guard(), hub),
        new FeedbackModule(db.pool(), reference, auth.guard(), hub),
        new HistoryModule(db.pool(), reference, auth.guard())));
    AlertModule alerts = new AlertModule(config, db.pool(), reference, auth.guard(), auth.audit(), hub, signal);
    capabilities.add(alerts);
    capabilities.add(new OnCallModule(config, db.pool(), reference, auth.guard(), auth.audit(), notifier, alerts, nodeId));
    List<Panel> panels = capabilities.stream().flatMap(c -> c.panels().stream()).toList();
    capabilities.add(new MeetingModule(db.pool(), reference, auth.guard(), auth.audit(), hub, signal,
        config.meetingPresenceTimeoutMs(), panels, new MeetingModule.Inviting(notifier,
        config.notifications().publicUrl(), config.meetingReminderLead(), nodeId)));
    return List.copyOf(capabilities);
  }
}
