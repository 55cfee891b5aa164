package vn.hanoi.cityops.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, as a test reads them: name, labels as written, value. */
record MetricsText(List<Sample> samples) {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

  record Sample(String name, String labels, String value) {
    double number() {
      return Double.parseDouble(value);
    }
  }

  static MetricsText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    text.lines().filter(l -> !l.startsWith("#")).forEach(l -> {
      Matcher m = SAMPLE.matcher(l);
      if (m.find()) {
        samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3)));
      }
    });
    return new MetricsText(List.copyOf(samples));
  }

  /** Every metric name sampled (histogram series under their own names: {@code _bucket}, {@code _count}, {@code _sum}). */
  TreeSet<String> names() {
    TreeSet<String> names = new TreeSet<>();
    samples.forEach(s -> names.add(s.name()));
    return names;
  }

  /** How many series each family starting with {@code prefix} has. */
  Map<String, Integer> seriesByName(String prefix) {
    Map<String, Integer> counts = new TreeMap<>();
    samples.stream().filter(s -> s.name().startsWith(prefix)).forEach(s -> counts.merge(s.name(), 1, Integer::sum));
    return counts;
  }

  /** The value of the series {@code name} whose labels contain every one of {@code labels} ({@code k="v"}); NaN if none. */
  double value(String name, String... labels) {
    for (Sample s : samples) {
      if (s.name().equals(name) && java.util.Arrays.stream(labels).allMatch(s.labels()::contains)) {
        return s.number();
      }
    }
    return Double.NaN;
  }
}
