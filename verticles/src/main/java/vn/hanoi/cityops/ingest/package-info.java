/**
 * {@code POST /api/v1/events}: {@code IngestRoutes} authenticates the API key, {@code EventDecoder}
 * reads JSON or NDJSON, {@code EventValidator} checks the schema and {@code EventRules},
 * {@code EventAuthorization} the reference data and the key's grants, {@link vn.hanoi.cityops.ingest.KeyRateLimiter}
 * the rate; {@code EventWriter} batches concurrent requests into one {@code EventRepository} statement
 * and transaction. Publishes {@code cityops.ingest.accepted} after the commit.
 */
package vn.hanoi.cityops.ingest;
