package vn.hanoi.cityops.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** Prometheus meters of the ingestion path (names follow Prometheus conventions, base units). */
final class IngestMetrics {
  private final MeterRegistry registry;
  private final DistributionSummary requestEvents;
  private final DistributionSummary writeEvents;

  IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.requestEvents = DistributionSummary.builder("cityops_ingest_request_events")
        .description("Events per ingest request").publishPercentileHistogram().register(registry);
    this.writeEvents = DistributionSummary.builder("cityops_ingest_write_events")
        .description("Events per database write (requests batched together)").publishPercentileHistogram().register(registry);
  }

  void recordEvents(String type, String outcome, int count) {
    if (count > 0) {
      Counter.builder("cityops_ingest_events_total").description("Events received, by type and outcome")
          .tag("type", type).tag("outcome", outcome).register(registry).increment(count);
    }
  }

  void recordRequest(int status, String error, int events, Duration latency) {
    requestEvents.record(events);
    Timer.builder("cityops_ingest_request_seconds").description("Ingest request latency, until the durable commit")
        .tag("status", String.valueOf(status)).publishPercentileHistogram().register(registry).record(latency);
    if (error != null) {
      Counter.builder("cityops_ingest_rejected_requests_total").description("Rejected ingest requests, by error code")
          .tag("error", error).register(registry).increment();
    }
  }

  void recordWrite(int events) {
    writeEvents.record(events);
  }
}
