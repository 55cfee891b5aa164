package vn.hanoi.cityops.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.Addresses;
import vn.hanoi.cityops.alert.AlertEvaluator;
import vn.hanoi.cityops.alert.AlertsTopic;
import vn.hanoi.cityops.app.NodeContext;
import vn.hanoi.cityops.dossier.DossierTopics;
import vn.hanoi.cityops.feedback.FeedbackTopics;
import vn.hanoi.cityops.health.StatusChangeRepair;
import vn.hanoi.cityops.meeting.MeetingRepository;
import vn.hanoi.cityops.meeting.MeetingTopics;
import vn.hanoi.cityops.meeting.Panels;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the live topics of this node: reads new events from PostgreSQL (the truth) whenever the
 * clustered bus says some were accepted — on any node — and at least every {@link #SAFETY_POLL_MS}
 * in case a bus message was lost, then hands them to each aggregate, one frame at a time.
 * <p>The feed and the {@code systems} topic read through connections of their own, made on this verticle's
 * event loop: the node's pool makes each connection on the event loop that first needed it, mostly the HTTP
 * loops, so a feed query often waited for its connection's loop to finish writing a delta to thousands of
 * sockets before its answer was even read.
 */
public final class FeedVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(FeedVerticle.class);
  /** Updates are batched per frame: a storm of events becomes a steady stream of compact deltas. */
  static final long FRAME_MS = 100;
  static final long SAFETY_POLL_MS = 1_000;

  /** The feed's poll and the systems read run one after the other. */
  private static final int FEED_CONNECTIONS = 2;

  private final NodeContext node;
  private Pool feedPool;
  private EventFeed feed;
  private List<FeedListener> listeners;
  private boolean polling;
  private boolean again;
  private long lastPoll;

  public FeedVerticle(NodeContext node) {
    this.node = node;
  }

  @Override
  public Future<?> start() {
    Connections hub = Connections.onNode(vertx, node.meters());
    int timeoutMs = node.config().pgTimeoutMs();
    feedPool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(FEED_CONNECTIONS)
            .setConnectionTimeout(timeoutMs).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
        .with(new NetClientOptions().setConnectTimeout(timeoutMs))
        .connectingTo(node.database().connectOptions())
        .using(vertx)
        .build();
    feed = new EventFeed(feedPool);
    listeners = List.of(new SystemsTopic(feedPool, hub),
        new StatusChangeRepair(node.database().pool()),
        new DossierTopics(node.database().pool(), node.reference(), hub),
        new FeedbackTopics(node.database().pool(), hub),
        new AlertEvaluator(vertx, node.nodeId(), node.database().pool(), node.config().alertsSweepMs()),
        new AlertsTopic(node.database().pool(), hub),
        new MeetingTopics(new MeetingRepository(node.database().pool()),
            new Panels(node.database().pool(), node.reference()), hub, node.guard().access()));
    return feed.start()
        .compose(ordinal -> Future.all(listeners.stream().map(l -> l.load(ordinal)).toList()))
        .onSuccess(v -> {
          vertx.eventBus().consumer(Addresses.INGEST_ACCEPTED, msg -> wake());
          vertx.setPeriodic(SAFETY_POLL_MS, id -> wake());
        });
  }

  @Override
  public Future<?> stop() {
    return feedPool == null ? Future.succeededFuture() : feedPool.close();
  }

  /** Polls now, or at the end of the current frame if one is under way. */
  private void wake() {
    if (polling) {
      again = true;
      return;
    }
    long wait = FRAME_MS - (System.currentTimeMillis() - lastPoll);
    polling = true;
    if (wait > 0) {
      vertx.setTimer(wait, id -> poll());
    } else {
      poll();
    }
  }

  private void poll() {
    lastPoll = System.currentTimeMillis();
    again = false;
    feed.poll()
        // Listeners hear every poll, even an empty one, so a change they held back to pace themselves
        // still goes out when the stream goes quiet.
        .compose(events -> Future.all(listeners.stream().map(l -> l.onEvents(events)).toList()).mapEmpty())
        .onFailure(e -> LOG.warn("feed=poll_failed reason={}", e.getMessage()))
        .onComplete(done -> {
          polling = false;
          if (again) {
            wake();
          }
        });
  }
}
