package vn.hanoi.cityops.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.cityops.bus.FeedSignal;

import java.util.List;

/**
 * After alert changes commit, whoever made them (the evaluation, a person through the API) logs them and wakes every
 * node's feed ({@code cityops.feed.changed}), so their {@code alert} events reach the topic within a frame.
 */
final class AlertSignal {
  private static final Logger LOG = LoggerFactory.getLogger(AlertSignal.class);

  private final FeedSignal signal;

  AlertSignal(FeedSignal signal) {
    this.signal = signal;
  }

  void changed(List<AlertRepository.Change> changes) {
    if (changes == null || changes.isEmpty()) {
      return;
    }
    for (AlertRepository.Change ch : changes) {
      LOG.info("alert={} action={} state={} severity={} key={} version={}", ch.alert().id(), ch.action().code(),
          ch.alert().state(), ch.alert().severity(), ch.alert().dedupKey(), ch.alert().version());
    }
    signal.changed();
  }
}
