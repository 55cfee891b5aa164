package vn.hanoi.cityops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went during a window, from {@code /proc} and the JVM's thread CPU clocks: the whole JVM
 * (node + load generator + GC/JIT), the load generator's event loop, the node's event loops, the
 * PostgreSQL server (postmaster and its children) and the machine's idle time.
 */
final class CpuSampler {
  /** CPU used in a window, in cores (CPU seconds per wall second). */
  record Usage(double wallSeconds, double jvm, double loadGenerator, double nodeEventLoops, double otherJavaThreads,
               double jvmNative, double postgres, double machineBusy, double machineIdle, int cpus) {
  }

  record Snapshot(long wallNanos, long jvmNanos, Map<Long, Long> threadNanos, long postgresTicks, long[] machineTicks) {
  }

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: 100 on Linux x86-64

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Path postmasterPidFile;
  private final long loadGeneratorThread;

  CpuSampler(Path pgDataDir, long loadGeneratorThreadId) {
    this.postmasterPidFile = pgDataDir.resolve("postmaster.pid");
    this.loadGeneratorThread = loadGeneratorThreadId;
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  Snapshot snapshot() {
    Map<Long, Long> perThread = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long t = threads.getThreadCpuTime(id);
      if (t >= 0) {
        perThread.put(id, t);
      }
    }
    return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), perThread, postgresTicks(), machineTicks());
  }

  Usage between(Snapshot a, Snapshot b) {
    double wall = (b.wallNanos() - a.wallNanos()) / 1e9;
    double jvm = (b.jvmNanos() - a.jvmNanos()) / 1e9 / wall;
    double loadGen = 0;
    double nodeLoops = 0;
    double otherJava = 0;
    Map<Long, String> names = new HashMap<>();
    for (var info : threads.getThreadInfo(b.threadNanos().keySet().stream().mapToLong(Long::longValue).toArray())) {
      if (info != null) {
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    for (var e : b.threadNanos().entrySet()) {
      double used = (e.getValue() - a.threadNanos().getOrDefault(e.getKey(), 0L)) / 1e9 / wall;
      String name = names.getOrDefault(e.getKey(), "");
      if (e.getKey() == loadGeneratorThread) {
        loadGen += used;
      } else if (name.startsWith("vert.x-eventloop-thread")) {
        nodeLoops += used;
      } else {
        otherJava += used;
      }
    }
    double jvmNative = Math.max(0, jvm - loadGen - nodeLoops - otherJava);
    double pg = (b.postgresTicks() - a.postgresTicks()) / TICKS_PER_SECOND / wall;
    long[] ma = a.machineTicks();
    long[] mb = b.machineTicks();
    double busy = Double.NaN;
    double idle = Double.NaN;
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
    return new Usage(wall, jvm, loadGen, nodeLoops, otherJava, jvmNative, pg, busy, idle,
        Runtime.getRuntime().availableProcessors());
  }

  /**
   * utime + stime of the postmaster and its live children (backends, WAL writer, checkpointer, ...), plus the
   * postmaster's cutime + cstime: what its children that already ended (autovacuum workers, closed
   * backends) used. So the total only grows, whatever processes come and go during a window.
   */
  private long postgresTicks() {
    return postgresTicks(postmasterPidFile);
  }

  /** As {@link #postgresTicks()}, for the server whose {@code postmaster.pid} is {@code pidFile}; 0 when unreadable. */
  static long postgresTicks(Path pidFile) {
    long postmaster;
    try {
      postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    long sum = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          // after "pid (comm) ": f[0]=state f[1]=ppid ... f[11]=utime f[12]=stime f[13]=cutime f[14]=cstime
          long pid = Long.parseLong(name);
          long ppid = Long.parseLong(f[1]);
          if (pid == postmaster || ppid == postmaster) {
            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
          if (pid == postmaster) {
            sum += Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime
          }
        } catch (IOException | RuntimeException ignored) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return sum;
  }

  /** The first line of /proc/stat: user nice system idle iowait irq softirq steal ... */
  static long[] machineTicks() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      String[] f = lines.get(0).trim().split("\\s+");
      long[] ticks = new long[Math.min(8, f.length - 1)];
      for (int i = 0; i < ticks.length; i++) {
        ticks[i] = Long.parseLong(f[i + 1]);
      }
      return ticks;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
