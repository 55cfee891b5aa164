/**
 * {@code POST /api/v1/events}: {@code IngestRoutes} authenticates the API key, {@code EventDecoder}
 * reads JSON or NDJSON, {@code EventValidator} checks the schema and {@code EventRules},
 * {@code EventAuthorization} the reference data and the key's grants, {@link vn.hanoi.cityops.ingest.KeyRateLimiter}
 * the rate; {@code EventWriter} batches concurrent requests into one {@code EventRepository} statement
 * and transaction, then sends the feed signal ({@code cityops.feed.changed}). {@code InternalEvents} is the
 * {@code EventSink} the node's own observations go through. {@code POST /api/v1/integrations/alertmanager}
 * ({@code AlertmanagerRoutes}) turns an Alertmanager webhook's alerts into health events ({@code AlertmanagerAlerts})
 * and sends them down the same path ({@code IngestRoutes.accept}). {@link vn.hanoi.cityops.ingest.IngestModule} says what
 * it needs and offers.
 */
package vn.hanoi.cityops.ingest;
