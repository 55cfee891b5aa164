/**
 * System health (tình trạng hệ thống) of the 14 city systems.
 * {@link vn.hanoi.cityops.health.SilenceWatchdog} (one per node) declares a system down when it sent no
 * heartbeat for its interval times {@code health.silenceFactor}: the down event, source {@code cityops-watchdog},
 * goes into the event log through the node's {@link vn.hanoi.cityops.bus.EventSink} (the ingestion path) and is
 * announced by the feed signal like an ingested one; its deterministic id keeps one event per silence
 * however many nodes see it. {@link vn.hanoi.cityops.health.SystemStatusRepository} reads each system's
 * status, since, last heartbeat and uptime from the event log ({@code sql/health/}); {@link vn.hanoi.cityops.health.Uptime}
 * is its pure arithmetic; {@link vn.hanoi.cityops.health.SystemRoutes} serves {@code GET /api/v1/systems} and
 * {@code GET /api/v1/systems/:code}; {@link vn.hanoi.cityops.health.SystemsPanel} is the briefing panel
 * {@code systems}.
 *
 * {@code SystemsTopic} keeps the {@code systems} topic, {@code StatusChangeRepair} the status changes after each
 * feed batch. {@link vn.hanoi.cityops.health.HealthModule} says what it needs and offers.
 * <p>Sends the feed signal ({@code cityops.feed.changed}, through the event sink); listens to no address.
 */
package vn.hanoi.cityops.health;
