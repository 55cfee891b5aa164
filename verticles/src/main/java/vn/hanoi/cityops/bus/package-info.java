/**
 * The node's internal contract, on the ground floor: every event-bus address ({@link vn.hanoi.cityops.bus.Addresses}),
 * the one feed signal ({@link vn.hanoi.cityops.bus.FeedSignal}, {@code cityops.feed.changed}, empty), the event types
 * of the log ({@link vn.hanoi.cityops.bus.EventTypes}), the live topics and who may follow them
 * ({@link vn.hanoi.cityops.bus.Topics}) and the port for events the node observes itself
 * ({@link vn.hanoi.cityops.bus.EventSink}). Imports nothing of cityops.
 */
package vn.hanoi.cityops.bus;
