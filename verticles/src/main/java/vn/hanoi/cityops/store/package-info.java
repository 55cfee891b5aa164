/**
 * PostgreSQL: {@link vn.hanoi.cityops.store.Database} starts the embedded server
 * ({@link vn.hanoi.cityops.store.EmbeddedPostgresServer}) or connects to the configured one, runs the
 * Flyway {@link vn.hanoi.cityops.store.Migrations} and opens the pool; {@link vn.hanoi.cityops.city.ReferenceData}
 * holds the agencies and systems. SQL of each aggregate lives with its capability.
 */
package vn.hanoi.cityops.store;



