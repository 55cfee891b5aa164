package vn.hanoi.cityops.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import vn.hanoi.cityops.failure.Failure;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CSV download written as its rows come ({@link Csv}): {@code text/csv; charset=utf-8}, an attachment named by the
 * caller, the byte order mark and the header in the language asked ({@code ?lang=vi|en}, Vietnamese by default), then
 * the rows. Rows go out in chunks of about {@value #CHUNK} bytes; when the connection's write queue is full the source
 * is paused until it drains, so a slow client holds at most a queue of rows in memory, never the whole result. Start
 * it only once every parameter is checked: after the head is written a failure can only cut the download short.
 */
public final class CsvResponse {
  static final int CHUNK = 16 * 1024;

  private final HttpServerResponse response;
  private final StringBuilder pending = new StringBuilder();
  private long rows;

  private CsvResponse(HttpServerResponse response) {
    this.response = response;
  }

  /** {@code lang}: vi (default) or en; a 400 for anything else. */
  public static String lang(RoutingContext ctx) {
    return QueryParams.choice(ctx, "lang", "vi",
        v -> v.equals("vi") || v.equals("en") ? Optional.of(v) : Optional.empty(), "must be vi or en");
  }

  /** Writes the head and the header record; {@code filename} ends in .csv and is ASCII. */
  public static CsvResponse start(RoutingContext ctx, String filename, List<Csv.Column> columns, String lang) {
    HttpServerResponse response = ctx.response().setStatusCode(200).setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    CsvResponse csv = new CsvResponse(response);
    csv.pending.append(Csv.BOM).append(Csv.header(columns, lang));
    return csv;
  }

  /** Every row of a source that is already at hand (a few hundred at most), then the end. */
  public <T> Future<Void> all(Iterable<T> items, Function<T, List<?>> cells) {
    Promise<Void> done = Promise.promise();
    Iterator<T> it = items.iterator();
    writeSome(it, cells, done);
    return done.future().compose(v -> end());
  }

  private <T> void writeSome(Iterator<T> it, Function<T, List<?>> cells, Promise<Void> done) {
    while (it.hasNext()) {
      add(cells.apply(it.next()));
      if (response.writeQueueFull()) {
        response.drainHandler(v -> writeSome(it, cells, done));
        return;
      }
    }
    done.complete();
  }

  /**
   * Every item of {@code source} as it is read (a database cursor), then the end: the source is paused while the
   * response's write queue is full and resumed when it drains; a client that goes away fails the future (the caller
   * closes the source).
   */
  public <T> Future<Void> pipe(ReadStream<T> source, Function<T, List<?>> cells) {
    Promise<Void> done = Promise.promise();
    response.closeHandler(v -> done.tryFail(new Failure(Failure.Kind.INVALID, "client_gone",
        "the client closed the connection during the download")));
    source.exceptionHandler(done::tryFail);
    source.endHandler(v -> done.tryComplete());
    source.handler(item -> {
      add(cells.apply(item));
      if (response.writeQueueFull()) {
        source.pause();
        response.drainHandler(v -> source.resume());
      }
    });
    return done.future().compose(v -> end());
  }

  /** Rows written so far. */
  public long rows() {
    return rows;
  }

  private void add(List<?> cells) {
    pending.append(Csv.record(cells));
    rows++;
    if (pending.length() >= CHUNK) {
      flush();
    }
  }

  private void flush() {
    if (!pending.isEmpty()) {
      response.write(Buffer.buffer(pending.toString()));
      pending.setLength(0);
    }
  }

  private Future<Void> end() {
    flush();
    return response.end();
  }
}
