/**
 * People and access, the floor every capability stands on: users and roles ({@code UserRepository},
 * {@code UserRoutes}, the first admin and demo users in {@code People}), sign-in tokens ({@code TokenService},
 * {@code LoginRoutes}), the one access decision ({@link vn.hanoi.cityops.auth.AccessControl}) and the route guard
 * ({@link vn.hanoi.cityops.auth.Guard}); ingestion API keys ({@link vn.hanoi.cityops.auth.ApiKeyRegistry}, a per-node
 * cache refreshed every {@code apiKeys.refreshMs} and on {@code cityops.auth.api-keys-changed}; {@code ApiKeyRoutes});
 * kiosk tokens for wall displays ({@code DisplayRoutes}); and the append-only audit log of who did what
 * ({@link vn.hanoi.cityops.auth.AuditLog}, {@code AuditRoutes}). {@link vn.hanoi.cityops.auth.AuthModule} starts it
 * and hands the guard, the audit log and the key registry to the capabilities.
 */
package vn.hanoi.cityops.auth;
