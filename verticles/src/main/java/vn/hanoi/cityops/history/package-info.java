/**
 * KPI history for charts: per-minute rollups kept 48 hours and hourly rollups kept 90 days, in PostgreSQL
 * ({@code kpi_rollup_minute}, {@code kpi_rollup_hour}, migration V0008), for the city and each district.
 * {@link vn.hanoi.cityops.history.Kpi} names the KPIs: counts of events per bucket and gauges sampled from the
 * state tables at the end of each minute. {@link vn.hanoi.cityops.history.RollupVerticle} (one per node) runs
 * {@link vn.hanoi.cityops.history.Rollups} every 10 s — one idempotent statement recomputing the recent minutes,
 * late events' minutes and any gap — and once a minute rolls minutes into hours and applies retention
 * ({@code sql/history/}). {@link vn.hanoi.cityops.history.Buckets} is the pure bucket arithmetic;
 * {@link vn.hanoi.cityops.history.HistoryRoutes} serves {@code GET /api/v1/series} and
 * {@code GET /api/v1/series/kpis}, read through {@link vn.hanoi.cityops.history.SeriesRepository}, which
 * {@link vn.hanoi.cityops.history.KpiTrendPanel} (the briefing panel {@code kpi-trend}) reads too.
 *
 * <p>Listens to no address and publishes on none: the history is read from the event log, not the event bus.
 */
package vn.hanoi.cityops.history;
