package vn.hanoi.cityops.web;

import io.vertx.ext.web.Router;

/**
 * A capability's HTTP routes. The HTTP verticle runs several instances, each with its own router: {@code mount} is
 * called once per instance, on its event loop, so state a route class keeps per event loop (an ingest writer, a
 * validator) is made inside it.
 */
@FunctionalInterface
public interface Routes {
  void mount(Router router);
}
