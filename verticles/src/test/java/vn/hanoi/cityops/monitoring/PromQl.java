package vn.hanoi.cityops.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, by a plain reading of the text: string literals, label matchers,
 * range selectors and grouping label lists ({@code by (…)}, {@code on (…)}…) are blanked; every identifier left that
 * is not a function or aggregation (followed by {@code (}), a keyword or a number's exponent is a metric name.
 */
final class PromQl {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
      "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN", "atan2");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

  private PromQl() {
  }

  static Set<String> metricNames(String expr) {
    String s = STRING.matcher(expr).replaceAll("\"\"");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      if (!KEYWORDS.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The expression as Grafana sends it with every variable at "All" and {@code $__rate_interval} at {@code rate}. */
  static String withVariables(String expr, String rate) {
    return expr.replace("$__rate_interval", rate).replaceAll("\\$\\{?[a-zA-Z_]+}?", ".*");
  }
}
