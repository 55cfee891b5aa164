/**
 * PostgreSQL: {@link vn.hanoi.cityops.store.Database} starts the embedded server
 * ({@link vn.hanoi.cityops.store.EmbeddedPostgresServer}) or connects to the configured one, runs the
 * Flyway {@link vn.hanoi.cityops.store.Migrations} and opens the pool (and small dedicated pools for readers that
 * must not wait behind busy event loops); {@link vn.hanoi.cityops.store.Sql} loads the statements each capability
 * keeps under {@code src/main/resources/sql/<capability>/}; {@link vn.hanoi.cityops.store.SecretBox} seals the secrets
 * kept in its tables (AES-256-GCM under {@code secrets.key}). Imports only the configuration.
 */
package vn.hanoi.cityops.store;
