package vn.hanoi.cityops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What every benchmark here needs: free ports, scratch directories, pauses, a log line, flags. */
final class BenchSupport {
  private BenchSupport() {
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException e) {
      log("could not delete " + dir + ": " + e.getMessage());
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void log(String line) {
    System.err.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
  }

  /** {@code --name value}, {@code --name=value}, bare {@code --flag}, and repeated {@code --set key=value}. */
  record Flags(Map<String, String> values, Map<String, Object> sets) {
    static Flags parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, Object> sets = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument " + a);
        }
        String name = a.substring(2);
        String value;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          value = args[++i];
        } else {
          value = "true";
        }
        if (name.equals("set")) {
          int e = value.indexOf('=');
          if (e <= 0) {
            throw new IllegalArgumentException("--set takes key=value, got " + value);
          }
          sets.put(value.substring(0, e), value.substring(e + 1));
        } else {
          values.put(name, value);
        }
      }
      return new Flags(values, sets);
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    String string(String name, String def) {
      return values.getOrDefault(name, def);
    }

    double number(String name, double def) {
      return values.containsKey(name) ? Double.parseDouble(values.get(name)) : def;
    }

    List<Integer> ints(String name, List<Integer> def) {
      if (!values.containsKey(name)) {
        return def;
      }
      List<Integer> out = new ArrayList<>();
      for (String s : values.get(name).split(",")) {
        out.add(Integer.parseInt(s.trim()));
      }
      return out;
    }
  }

  static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String memory() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines.filter(l -> l.startsWith("MemTotal")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String command(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
      }
    } catch (Exception e) {
      return "unavailable (" + e.getMessage() + ")";
    }
  }
}
