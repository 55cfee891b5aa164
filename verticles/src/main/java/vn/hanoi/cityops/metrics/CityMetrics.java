package vn.hanoi.cityops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.live.Connections;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the city metrics on the node's registry: one gauge per series of {@link #families}, so each family's
 * series count is fixed by {@link CityLabels} whatever the events say. A scrape reads {@link CityFigures} from the
 * live topics in memory, at most once per {@link #REFRESH_MS} (every gauge of one scrape shares one reading);
 * nothing here queries the database.
 */
public final class CityMetrics {
  static final long REFRESH_MS = 1_000;

  /** One family: its name, help text, label names, and every tuple of label values it exports. */
  record Family(String name, String help, List<String> labelNames, List<List<String>> series) {
  }

  private final Connections hub;
  private final CityLabels labels;
  private final Clock clock;
  private CityFigures figures;
  private long readAt;

  private CityMetrics(Connections hub, CityLabels labels, Clock clock) {
    this.hub = hub;
    this.labels = labels;
    this.clock = clock;
  }

  /** Registers every city gauge on {@code registry}, read from {@code hub}'s topics. */
  public static void register(MeterRegistry registry, Connections hub, ReferenceData reference) {
    CityLabels labels = CityLabels.of(reference);
    CityMetrics metrics = new CityMetrics(hub, labels, Clock.systemUTC());
    for (Family family : families(labels)) {
      for (List<String> values : family.series()) {
        Tags tags = Tags.empty();
        for (int i = 0; i < values.size(); i++) {
          tags = tags.and(family.labelNames().get(i), values.get(i));
        }
        Gauge.builder(family.name(), metrics, m -> m.figures().value(family.name(), values))
            .description(family.help()).tags(tags).strongReference(true).register(registry);
      }
    }
  }

  /** Every family with its series: the table of the README. */
  static List<Family> families(CityLabels labels) {
    List<List<String>> systems = each(labels.systems());
    List<List<String>> systemStatuses = new ArrayList<>();
    labels.systems().forEach(s -> CityLabels.STATUSES.forEach(st -> systemStatuses.add(List.of(s, st))));
    List<List<String>> scopes = labels.scopes().stream().map(s -> List.of(s.district(), s.level())).toList();
    List<List<String>> districts = each(labels.districts());
    List<List<String>> channels = each(CityLabels.CHANNELS);
    List<List<String>> alerts = new ArrayList<>();
    CityLabels.SEVERITIES.forEach(sev -> CityLabels.OPEN_STATES.forEach(st -> alerts.add(List.of(sev, st))));
    List<String> system = List.of("system");
    List<String> scope = List.of("district", "level");
    return List.of(
        new Family(CityFigures.SYSTEM_UP, "City system answering: 1 up or degraded, 0 down, NaN never reported", system, systems),
        new Family(CityFigures.SYSTEM_STATUS, "City system status, one-hot: 1 for its current status",
            List.of("system", "status"), systemStatuses),
        new Family(CityFigures.SYSTEM_LATENCY, "Latency a city system last reported", system, systems),
        new Family(CityFigures.DOSSIERS_RECEIVED, "Dossiers received today (Hanoi day)", scope, scopes),
        new Family(CityFigures.DOSSIERS_COMPLETED, "Dossiers completed today", scope, scopes),
        new Family(CityFigures.DOSSIERS_ON_TIME, "Dossiers completed today by their due date", scope, scopes),
        new Family(CityFigures.DOSSIERS_OPEN, "Dossiers open now, whenever received", scope, scopes),
        new Family(CityFigures.DOSSIERS_OVERDUE, "Dossiers open and past their due date now", scope, scopes),
        new Family(CityFigures.FEEDBACK_OPEN_DISTRICT, "Citizen feedback not answered, by district", List.of("district"), districts),
        new Family(CityFigures.FEEDBACK_OVERDUE_DISTRICT, "Citizen feedback not answered and past due, by district",
            List.of("district"), districts),
        new Family(CityFigures.FEEDBACK_OPEN_CHANNEL, "Citizen feedback not answered, by channel", List.of("channel"), channels),
        new Family(CityFigures.FEEDBACK_OVERDUE_CHANNEL, "Citizen feedback not answered and past due, by channel",
            List.of("channel"), channels),
        new Family(CityFigures.ALERTS_OPEN, "Open alerts not silenced, by severity and state",
            List.of("severity", "state"), alerts),
        new Family(CityFigures.TASKS_OPEN, "Tasks given in briefings, not done", List.of(), List.of(List.of())),
        new Family(CityFigures.TASKS_OVERDUE, "Tasks given in briefings, not done and past their deadline", List.of(),
            List.of(List.of())));
  }

  private static List<List<String>> each(List<String> values) {
    return values.stream().map(List::of).toList();
  }

  /** The figures of this scrape: read again when older than {@link #REFRESH_MS}. */
  private synchronized CityFigures figures() {
    long now = clock.millis();
    if (figures == null || now - readAt >= REFRESH_MS) {
      figures = CityFigures.read(hub::current, labels, clock.instant());
      readAt = now;
    }
    return figures;
  }
}
