package vn.hanoi.cityops.oncall;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The on-call engine of this node, on an event loop of its own: a {@link PagingEngine} pass every
 * {@code oncall.tickMs}, and at once when an alert changes ({@link #wake()}, called by the module's feed listener),
 * one pass at a time (a wake during a pass runs another right after it); and the renewal of the leases on the pages
 * this node is sending, every third of {@code oncall.leaseSeconds}. The alerts' lifecycle never waits for it: it
 * reads what alert/ published and sends on its own loop. On a development node it first installs the default team
 * ({@link DevDefaults}).
 */
public final class EscalationVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(EscalationVerticle.class);

  private final PagingEngine engine;
  private final DevDefaults defaults;
  private final long tickMs;
  private final long renewMs;
  private volatile Context loop;
  private boolean running;
  private boolean again;
  private Instant last;

  EscalationVerticle(PagingEngine engine, DevDefaults defaults, long tickMs, int leaseSeconds) {
    this.engine = engine;
    this.defaults = defaults;
    this.tickMs = tickMs;
    this.renewMs = Math.max(200, leaseSeconds * 1000L / 3);
  }

  @Override
  public Future<?> start() {
    return defaults.install().compose(v -> engine.load()).onSuccess(v -> {
      last = Instant.now();
      loop = context;
      vertx.setPeriodic(tickMs, id -> pass());
      vertx.setPeriodic(renewMs, id -> engine.renewLeases()
          .onFailure(e -> LOG.warn("oncall=renew_failed reason={}", e.getMessage())));
      pass();
    });
  }

  @Override
  public Future<?> stop() {
    loop = null;
    return Future.succeededFuture();
  }

  /** Something changed (an alert, from any node): a pass now, on the engine's loop. Safe from any thread. */
  void wake() {
    Context c = loop;
    if (c != null) {
      c.runOnContext(v -> pass());
    }
  }

  private void pass() {
    if (loop == null) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    Instant now = Instant.now();
    Instant after = last;
    engine.pass(after, now)
        .onSuccess(v -> last = now)
        .onFailure(e -> LOG.warn("oncall=pass_failed reason={}", String.valueOf(e.getMessage())))
        .onComplete(done -> {
          running = false;
          if (again) {
            pass();
          }
        });
  }
}
