package vn.hanoi.cityops.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The pages' words as the node serves them ({@code web-ui/i18n/messages_<lang>.json}), for asserting what a page says. */
public final class UiMessages {
  private static final JsonObject VI = load("vi");
  private static final JsonObject EN = load("en");

  private UiMessages() {
  }

  /** The Vietnamese message {@code key}, with {0}, {1}… replaced by {@code args}. */
  public static String vi(String key, Object... args) {
    return format(VI, key, args);
  }

  public static String en(String key, Object... args) {
    return format(EN, key, args);
  }

  private static String format(JsonObject messages, String key, Object... args) {
    String text = messages.getString(key);
    if (text == null) {
      throw new IllegalArgumentException("no message " + key);
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  private static JsonObject load(String lang) {
    try (InputStream in = UiMessages.class.getResourceAsStream("/webroot/i18n/messages_" + lang + ".json")) {
      if (in == null) {
        throw new IllegalStateException("messages_" + lang + ".json is not on the classpath (web-ui is copied to webroot/)");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
