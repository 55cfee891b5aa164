/**
 * The audit log: who did what, when, from where. {@link vn.hanoi.cityops.audit.AuditLog} appends entries to
 * the {@code audit_log} table (a trigger refuses every UPDATE and DELETE) and queries them newest first with
 * keyset paging by id; {@link vn.hanoi.cityops.audit.AuditRoutes} serves {@code GET /api/v1/audit} to admins.
 * Sign-ins, sign-outs, user and API-key changes are recorded by the routes that make them. Listens to no
 * event-bus address.
 */
package vn.hanoi.cityops.audit;
