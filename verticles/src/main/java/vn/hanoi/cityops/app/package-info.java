/**
 * The composition root, the only code that knows every capability (nothing imports this package).
 * {@link vn.hanoi.cityops.app.Main} reads the configuration and starts a {@link vn.hanoi.cityops.app.Node}, which
 * boots in order: Vert.x (clustered over Hazelcast by {@code ClusterSetup}), PostgreSQL with its migrations, the
 * reference data, people and access ({@code AuthModule}), messages to people ({@code NotifyModule}: its routes are
 * mounted here, its {@code Notifier} handed to whoever sends), then the capabilities ({@code Capabilities}, in the order
 * their feed listeners hear each batch); it mounts their routes on the HTTP port, hands their listeners to the event
 * feed, their topic audiences to the live hub, their panels to the briefings, and deploys their verticles.
 */
package vn.hanoi.cityops.app;
