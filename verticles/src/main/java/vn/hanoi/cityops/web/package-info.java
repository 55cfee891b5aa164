/**
 * The HTTP plumbing: {@link vn.hanoi.cityops.web.HttpVerticle} owns the port and mounts the {@link
 * vn.hanoi.cityops.web.Routes} it is handed (it knows no capability by name);
 * {@link vn.hanoi.cityops.web.ErrorHandler} is the one failure handler and the one place that maps a
 * {@code Failure}'s kind to an HTTP status; {@link vn.hanoi.cityops.web.JsonBodies} and
 * {@link vn.hanoi.cityops.web.QueryParams} read requests the same way on every route, {@link
 * vn.hanoi.cityops.web.SchemaCheck} validates bodies against the published JSON schemas;
 * {@link vn.hanoi.cityops.web.ApiDoc} is what a capability says of each route it mounts, from which {@link
 * vn.hanoi.cityops.web.OpenApiDocument} serves {@code /api/v1/openapi.json};
 * {@link vn.hanoi.cityops.web.HealthRoutes} serves {@code /health}, {@code /ready} and {@code /metrics}.
 */
package vn.hanoi.cityops.web;
