package vn.hanoi.cityops.oncall;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.notify.Message;
import vn.hanoi.cityops.notify.Notification;
import vn.hanoi.cityops.notify.Notifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pass of the on-call engine, as every node runs it: bring the outages in step with the open alert groups, work
 * out what is owed ({@link Paging}: due pages, the latest reminder, all-clears, handoffs; nothing for an outage a
 * maintenance window holds, which is recorded instead), claim it in PostgreSQL ({@link Ledger#claim}: a row each, so
 * a message claimed by another node is not sent here), take over the claims of nodes that stopped renewing their
 * lease, and send what this node holds through the {@link Notifier}, each sent page then marked with the
 * notification that carried it. A pass answers once the sends are started: a slow channel delays no other page and
 * no alert. Runs on {@link EscalationVerticle}'s context, one pass at a time.
 */
final class PagingEngine {
  private static final Logger LOG = LoggerFactory.getLogger(PagingEngine.class);

  private final Ledger ledger;
  private final TeamRepository teams;
  private final PolicyRepository policies;
  private final WindowRepository windows;
  private final AckLinks links;
  private final Notifier notifier;
  private final String node;
  private final int leaseSeconds;
  /** Pages this node is sending: their leases are renewed until each is done. */
  private final Set<Long> sending = ConcurrentHashMap.newKeySet();
  private Map<String, SystemName> systems = Map.of();

  PagingEngine(Ledger ledger, TeamRepository teams, PolicyRepository policies, WindowRepository windows, AckLinks links,
               Notifier notifier, String node, int leaseSeconds) {
    this.ledger = ledger;
    this.teams = teams;
    this.policies = policies;
    this.windows = windows;
    this.links = links;
    this.notifier = notifier;
    this.node = node;
    this.leaseSeconds = leaseSeconds;
  }

  /** Reads what does not change while the node runs (the systems' names). */
  Future<Void> load() {
    return ledger.systemNames().map(names -> {
      systems = names;
      return null;
    });
  }

  /** One pass at {@code now}; handoffs in {@code (after, now]}. */
  Future<Void> pass(Instant after, Instant now) {
    return ledger.sync()
        .compose(v -> Future.all(ledger.work(), setup(now)))
        .compose(read -> {
          List<Episode> work = read.resultAt(0);
          Setup setup = read.resultAt(1);
          Map<Long, Episode> byId = new HashMap<>();
          work.forEach(e -> byId.put(e.id(), e));
          return plan(work, setup, after, now)
              .compose(claims -> ledger.claim(claims, node, leaseSeconds))
              .compose(claimed -> allClears(work, now).map(cleared -> concat(claimed, cleared)))
              .compose(claimed -> ledger.takeOver(node, leaseSeconds).map(taken -> concat(claimed, taken)))
              .compose(pages -> dispatch(pages, byId, setup, now));
        });
  }

  /** The pages this node is sending now. */
  List<Long> sending() {
    return List.copyOf(sending);
  }

  /** Keeps this node's claims on the pages it is still sending. */
  Future<Void> renewLeases() {
    return ledger.renew(sending(), node, leaseSeconds);
  }

  private Future<Setup> setup(Instant now) {
    return Future.all(teams.teams(), policies.policies(), teams.rotations(null), windows.windows(now))
        .map(all -> Setup.of(all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3), systems));
  }

  /** What the open outages and the rotations owe by {@code now}; records the holds and releases on the way. */
  private Future<List<Ledger.Claim>> plan(List<Episode> work, Setup setup, Instant after, Instant now) {
    List<Ledger.Claim> claims = new ArrayList<>();
    List<Future<Void>> writes = new ArrayList<>();
    List<Long> released = new ArrayList<>();
    for (Episode e : work) {
      if (!e.open() || !(e.climbing() || e.owned())) {
        continue;
      }
      Optional<Paging.Roster> roster = setup.roster(e.teamId());
      if (roster.isEmpty()) {
        continue;
      }
      Optional<Setup.Held> held = setup.holding(e.system(), now);
      if (held.isPresent()) {
        writes.add(ledger.hold(e.id(), held.get().window(), held.get().occurrence()));
        continue;
      }
      if (e.escalationFrom().isAfter(now)) {
        released.add(e.id());
        continue;
      }
      Paging.due(roster.get(), e.escalation(), e.acknowledgedBy(), now)
          .forEach(intent -> claims.add(new Ledger.Claim(e.id(), null, intent)));
    }
    for (TeamRotation r : setup.rotations()) {
      Paging.handoffs(r.rotation(), after, now).forEach(intent -> claims.add(new Ledger.Claim(null, r.id(), intent)));
    }
    writes.add(ledger.release(released));
    return Future.all(writes).map(claims);
  }

  /** The all-clears of the outages that ended resolved: one to everyone paged in them (or in those merged into them). */
  private Future<List<Page>> allClears(List<Episode> work, Instant now) {
    Future<List<Page>> chain = Future.succeededFuture(new ArrayList<>());
    for (Episode e : work) {
      if (e.open() || e.allClearDone()) {
        continue;
      }
      chain = chain.compose(pages -> ledger.paged(e.id())
          .compose(people -> ledger.claim(Paging.allClear(people, e.closedAt()).stream()
              .map(intent -> new Ledger.Claim(e.id(), null, intent)).toList(), node, leaseSeconds))
          .compose(claimed -> ledger.allClearDone(e.id()).map(v -> {
            pages.addAll(claimed);
            return pages;
          })));
    }
    return chain;
  }

  /** Starts sending every page this node holds (reading the outages of pages taken over that this pass did not). */
  private Future<Void> dispatch(List<Page> pages, Map<Long, Episode> byId, Setup setup, Instant now) {
    if (pages.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Long> missing = pages.stream().map(Page::episodeId).filter(id -> id != null && !byId.containsKey(id))
        .distinct().toList();
    Future<Void> read = missing.isEmpty() ? Future.succeededFuture()
        : ledger.episodes(missing).map(found -> {
          found.forEach(e -> byId.put(e.id(), e));
          return null;
        });
    return read.map(v -> {
      for (Page p : pages) {
        send(p, p.episodeId() == null ? null : byId.get(p.episodeId()), setup, now);
      }
      return null;
    });
  }

  private void send(Page page, Episode episode, Setup setup, Instant now) {
    sending.add(page.id());
    message(page, episode, setup, now)
        .compose(message -> message.isEmpty()
            ? finish(page, Page.CANCELLED, null)
            : notifier.notify(page.username(), message.get(), page.ref()).compose(n -> finish(page,
                n.status() == Notification.Status.SENT ? Page.SENT : Page.FAILED, n.id())))
        .onComplete(done -> {
          sending.remove(page.id());
          if (done.failed()) {
            // the lease runs out and a node (maybe this one) takes the page over
            LOG.warn("oncall=send_failed page={} reason={}", page.id(), done.cause().getMessage());
          }
        });
  }

  private Future<Void> finish(Page page, String state, Long notification) {
    return ledger.finish(page.id(), node, state, notification).map(mine -> {
      LOG.info("oncall=page id={} kind={} episode={} round={} step={} username={} state={} notification={} takeovers={}{}",
          page.id(), page.kind().code(), page.episodeId(), page.round(), page.step(), page.username(), state,
          notification, page.takeovers(), mine ? "" : " (taken over meanwhile)");
      return null;
    });
  }

  /** What the page says; empty when it is no longer owed (the outage was acknowledged or is over, the rotation gone). */
  private Future<Optional<Message>> message(Page page, Episode e, Setup setup, Instant now) {
    return switch (page.kind()) {
      case PAGE -> e == null || !e.climbing() ? Future.succeededFuture(Optional.empty())
          : links.issue(e.id(), page.id(), page.username()).map(token -> Optional.of(page(page, e, setup, token)));
      case REMINDER -> Future.succeededFuture(e == null || !e.owned() ? Optional.empty()
          : Optional.of(PageText.reminder(outage(e, setup), e.acknowledgedAt(), now)));
      case ALL_CLEAR -> Future.succeededFuture(e == null ? Optional.empty()
          : Optional.of(PageText.allClear(outage(e, setup), e.closedAt() == null ? now : e.closedAt())));
      case HANDOFF -> handoff(page, setup);
    };
  }

  private Message page(Page page, Episode e, Setup setup, String token) {
    Optional<Team> team = setup.team(e.teamId());
    Escalation.Target target = setup.roster(e.teamId()).map(Paging.Roster::policy)
        .filter(p -> page.step() < p.steps().size()).map(p -> p.steps().get(page.step()).target())
        .orElse(Escalation.Target.PRIMARY);
    return PageText.page(outage(e, setup), target, page.round(), team.map(Team::nameVi).orElse("?"),
        team.map(Team::nameEn).orElse("?"), "/ack.html?t=" + token, links.minutes());
  }

  private Future<Optional<Message>> handoff(Page page, Setup setup) {
    Optional<TeamRotation> rotation = setup.rotation(page.rotationId());
    Optional<Team> team = rotation.flatMap(r -> setup.team(r.teamId()));
    if (rotation.isEmpty() || team.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    Rotation r = rotation.get().rotation();
    String outgoing = r.at(page.dueAt().minusNanos(1)).map(Rotation.Shift::username).orElse("?");
    String incoming = r.at(page.dueAt()).map(Rotation.Shift::username).orElse("?");
    PageText.Handoff h = new PageText.Handoff(team.get().nameVi(), team.get().nameEn(),
        rotation.get().layer().code(), outgoing, incoming, page.dueAt());
    return ledger.openAlertsOf(team.get().id())
        .map(open -> Optional.of(PageText.handoff(h, page.step() == Paging.INCOMING, open)));
  }

  private PageText.Outage outage(Episode e, Setup setup) {
    SystemName system = setup.system(e.system());
    int alerts = (int) Math.max(1, e.open() ? e.openCount() : e.alertIds().size());
    return new PageText.Outage(e.groupKey(), e.system(), system.nameVi(), system.nameEn(), e.titleVi(), e.titleEn(),
        e.severity(), alerts, e.openedAt(), e.leadAlertId());
  }

  private static List<Page> concat(List<Page> a, List<Page> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<Page> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
