package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonObject;

/**
 * An item of a briefing's agenda, at {@code position} (from 1); {@code presenter}: an agency (or null);
 * {@code panel}: a prepared panel's spec, shared when the item is activated (or null).
 */
public record AgendaItem(long id, int position, String title, String presenter, JsonObject panel) {
}
