package vn.hanoi.cityops.history;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whose history: the city ({@code city}) or one district ({@code district:<code>}, the district's People's
 * Committee and its communes), spelt as the API and the rollup tables spell it. Pure: no Vert.x, no I/O.
 *
 * @param district the district's code; null for the city
 */
public record Scope(String district) {
  public static final Scope CITY = new Scope(null);
  static final String DISTRICT_PREFIX = "district:";

  public static Scope district(String code) {
    return new Scope(code);
  }

  /** {@code text} as a scope, if it is {@code city} or {@code district:} and a code {@code isDistrict} accepts. */
  public static Optional<Scope> parse(String text, Predicate<String> isDistrict) {
    if ("city".equals(text)) {
      return Optional.of(CITY);
    }
    if (text != null && text.startsWith(DISTRICT_PREFIX) && isDistrict.test(text.substring(DISTRICT_PREFIX.length()))) {
      return Optional.of(district(text.substring(DISTRICT_PREFIX.length())));
    }
    return Optional.empty();
  }

  public boolean isCity() {
    return district == null;
  }

  /** As stored and as the API spells it. */
  public String code() {
    return district == null ? "city" : DISTRICT_PREFIX + district;
  }
}
