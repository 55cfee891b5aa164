package vn.hanoi.cityops.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * This JVM's live objects by class ({@code jcmd GC.class_histogram}, through the DiagnosticCommand MBean:
 * a full GC, then a count), and the difference between two of them per socket: what an idle socket costs,
 * class by class.
 */
final class HeapHistogram {
  /** Instances and bytes of one class (per socket: averages). */
  record Entry(String className, double instances, double bytes) {
  }

  private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

  private HeapHistogram() {
  }

  /** Class name to {instances, bytes}; empty when the diagnostic command is not available. */
  static Map<String, long[]> take() {
    Map<String, long[]> out = new HashMap<>();
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[]{new String[0]}, new String[]{String[].class.getName()});
      for (String line : String.valueOf(text).split("\n")) {
        Matcher m = LINE.matcher(line);
        if (m.matches()) {
          out.merge(m.group(3), new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
              (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
        }
      }
    } catch (Exception e) {
      System.err.println("[bench] no class histogram: " + e);
    }
    return out;
  }

  /** Every class's growth from {@code before} to {@code after} per socket: {instances, bytes}. */
  static Map<String, double[]> perSocketAll(Map<String, long[]> before, Map<String, long[]> after, int n) {
    Map<String, double[]> out = new HashMap<>();
    after.forEach((cls, a) -> {
      long[] b = before.getOrDefault(cls, new long[]{0, 0});
      out.put(cls, new double[]{(double) (a[0] - b[0]) / n, (double) (a[1] - b[1]) / n});
    });
    before.forEach((cls, b) -> out.putIfAbsent(cls, new double[]{(double) -b[0] / n, (double) -b[1] / n}));
    return out;
  }

  /** The classes that grew most from {@code before} to {@code after}, per socket ({@code n} sockets), biggest first. */
  static List<Entry> perSocket(Map<String, long[]> before, Map<String, long[]> after, int n, int limit) {
    List<Entry> grown = new ArrayList<>();
    after.forEach((cls, a) -> {
      long[] b = before.getOrDefault(cls, new long[]{0, 0});
      long bytes = a[1] - b[1];
      if (bytes > 0) {
        grown.add(new Entry(cls, a[0] - b[0], (double) bytes));
      }
    });
    grown.sort((x, y) -> Double.compare(y.bytes(), x.bytes()));
    List<Entry> out = new ArrayList<>();
    for (Entry e : grown.subList(0, Math.min(limit, grown.size()))) {
      out.add(new Entry(e.className(), e.instances() / n, e.bytes() / n));
    }
    return out;
  }
}
