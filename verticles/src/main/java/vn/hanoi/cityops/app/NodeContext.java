package vn.hanoi.cityops.app;

import vn.hanoi.cityops.config.AppConfig;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import vn.hanoi.cityops.auth.AuditLog;
import vn.hanoi.cityops.auth.ApiKeyRegistry;
import vn.hanoi.cityops.auth.ApiKeyRepository;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.auth.UserRepository;
import vn.hanoi.cityops.ingest.KeyRateLimiter;
import vn.hanoi.cityops.store.Database;
import vn.hanoi.cityops.city.ReferenceData;

/** What a node's verticles share: built once by {@link Node}, handed to each verticle's constructor. */
public record NodeContext(String nodeId, AppConfig config, Database database, ReferenceData reference,
                          ApiKeyRepository apiKeys, ApiKeyRegistry apiKeyRegistry, KeyRateLimiter rateLimiter,
                          PrometheusMeterRegistry meters, UserRepository users, AuditLog audit, Guard guard) {
}
