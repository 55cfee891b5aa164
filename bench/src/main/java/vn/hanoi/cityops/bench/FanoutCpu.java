package vn.hanoi.cityops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the CPU went during a fan-out window: this JVM (node + bare server) split into the node's event
 * loops, the bare server's event loops, its other Java threads and what no Java thread accounts for (GC,
 * JIT, VM threads); the clients' JVM (a child process); PostgreSQL; the rest of the machine and its idle
 * time. Plus this JVM's collections and its busiest threads.
 */
final class FanoutCpu {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ

  record Snapshot(long wallNanos, long jvmNanos, Map<Long, Long> threadNanos, long clientTicks, long postgresTicks,
                  long[] machineTicks, long[] gc, Map<Long, Long> otherProcessTicks, Map<Long, Long> allocated) {
  }

  record Usage(double wallSeconds, double jvm, double nodeLoops, double bareLoops, double otherJavaThreads,
               double jvmNative, double clients, double postgres, double machineBusy, double machineIdle, long gcCount,
               long gcMillis, List<Map.Entry<String, Double>> topThreads, List<Map.Entry<String, Double>> otherProcesses,
               double otherProcessesSeen, double nodeAllocatedPerSecond, double bareAllocatedPerSecond,
               double allAllocatedPerSecond) {
    double others() {
      return Math.max(0, machineBusy - jvm - clients - postgres);
    }
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Path postmasterPidFile;
  private final long clientPid;
  private final Set<Long> bareThreads;

  FanoutCpu(Path pgDataDir, long clientPid, Set<Long> bareThreads) {
    this.postmasterPidFile = pgDataDir.resolve("postmaster.pid");
    this.clientPid = clientPid;
    this.bareThreads = bareThreads;
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  Snapshot snapshot() {
    Map<Long, Long> perThread = new HashMap<>();
    Map<Long, Long> allocated = new HashMap<>();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = allocation.isThreadAllocatedMemorySupported() ? allocation.getThreadAllocatedBytes(ids) : null;
    for (int i = 0; i < ids.length; i++) {
      long t = threads.getThreadCpuTime(ids[i]);
      if (t >= 0) {
        perThread.put(ids[i], t);
      }
      if (bytes != null && bytes[i] >= 0) {
        allocated.put(ids[i], bytes[i]);
      }
    }
    return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), perThread, processTicks(clientPid),
        CpuSampler.postgresTicks(postmasterPidFile), CpuSampler.machineTicks(), FanoutClients.gc(), otherProcesses(), allocated);
  }

