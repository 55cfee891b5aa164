package vn.hanoi.cityops.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import vn.hanoi.cityops.city.ReferenceData;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ceiling: PostgreSQL's own insert rate for the same kind of rows, without the node. Each loader runs
 * {@code threads} connections in parallel, each committing one chunk at a time, first a short warm-up
 * (rows made on the fly, to learn the rate), then the measured window with chunks made beforehand.
 * A chunk counts when its commit returns inside the window.
 */
final class PlainLoaders {
  static final String COLUMNS = "source, event_id, type, occurred_at, system_code, agency_code, district_code, status, channel, payload";

  /** One way of writing a chunk of rows, on one connection. */
  interface Writer extends AutoCloseable {
    /** Prepares a chunk off the clock: rows {@code prefix + n}. */
    Object prepare(EventFactory factory, String prefix, long[] counter, int rows);

    void write(Object chunk) throws Exception;

    @Override
    void close() throws SQLException;
  }

  interface WriterFactory {
    Writer open(Connection conn) throws SQLException;
  }

  /** {@code rows} committed inside the window; {@code rowsAll} also those committed after it (for CPU per row). */
  record Result(String name, String how, int threads, int chunkRows, double seconds, long rows, long rowsAll, long chunks,
                long[] sortedChunkLatencies, boolean pregeneratedAll, CpuSampler.Usage cpu) {
    double rowsPerSecond() {
      return rows / seconds;
    }
  }

  private final String url;
  private final ReferenceData reference;
  private final long pregenBytes;

  PlainLoaders(String url, ReferenceData reference, long pregenBytes) {
    this.url = url;
    this.reference = reference;
    this.pregenBytes = pregenBytes;
  }

