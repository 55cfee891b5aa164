/**
 * Starting a node: {@link vn.hanoi.cityops.app.Main} reads {@link vn.hanoi.cityops.config.AppConfig}
 * (keys in {@link vn.hanoi.cityops.config.ConfigKeys}) and {@link vn.hanoi.cityops.app.Node} boots in order:
 * Vert.x (clustered over Hazelcast by {@code ClusterSetup}), PostgreSQL with migrations, reference data,
 * API keys, the HTTP verticle, the simulator. Every event-bus address is in {@link vn.hanoi.cityops.bus.Addresses}.
 */
package vn.hanoi.cityops.app;