  Usage between(Snapshot a, Snapshot b) {
    double wall = (b.wallNanos() - a.wallNanos()) / 1e9;
    double jvm = (b.jvmNanos() - a.jvmNanos()) / 1e9 / wall;
    Map<Long, String> names = new HashMap<>();
    for (var info : threads.getThreadInfo(b.threadNanos().keySet().stream().mapToLong(Long::longValue).toArray())) {
      if (info != null) {
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    double node = 0;
    double bare = 0;
    double other = 0;
    Map<String, Double> byThread = new HashMap<>();
    for (var e : b.threadNanos().entrySet()) {
      double used = (e.getValue() - a.threadNanos().getOrDefault(e.getKey(), 0L)) / 1e9 / wall;
      String name = names.getOrDefault(e.getKey(), "?");
      if (bareThreads.contains(e.getKey())) {
        bare += used;
        name = "bare: " + name;
      } else if (name.startsWith("vert.x-eventloop-thread")) {
        node += used;
        name = "node: " + name;
      } else {
        other += used;
      }
      byThread.merge(name, used, Double::sum);
    }
    double nodeAlloc = 0;
    double bareAlloc = 0;
    double allAlloc = 0;
    for (var e : b.allocated().entrySet()) {
      double used = (e.getValue() - a.allocated().getOrDefault(e.getKey(), 0L)) / wall;
      allAlloc += used;
      if (bareThreads.contains(e.getKey())) {
        bareAlloc += used;
      } else if (names.getOrDefault(e.getKey(), "").startsWith("vert.x-eventloop-thread")) {
        nodeAlloc += used;
      }
    }
    List<Map.Entry<String, Double>> top = new ArrayList<>(byThread.entrySet());
    top.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
    double jvmNative = Math.max(0, jvm - node - bare - other);
    double clients = (b.clientTicks() - a.clientTicks()) / TICKS_PER_SECOND / wall;
    double pg = (b.postgresTicks() - a.postgresTicks()) / TICKS_PER_SECOND / wall;
    double busy = Double.NaN;
    double idle = Double.NaN;
    long[] ma = a.machineTicks();
    long[] mb = b.machineTicks();
    if (ma != null && mb != null) {
      long total = 0;
      for (int i = 0; i < mb.length && i < ma.length; i++) {
        total += mb[i] - ma[i];
      }
      long idleTicks = (mb[3] - ma[3]) + (mb.length > 4 ? mb[4] - ma[4] : 0);
      int cpus = Runtime.getRuntime().availableProcessors();
      idle = total == 0 ? Double.NaN : (double) idleTicks / total * cpus;
      busy = total == 0 ? Double.NaN : (double) (total - idleTicks) / total * cpus;
    }
    List<Map.Entry<String, Double>> others = new ArrayList<>();
    double seen = 0;
    for (var e : b.otherProcessTicks().entrySet()) {
      double used = (e.getValue() - a.otherProcessTicks().getOrDefault(e.getKey(), 0L)) / TICKS_PER_SECOND / wall;
      seen += used;
      if (used >= 0.01) {
        others.add(Map.entry(e.getKey() + " " + commandLine(e.getKey()), used));
      }
    }
    others.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
    return new Usage(wall, jvm, node, bare, other, jvmNative, clients, pg, busy, idle, b.gc()[0] - a.gc()[0],
        b.gc()[1] - a.gc()[1], top.subList(0, Math.min(8, top.size())), others.subList(0, Math.min(4, others.size())), seen,
        nodeAlloc, bareAlloc, allAlloc);
  }

  /** CPU ticks of every process but this JVM, the clients' JVM and PostgreSQL (other people's work). */
  private Map<Long, Long> otherProcesses() {
    Map<Long, Long> ticks = new HashMap<>();
    long self = ProcessHandle.current().pid();
    long postmaster = -1;
    try {
      postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).trim());
    } catch (IOException | RuntimeException ignored) {
      // not running
    }
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        try {
          long pid = Long.parseLong(name);
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ppid = Long.parseLong(f[1]);
          if (pid == self || pid == clientPid || pid == postmaster || ppid == postmaster) {
            continue;
          }
          ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException ignored) {
          // ended meanwhile
        }
      }
    } catch (IOException e) {
      return ticks;
    }
    return ticks;
  }

  /** A process's command line, shortened (java: its main class or jar and first arguments). */
  private static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
      String[] args = new String(raw, java.nio.charset.StandardCharsets.UTF_8).split("\u0000");
      if (args.length == 0 || args[0].isEmpty()) {
        return "[" + Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim() + "]";
      }
      StringBuilder sb = new StringBuilder(Path.of(args[0]).getFileName().toString());
      boolean java = sb.toString().equals("java");
      for (int i = 1; i < args.length && sb.length() < 110; i++) {
        String a = args[i];
        if (java && (a.startsWith("-") || a.contains(".jar:") || a.length() > 80)) {
          continue; // JVM options and class paths say little
        }
        sb.append(' ').append(a);
      }
      String out = sb.toString();
      return out.length() > 120 ? out.substring(0, 120) + "…" : out;
    } catch (IOException | RuntimeException e) {
      return "(ended)";
    }
  }

  /** utime + stime of a process, in ticks; 0 when it cannot be read. */
  static long processTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
