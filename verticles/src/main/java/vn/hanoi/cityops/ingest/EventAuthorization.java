package vn.hanoi.cityops.ingest;

import io.vertx.core.json.JsonArray;
import vn.hanoi.cityops.auth.ApiKey;
import vn.hanoi.cityops.bus.EventTypes;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.failure.Failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a valid batch against the reference data (unknown system, agency, district or commune: 422)
 * and against what the sending key is granted (403), listing every offending event.
 */
final class EventAuthorization {
  /** Feedback channels run by a city system: that system's key may report their feedback. */
  private static final Map<String, String> CHANNEL_SYSTEMS = Map.of("zalo", "ZALO-PAKN", "web", "DVC-PORTAL");

  private final ReferenceData reference;

  EventAuthorization(ReferenceData reference) {
    this.reference = reference;
  }

  /** The events with each dossier's district filled in, once every check passed. */
  List<IncomingEvent> check(ApiKey key, List<IncomingEvent> events) {
    JsonArray unknown = new JsonArray();
    events.forEach(e -> unknownReferences(e, unknown));
    if (!unknown.isEmpty()) {
      throw new Failure(Failure.Kind.UNPROCESSABLE, "unknown_reference",
          "the batch was rejected: it names systems or agencies that do not exist, nothing was stored", unknown);
    }
    JsonArray denied = new JsonArray();
    events.forEach(e -> {
      if (!allowed(key, e)) {
        denied.add(Problems.of(e.index(), subjectField(e), "API key '" + key.name() + "' may not send events for '" + subject(e) + "'"));
      }
    });
    if (!denied.isEmpty()) {
      throw new Failure(Failure.Kind.FORBIDDEN, "forbidden",
          "the batch was rejected: this API key is not granted every source in it, nothing was stored", denied);
    }
    List<IncomingEvent> resolved = new ArrayList<>(events.size());
    events.forEach(e -> resolved.add(EventTypes.DOSSIER.equals(e.type()) ? e.withDistrict(reference.districtOf(e.agency())) : e));
    return resolved;
  }

  private void unknownReferences(IncomingEvent e, JsonArray out) {
    switch (e.type()) {
      case EventTypes.SYSTEM_HEALTH -> {
        if (!reference.isSystem(e.system())) {
          out.add(Problems.of(e.index(), "system", "unknown system '" + e.system() + "'"));
        }
      }
      case EventTypes.DOSSIER -> {
        if (!reference.isAgency(e.agency())) {
          out.add(Problems.of(e.index(), "agency", "unknown agency '" + e.agency() + "'"));
        }
      }
      default -> {
        if (!reference.isDistrict(e.district())) {
          out.add(Problems.of(e.index(), "district", "unknown district '" + e.district() + "'"));
        } else {
          String commune = e.payload().getString("commune");
          if (commune != null && !reference.isCommuneOf(commune, e.district())) {
            out.add(Problems.of(e.index(), "commune", "unknown commune '" + commune + "' in district '" + e.district() + "'"));
          }
        }
        if (e.agency() != null && !reference.isAgency(e.agency())) {
          out.add(Problems.of(e.index(), "agency", "unknown agency '" + e.agency() + "'"));
        }
      }
    }
  }

  private boolean allowed(ApiKey key, IncomingEvent e) {
    return switch (e.type()) {
      case EventTypes.SYSTEM_HEALTH -> key.mayReportSystem(e.system());
      case EventTypes.DOSSIER -> key.mayReportAgency(e.agency(), reference);
      default -> key.mayReportAgency(e.district(), reference)
          || (e.agency() != null && key.mayReportAgency(e.agency(), reference))
          || (CHANNEL_SYSTEMS.containsKey(e.channel()) && key.mayReportSystem(CHANNEL_SYSTEMS.get(e.channel())));
    };
  }

  private static String subjectField(IncomingEvent e) {
    return switch (e.type()) {
      case EventTypes.SYSTEM_HEALTH -> "system";
      case EventTypes.DOSSIER -> "agency";
      default -> "district";
    };
  }

  private static String subject(IncomingEvent e) {
    return switch (e.type()) {
      case EventTypes.SYSTEM_HEALTH -> e.system();
      case EventTypes.DOSSIER -> e.agency();
      default -> e.district();
    };
  }
}
