package vn.hanoi.cityops.notify;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import vn.hanoi.cityops.support.Api;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real local HTTP server standing in for what the channels call — the Telegram Bot API, Zalo's OA API, an SMS
 * gateway, a push service — on a Vert.x of its own (the far side of the wire). Records every request; answers a
 * path with its scripted replies in order, then {@code 200 {"ok":true,"error":0,"result":{}}} (what Telegram and
 * Zalo say on success), or never answers ({@link Reply#silence()}).
 */
final class StandIn implements AutoCloseable {
  /** A request as it arrived. */
  record Request(String method, String path, MultiMap params, MultiMap headers, Buffer body, long atMillis) {
    JsonObject json() {
      return body.toJsonObject();
    }

    String header(String name) {
      return headers.get(name);
    }
  }

  /** An answer, or none. */
  record Reply(int status, String body, boolean silent) {
    static Reply of(int status, String body) {
      return new Reply(status, body, false);
    }

    static Reply of(int status) {
      return new Reply(status, "", false);
    }

    static Reply silence() {
      return new Reply(0, null, true);
    }
  }

  private static final Reply OK = Reply.of(200, "{\"ok\":true,\"error\":0,\"message\":\"Success\",\"result\":{}}");

  private final Vertx vertx;
  private final HttpServer server;
  private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
  private final List<Request> received = new CopyOnWriteArrayList<>();

  private StandIn(Vertx vertx) {
    this.vertx = vertx;
    this.server = Api.await(vertx.createHttpServer().requestHandler(this::answer).listen(0, "127.0.0.1"));
  }

  static StandIn start() {
    return new StandIn(Vertx.vertx());
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next requests to {@code path} get these replies, in order. */
  void script(String path, Reply... replies) {
    Deque<Reply> queue = scripts.computeIfAbsent(path, p -> new ArrayDeque<>());
    synchronized (queue) {
      queue.addAll(List.of(replies));
    }
  }

  List<Request> requests(String path, Predicate<Request> which) {
    return received.stream().filter(r -> r.path().equals(path) && which.test(r)).toList();
  }

  /** Waits (10 s at most) until {@code count} requests to {@code path} match {@code which}; answers them. */
  List<Request> await(String path, Predicate<Request> which, int count) {
    return Wait.until(Duration.ofSeconds(10), () -> requests(path, which), found -> found.size() >= count,
        count + " requests to " + path);
  }

  private void answer(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      received.add(new Request(req.method().name(), req.path(), MultiMap.caseInsensitiveMultiMap().addAll(req.params()),
          MultiMap.caseInsensitiveMultiMap().addAll(req.headers()), body, System.currentTimeMillis()));
      Reply reply = next(req.path());
      if (!reply.silent()) {
        req.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.body());
      }
    });
  }

  private Reply next(String path) {
    Deque<Reply> queue = scripts.get(path);
    if (queue == null) {
      return OK;
    }
    synchronized (queue) {
      return queue.isEmpty() ? OK : queue.poll();
    }
  }

  @Override
  public void close() {
    Api.await(vertx.close());
  }
}
