package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionsTest {
  private final Subscriptions<String> subs = new Subscriptions<>(3);

  @Test
  void subscriberIsFoundByTopicAndTopicByConnection() {
    assertEquals(Subscriptions.Result.SUBSCRIBED, subs.subscribe("a", "systems"));
    assertEquals(Set.of("a"), subs.subscribers("systems"));
    assertEquals(Set.of("systems"), subs.topics("a"));
  }

  @Test
  void everySubscriberOfATopicIsFoundAndNoOther() {
    subs.subscribe("a", "kpi.city");
    subs.subscribe("b", "kpi.city");
    subs.subscribe("c", "alerts");
    assertEquals(Set.of("a", "b"), subs.subscribers("kpi.city"));
    assertEquals(Set.of("c"), subs.subscribers("alerts"));
  }

  @Test
  void topicNobodyFollowsHasNoSubscribers() {
    assertEquals(Set.of(), subs.subscribers("kpi.district.CG"));
    assertEquals(Set.of(), subs.topics("nobody"));
  }

  @Test
  void subscribingTwiceIsHarmlessAndCountsOnce() {
    subs.subscribe("a", "alerts");
    assertEquals(Subscriptions.Result.ALREADY_SUBSCRIBED, subs.subscribe("a", "alerts"));
    assertEquals(Set.of("a"), subs.subscribers("alerts"));
    assertEquals(1, subs.topicCount());
  }

  @Test
  void unsubscribedConnectionNoLongerReceivesTheTopic() {
    subs.subscribe("a", "alerts");
    subs.subscribe("a", "systems");
    assertTrue(subs.unsubscribe("a", "alerts"));
    assertEquals(Set.of(), subs.subscribers("alerts"));
    assertEquals(Set.of("systems"), subs.topics("a"));
  }

  @Test
  void unsubscribingFromATopicNotFollowedSaysSo() {
    assertFalse(subs.unsubscribe("a", "alerts"));
    subs.subscribe("a", "systems");
    assertFalse(subs.unsubscribe("a", "alerts"));
    assertEquals(Set.of("systems"), subs.topics("a"));
  }

  @Test
  void closedConnectionIsForgottenEverywhereAndEmptyTopicsDisappear() {
    subs.subscribe("a", "alerts");
    subs.subscribe("a", "systems");
    subs.subscribe("b", "systems");

    assertEquals(Set.of("alerts", "systems"), subs.removeAll("a"));

    assertEquals(Set.of(), subs.subscribers("alerts"));
    assertEquals(Set.of("b"), subs.subscribers("systems"));
    assertEquals(1, subs.topicCount());
    assertEquals(Set.of(), subs.removeAll("a"), "removing twice is harmless");
  }

  @Test
  void connectionCannotFollowMoreThanTheLimit() {
    subs.subscribe("a", "t1");
    subs.subscribe("a", "t2");
    subs.subscribe("a", "t3");
    assertEquals(Subscriptions.Result.LIMIT_REACHED, subs.subscribe("a", "t4"));
    assertEquals(Set.of(), subs.subscribers("t4"));
    assertEquals(Subscriptions.Result.ALREADY_SUBSCRIBED, subs.subscribe("a", "t3"), "a topic already followed is not refused");
    assertEquals(Subscriptions.Result.SUBSCRIBED, subs.subscribe("b", "t4"), "the limit is per connection");
  }

  @Test
  void unsubscribingMakesRoomUnderTheLimit() {
    subs.subscribe("a", "t1");
    subs.subscribe("a", "t2");
    subs.subscribe("a", "t3");
    subs.unsubscribe("a", "t1");
    assertEquals(Subscriptions.Result.SUBSCRIBED, subs.subscribe("a", "t4"));
  }

  @Test
  void subscribersAreASnapshotThatLaterChangesDoNotAlter() {
    subs.subscribe("a", "alerts");
    Set<String> snapshot = subs.subscribers("alerts");
    subs.subscribe("b", "alerts");
    subs.removeAll("a");
    assertEquals(Set.of("a"), snapshot);
  }

  @Test
  void limitBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Subscriptions<String>(0));
  }

  @Test
  void unsubscribingOneOfSeveralTopicsKeepsTheOthersBothWaysRound() {
    subs.subscribe("a", "systems");
    subs.subscribe("a", "kpi.city");
    subs.subscribe("a", "alerts");
    assertTrue(subs.unsubscribe("a", "kpi.city"));
    assertEquals(Set.of("systems", "alerts"), subs.topics("a"));
    assertEquals(Set.of(), subs.subscribers("kpi.city"));
    assertEquals(Set.of("a"), subs.subscribers("alerts"));
    assertEquals(java.util.List.of("a"), subs.subscriberList("systems"));
    assertEquals(Subscriptions.Result.SUBSCRIBED, subs.subscribe("a", "kpi.city"), "room again for a third topic");
  }
}
