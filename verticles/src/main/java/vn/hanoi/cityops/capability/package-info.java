/**
 * How a capability plugs into a node: {@link vn.hanoi.cityops.capability.Capability} (routes, feed listeners,
 * verticles, topic audiences, briefing panels) and {@link vn.hanoi.cityops.capability.Panel}. Capabilities import
 * this and the floors below (live, auth, web, city, store, bus, config, failure); the composition root in
 * {@code app/} is the only code that knows every capability.
 */
package vn.hanoi.cityops.capability;
