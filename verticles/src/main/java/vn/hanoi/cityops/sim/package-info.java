/**
 * The built-in Hanoi simulator: synthetic but plausible live data for the three streams (system health,
 * administrative dossiers, citizen feedback) so a node shows a moving wall display without real feeds.
 * <p>
 * {@link vn.hanoi.cityops.sim.HanoiSimulation} is the pure, seeded model (no Vert.x): given the agencies and
 * systems it emits the events due at each tick, deterministically for a seed and a sequence of instants.
 * {@link vn.hanoi.cityops.sim.SimulatorVerticle} drives it every 200 ms and posts the events to this node's own
 * {@code POST /api/v1/events} with the simulator's API key, so they go through the same validation,
 * idempotency and storage as any client's. It listens to no event-bus address.
 */
package vn.hanoi.cityops.sim;
