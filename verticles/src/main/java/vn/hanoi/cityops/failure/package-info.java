/**
 * The ground floor's one failure type: {@link vn.hanoi.cityops.failure.Failure} says what kind of failure a caller
 * sees (invalid, forbidden, not found, conflict…), never an HTTP status; the web floor's failure handler maps kinds
 * to statuses. Imports nothing of cityops.
 */
package vn.hanoi.cityops.failure;
