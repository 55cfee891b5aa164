package vn.hanoi.cityops.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which city system an Alertmanager alert is about, from its labels: the value of {@code systemLabel}
 * ({@code integrations.alertmanager.systemLabel}, default {@code cityops_system}) is the system's code; without it,
 * the first label of {@code byLabel} ({@code integrations.alertmanager.labelMap}, e.g.
 * {@code {"job": {"dvc-portal": "DVC-PORTAL"}}}) whose value is mapped names it. Values match exactly. Pure, immutable.
 */
public record AlertmanagerMapping(String systemLabel, Map<String, Map<String, String>> byLabel) {
  /** Prometheus' label names. */
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,99}");
  /** Mapped values at most, over all labels: the map is meant for a few jobs, not an inventory. */
  static final int MAX_ENTRIES = 1_000;
  private static final int MAX_CODE_LENGTH = 32;

  public AlertmanagerMapping {
    byLabel = Collections.unmodifiableMap(new LinkedHashMap<>(byLabel));
  }

  /** The system code the labels name, or null when none does. */
  public String systemOf(Map<String, String> labels) {
    String direct = labels.get(systemLabel);
    if (direct != null && !direct.isBlank()) {
      return direct;
    }
    for (Map.Entry<String, Map<String, String>> label : byLabel.entrySet()) {
      String value = labels.get(label.getKey());
      if (value != null && label.getValue().containsKey(value)) {
        return label.getValue().get(value);
      }
    }
    return null;
  }

  /** The labels looked at, for a caller told that none named a system. */
  public String labelsLookedAt() {
    StringBuilder names = new StringBuilder(systemLabel);
    byLabel.keySet().forEach(name -> names.append(", ").append(name));
    return names.toString();
  }

  /** A Prometheus label name, else an {@link IllegalArgumentException} saying why. */
  static String labelName(String name) {
    if (!LABEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*, at most 100), got '" + name + "'");
    }
    return name;
  }

  /**
   * {@code {"label": {"value": "SYSTEM-CODE", …}, …}} (a JSON object, or its text from the environment), else an
   * {@link IllegalArgumentException} saying what is wrong.
   */
  static Map<String, Map<String, String>> labelMap(String json) {
    JsonObject root;
    try {
      root = new JsonObject(json.isBlank() ? "{}" : json);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("must be a JSON object such as {\"job\": {\"dvc-portal\": \"DVC-PORTAL\"}}, got '" + json + "'");
    }
    Map<String, Map<String, String>> map = new LinkedHashMap<>();
    int entries = 0;
    for (String label : root.fieldNames()) {
      labelName(label);
      if (!(root.getValue(label) instanceof JsonObject values)) {
        throw new IllegalArgumentException("label '" + label + "' must map to an object of label values to system codes");
      }
      Map<String, String> codes = new LinkedHashMap<>();
      for (String value : values.fieldNames()) {
        if (!(values.getValue(value) instanceof String code) || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
          throw new IllegalArgumentException("label '" + label + "' value '" + value + "' must map to a system code (1 to "
              + MAX_CODE_LENGTH + " characters), got " + values.getValue(value));
        }
        codes.put(value, code);
      }
      entries += codes.size();
      map.put(label, codes);
    }
    if (entries > MAX_ENTRIES) {
      throw new IllegalArgumentException("maps at most " + MAX_ENTRIES + " label values, got " + entries);
    }
    return map;
  }
}
