/**
 * The HTTP side: {@link vn.hanoi.cityops.web.WebVerticle} owns the port and mounts every capability's
 * routes, {@link vn.hanoi.cityops.web.ErrorHandler} turns every failure into
 * {@code {"error", "message", "details"}}, {@link vn.hanoi.cityops.web.HealthRoutes} serves
 * {@code /health}, {@code /ready} and {@code /metrics}.
 */
package vn.hanoi.cityops.web;
