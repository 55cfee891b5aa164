package vn.hanoi.cityops.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Heartbeats of the city systems: each reports every five seconds, staggered so they do not all arrive in
 * the same tick. Between heartbeats a system may enter a degraded or down episode of 20 to 120 seconds; the
 * online public-service portal, which the press says "often hangs", does so several times more often than
 * the others, and the network and data center rarely.
 */
final class SystemHealthModel {
  static final Duration PERIOD = Duration.ofSeconds(5);
  static final String ONLINE_PORTAL = "DVC-PORTAL";

  /** Mean time between episodes, in seconds. */
  private static final double USUAL_GAP = 30 * 60;
  private static final Map<String, Double> GAPS = Map.of(ONLINE_PORTAL, 4.0 * 60, "WAN", 4.0 * 3600, "DATACENTER", 4.0 * 3600);
  private static final double DOWN_SHARE = 0.35;
  private static final List<String> DEGRADED = List.of("Hệ thống phản hồi chậm", "Thời gian phản hồi vượt ngưỡng",
      "Hàng đợi xử lý tăng cao");
  private static final List<String> DOWN = List.of("Mất kết nối", "Không phản hồi (quá thời gian chờ)",
      "Dịch vụ ngừng hoạt động");

  private static final class SystemState {
    final String code;
    final double meanGapSeconds;
    Instant nextBeat;
    Instant nextEpisode;
    Instant episodeEnd;
    String episodeStatus;
    String episodeMessage;

    SystemState(String code, double meanGapSeconds) {
      this.code = code;
      this.meanGapSeconds = meanGapSeconds;
    }
  }

  private final List<SystemState> systems = new ArrayList<>();
  private final SplittableRandom rng;

  /** {@code codes} sorted: the order fixes the stagger and the draws. */
  SystemHealthModel(List<String> codes, Instant start, SplittableRandom rng) {
    this.rng = rng;
    for (int i = 0; i < codes.size(); i++) {
      SystemState s = new SystemState(codes.get(i), GAPS.getOrDefault(codes.get(i), USUAL_GAP));
      s.nextBeat = start.plusMillis(PERIOD.toMillis() * i / codes.size());
      s.nextEpisode = start.plus(gap(s));
      systems.add(s);
    }
  }

  double beatsPerSecond() {
    return systems.size() / (double) PERIOD.toSeconds();
  }

  /** One heartbeat for every system whose beat is due at {@code at}; beats missed during a long pause are skipped. */
  void beats(Instant at, SimEvents events, List<Map<String, Object>> out) {
    for (SystemState s : systems) {
      if (s.nextBeat.isAfter(at)) {
        continue;
      }
      out.add(beat(s, at, events));
      while (!s.nextBeat.isAfter(at)) {
        s.nextBeat = s.nextBeat.plus(PERIOD);
      }
    }
  }

  private Map<String, Object> beat(SystemState s, Instant at, SimEvents events) {
    if (s.episodeEnd != null && !at.isBefore(s.episodeEnd)) {
      s.episodeEnd = null;
      s.nextEpisode = at.plus(gap(s));
    }
    if (s.episodeEnd == null && !at.isBefore(s.nextEpisode)) {
      s.episodeEnd = at.plusMillis(20_000 + rng.nextLong(100_001));
      boolean down = rng.nextDouble() < DOWN_SHARE;
      s.episodeStatus = down ? "down" : "degraded";
      List<String> messages = down ? DOWN : DEGRADED;
      s.episodeMessage = messages.get(rng.nextInt(messages.size()));
    }
    Map<String, Object> event = events.create("system.health", at);
    event.put("system", s.code);
    String status = s.episodeEnd == null ? "up" : s.episodeStatus;
    event.put("status", status);
    switch (status) {
      // Mostly fast with a long tail, as probes of a healthy web system look.
      case "up" -> event.put("latencyMs", 40 + (int) (360 * Math.pow(rng.nextDouble(), 2)));
      case "degraded" -> event.put("latencyMs", 800 + rng.nextInt(3201));
      default -> { } // a probe that got no answer has no latency
    }
    if (!"up".equals(status)) {
      event.put("message", s.episodeMessage);
    }
    return event;
  }

  private Duration gap(SystemState s) {
    double seconds = -s.meanGapSeconds * Math.log(1 - rng.nextDouble());
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
