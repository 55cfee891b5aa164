/**
 * The city's state as Prometheus metrics ({@code cityops_system_*}, {@code cityops_dossiers_*},
 * {@code cityops_feedback_*}, {@code cityops_alerts_open}, {@code cityops_briefing_tasks_*}) on the node's
 * {@code /metrics}. {@link vn.hanoi.cityops.metrics.CityMetrics} registers one gauge per series, every label value
 * known in advance ({@link vn.hanoi.cityops.metrics.CityLabels}: the reference data and the event schema's enums),
 * so each family's series count is fixed; {@link vn.hanoi.cityops.metrics.CityFigures} reads the values from the
 * live topics the node already holds in memory (no SQL on a scrape). Every node reads the same database, so every
 * node exports the same city values: dashboards take {@code max by (...)} across nodes.
 */
package vn.hanoi.cityops.metrics;
