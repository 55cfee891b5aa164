package vn.hanoi.cityops.notify;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import vn.hanoi.cityops.support.Api;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** People for the notification tests, made the way an admin makes them: over the API. */
final class Persons {
  static final String PASSWORD = "a-long-enough-secret";

  private final Api api;
  private final String admin;

  Persons(Api api) {
    this.api = api;
    this.admin = api.token("admin");
  }

  String admin() {
    return admin;
  }

  /** A new SRE who reads {@code language}, with no contact point yet. */
  String create(String username, String language) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/users", admin, new JsonObject()
        .put("username", username).put("displayName", "Kỹ sư " + username).put("agency", "STTTT")
        .put("language", language).put("roles", new JsonArray().add("sre")).put("password", PASSWORD));
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return username;
  }

  /** Signs {@code username} in; answers the token. */
  String token(String username) {
    HttpResponse<Buffer> r = api.login(username, PASSWORD);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("token");
  }

  /** Adds a contact point as the admin; answers its id. */
  long add(String username, JsonObject contactPoint) {
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, "/api/v1/users/" + username + "/contact-points", admin, contactPoint);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  static JsonObject email(String address) {
    return new JsonObject().put("channel", "email").put("address", address);
  }

  static JsonObject point(String channel, String address) {
    return new JsonObject().put("channel", channel).put("address", address);
  }
}
