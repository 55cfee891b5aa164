package vn.hanoi.cityops.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The SQL statements of the repositories live as files under {@code src/main/resources/sql/<capability>/}; this
 * reads one, once, when its repository class loads. A missing file fails the start, not a request.
 */
public final class Sql {
  private Sql() {
  }

  /** {@code path}: under {@code sql/}, e.g. {@code dossier/counts-by-agency.sql}. */
  public static String load(String path) {
    return resource("/sql/" + path);
  }

  /** Any text resource on the classpath, e.g. {@code /schemas/event.schema.json}. */
  public static String resource(String path) {
    try (InputStream in = Sql.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
