package vn.hanoi.cityops.web;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates JSON against one of the published schema files in {@code src/main/resources/schemas/} and
 * turns the library's output into field/reason pairs a client can act on.
 */
public final class SchemaCheck {
  private static final Pattern PROPERTY = Pattern.compile("property \"([^\"]+)\"");
  private static final Pattern WRAPPER = Pattern.compile(
      "^(Schema |A subschema had errors|Instance does not match every subschema|Instance does not match \"(then|else)\" schema|Property \".*\" does not match schema)");
  private static final Pattern ENUM = Pattern.compile("^Instance does not match any of (.*)$");

  public record Problem(String field, String reason) {
  }

  private final Validator validator;

  private SchemaCheck(Validator validator) {
    this.validator = validator;
  }

  /** {@code name} is a file under {@code schemas/}, e.g. {@code event.schema.json}. */
  public static SchemaCheck of(String name) {
    JsonObject schema = new JsonObject(resource("/schemas/" + name));
    return new SchemaCheck(Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012)
        .setBaseUri("https://cityops.hanoi.gov.vn/schemas/")
        .setOutputFormat(OutputFormat.Basic)));
  }

  public static String resource(String path) {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Problem> check(Object json) {
    OutputUnit result = validator.validate(json);
    if (Boolean.TRUE.equals(result.getValid())) {
      return List.of();
    }
    Set<Problem> problems = new LinkedHashSet<>();
    List<OutputUnit> errors = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result) : result.getErrors();
    for (OutputUnit e : errors) {
      String reason = e.getError() == null ? "is invalid" : e.getError();
      if (WRAPPER.matcher(reason).find()) {
        continue; // allOf/if/then wrappers only repeat what the leaf errors say
      }
      String field = field(e.getInstanceLocation(), reason);
      problems.add(new Problem(field, plain(field, reason)));
    }
    if (problems.isEmpty()) {
      problems.add(new Problem("", "does not match the schema"));
    }
    return new ArrayList<>(problems);
  }

  /** The library's sentence, said the way an integrator reads it. */
  private static String plain(String field, String reason) {
    if (reason.startsWith("Instance does not have required property")) {
      return "is required";
    }
    Matcher allowed = ENUM.matcher(reason);
    if (allowed.find()) {
      return "must be one of " + allowed.group(1);
    }
    if (reason.startsWith("String does not match pattern")) {
      return field.endsWith("At")
          ? "must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T08:00:00+07:00"
          : "has the wrong format";
    }
    return reason;
  }

  private static String field(String instanceLocation, String reason) {
    String path = instanceLocation == null ? "" : instanceLocation.replaceFirst("^#", "").replaceFirst("^/", "").replace('/', '.');
    if (path.isEmpty()) {
      Matcher m = PROPERTY.matcher(reason);
      if (m.find()) {
        return m.group(1);
      }
    }
    return path;
  }
}