  /** {@code COPY event (...) FROM STDIN}, text format, via the driver's CopyManager. */
  static WriterFactory copy(String source) {
    return conn -> new Writer() {
      final CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
      final String sql = "COPY event (" + COLUMNS + ") FROM STDIN";

      @Override
      public Object prepare(EventFactory factory, String prefix, long[] counter, int rows) {
        StringBuilder sb = new StringBuilder(rows * 560);
        for (int i = 0; i < rows; i++) {
          EventFactory.Event e = factory.event(prefix + (counter[0]++));
          sb.append(source).append('\t');
          sb.append(e.id()).append('\t').append(e.type()).append('\t').append(e.occurredAt()).append('\t');
          field(sb, e.system());
          field(sb, e.agency());
          field(sb, e.district());
          sb.append(e.status()).append('\t');
          field(sb, e.channel());
          escape(sb, e.json());
          sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public void write(Object chunk) throws SQLException {
        byte[] bytes = (byte[]) chunk;
        CopyIn in = copy.copyIn(sql);
        in.writeToCopy(bytes, 0, bytes.length);
        in.endCopy();
        conn.commit();
      }

      @Override
      public void close() {
      }
    };
  }

  /** Plain {@code INSERT ... VALUES} statements sent as one JDBC batch, committed per batch. */
  static WriterFactory jdbcBatch(String source) {
    return conn -> new Writer() {
      final PreparedStatement insert = conn.prepareStatement("INSERT INTO event (" + COLUMNS
          + ") VALUES (?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?::jsonb)");

      @Override
      public Object prepare(EventFactory factory, String prefix, long[] counter, int rows) {
        EventFactory.Event[] events = new EventFactory.Event[rows];
        for (int i = 0; i < rows; i++) {
          events[i] = factory.event(prefix + (counter[0]++));
        }
        return events;
      }

      @Override
      public void write(Object chunk) throws SQLException {
        for (EventFactory.Event e : (EventFactory.Event[]) chunk) {
          insert.setString(1, source);
          insert.setString(2, e.id());
          insert.setString(3, e.type());
          insert.setString(4, e.occurredAt());
          nullable(insert, 5, e.system());
          nullable(insert, 6, e.agency());
          nullable(insert, 7, e.district());
          insert.setString(8, e.status());
          nullable(insert, 9, e.channel());
          insert.setString(10, e.json());
          insert.addBatch();
        }
        insert.executeBatch();
        conn.commit();
      }

      @Override
      public void close() throws SQLException {
        insert.close();
      }
    };
  }

  /**
   * The node's own statement ({@code sql/insert-events.sql}: events plus current-state tables), sent over
   * JDBC without HTTP, validation or the node's batching: what the database costs on the node's path.
   */
  static WriterFactory nodeStatement(String source, String nodeSql) {
    String sql = nodeSql.replaceAll("\\$\\d+", "?");
    return conn -> new Writer() {
      final PreparedStatement statement = conn.prepareStatement(sql);

      @Override
      public Object prepare(EventFactory factory, String prefix, long[] counter, int rows) {
        EventFactory.Event[] events = new EventFactory.Event[rows];
        for (int i = 0; i < rows; i++) {
          events[i] = factory.event(prefix + (counter[0]++));
        }
        return events;
      }

      @Override
      public void write(Object chunk) throws SQLException {
        EventFactory.Event[] events = (EventFactory.Event[]) chunk;
        int n = events.length;
        String[][] cols = new String[10][n];
        for (int i = 0; i < n; i++) {
          EventFactory.Event e = events[i];
          cols[0][i] = source;
          cols[1][i] = e.id();
          cols[2][i] = e.type();
          cols[3][i] = e.occurredAt();
          cols[4][i] = e.system();
          cols[5][i] = e.agency();
          cols[6][i] = e.district();
          cols[7][i] = e.status();
          cols[8][i] = e.channel();
          cols[9][i] = e.json();
        }
        List<Array> arrays = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
          Array a = conn.createArrayOf("text", cols[c]);
          arrays.add(a);
          statement.setArray(c + 1, a);
        }
        long stored = 0;
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            stored++;
          }
        }
        conn.commit();
        if (stored != n) {
          throw new SQLException("node statement stored " + stored + " of " + n + " rows");
        }
      }

      @Override
      public void close() throws SQLException {
        statement.close();
      }
    };
  }

  /** {@code cpu} is sampled from the start of the measured window until every connection is done writing. */
  Result run(String name, String how, WriterFactory kind, String idPrefix, int threads, int chunkRows,
             double warmupSeconds, double seconds, long seed, CpuSampler cpu) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "bench-loader-" + name);
      t.setDaemon(true);
      return t;
    });
    CyclicBarrier measuredStart = new CyclicBarrier(threads);
    long[] windowStart = new long[1];
    CpuSampler.Snapshot[] cpuStart = new CpuSampler.Snapshot[1];
    // taken by the last connection to finish, before any connection closes: a backend that exits while
    // /proc is being read could be missed
    CpuSampler.Snapshot[] cpuEnd = new CpuSampler.Snapshot[1];
    AtomicInteger running = new AtomicInteger(threads);
    try {
      List<Future<long[]>> parts = new ArrayList<>();
      List<Latencies> latencies = new ArrayList<>();
      boolean[] pregeneratedAll = new boolean[threads];
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Latencies lat = new Latencies();
        latencies.add(lat);
        parts.add(pool.submit(() -> {
          EventFactory factory = new EventFactory(reference, seed + thread);
          String prefix = idPrefix + thread + "-";
          long[] counter = {0};
          try (Connection conn = DriverManager.getConnection(url, "postgres", "");
               Writer writer = kind.open(configure(conn))) {
            // warm-up: rows made on the fly, to learn this thread's rate
            long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long warmRows = 0;
            long warmStart = System.nanoTime();
            while (System.nanoTime() < warmEnd) {
              writer.write(writer.prepare(factory, prefix, counter, chunkRows));
              warmRows += chunkRows;
            }
            double rate = warmRows / ((System.nanoTime() - warmStart) / 1e9);
            // the measured window's chunks, made beforehand (bounded by the memory budget)
            long wantedChunks = (long) Math.ceil(rate * seconds * 1.5 / chunkRows) + 4;
            long maxChunks = Math.max(4, pregenBytes / threads / (chunkRows * 600L));
            int count = (int) Math.min(wantedChunks, maxChunks);
            pregeneratedAll[thread] = count >= wantedChunks;
            List<Object> chunks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
              chunks.add(writer.prepare(factory, prefix, counter, chunkRows));
            }
            measuredStart.await(60, TimeUnit.SECONDS);
            synchronized (windowStart) {
              if (windowStart[0] == 0) {
                cpuStart[0] = cpu.snapshot();
                windowStart[0] = System.nanoTime();
              }
            }
            long start = windowStart[0];
            long end = start + (long) (seconds * 1e9);
            long rows = 0;
            long rowsAll = 0;
            long done = 0;
            int next = 0;
            while (System.nanoTime() < end) {
              Object chunk = next < chunks.size() ? chunks.set(next++, null) : writer.prepare(factory, prefix, counter, chunkRows);
              long t0 = System.nanoTime();
              writer.write(chunk);
              long t1 = System.nanoTime();
              rowsAll += chunkRows;
              if (t1 <= end) {
                rows += chunkRows;
                done++;
                lat.add(t1 - t0);
              }
            }
            if (running.decrementAndGet() == 0) {
              cpuEnd[0] = cpu.snapshot();
            }
            return new long[]{rows, done, rowsAll};
          }
        }));
      }
      long rows = 0;
      long rowsAll = 0;
      long chunks = 0;
      for (Future<long[]> f : parts) {
        long[] r = f.get((long) (warmupSeconds + seconds + 180), TimeUnit.SECONDS);
        rows += r[0];
        chunks += r[1];
        rowsAll += r[2];
      }
      CpuSampler.Usage usage = cpu.between(cpuStart[0], cpuEnd[0]);
      Latencies all = new Latencies();
      for (Latencies l : latencies) {
        for (long v : l.sorted()) {
          all.add(v);
        }
      }
      boolean allPre = true;
      for (boolean b : pregeneratedAll) {
        allPre &= b;
      }
      return new Result(name, how, threads, chunkRows, seconds, rows, rowsAll, chunks, all.sorted(), allPre, usage);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Connection configure(Connection conn) throws SQLException {
    conn.setAutoCommit(false);
    return conn;
  }

  private static void field(StringBuilder sb, String value) {
    if (value == null) {
      sb.append("\\N");
    } else {
      escape(sb, value);
    }
    sb.append('\t');
  }

  /** COPY text format: backslash, tab, newline and carriage return are escaped. */
  private static void escape(StringBuilder sb, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
  }

  private static void nullable(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }
}
