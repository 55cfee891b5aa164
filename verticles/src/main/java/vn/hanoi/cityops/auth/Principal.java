package vn.hanoi.cityops.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Set;

/** A signed-in person, as their token says; {@code tokenId} names the session the token belongs to. */
public record Principal(long userId, String username, String displayName, String agency, String language,
                        Set<Role> roles, String tokenId, Instant expiresAt) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", userId)
        .put("username", username)
        .put("displayName", displayName)
        .put("agency", agency)
        .put("language", language)
        .put("roles", new JsonArray(roles.stream().map(Role::code).sorted().toList()))
        .put("expiresAt", expiresAt.toString());
  }
}
