/**
 * Ingestion API keys: {@link vn.hanoi.cityops.auth.ApiKeyRegistry} authenticates requests from a per-node
 * cache refreshed every {@code apiKeys.refreshMs} and on {@code cityops.auth.api-keys-changed};
 * {@link vn.hanoi.cityops.auth.ApiKeyRoutes} lets an admin key create, list and revoke keys.
 */
package vn.hanoi.cityops.auth;
