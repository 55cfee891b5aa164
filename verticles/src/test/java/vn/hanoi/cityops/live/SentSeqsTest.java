package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SentSeqsTest {
  private final SentSeqs sent = new SentSeqs();

  @Test
  void topicNeverSentIsNone() {
    assertEquals(SentSeqs.NONE, sent.get("systems"));
  }

  @Test
  void latestSeqOfEachTopicIsKept() {
    sent.put("systems", 5);
    sent.put("kpi.city", 7);
    sent.put("systems", 9);
    assertEquals(9, sent.get("systems"));
    assertEquals(7, sent.get("kpi.city"));
    assertEquals(2, sent.size());
  }

  @Test
  void manyTopicsGrowTheTableAndRemovingOneKeepsTheOthers() {
    for (int i = 0; i < 40; i++) {
      sent.put("kpi.district." + i, i);
    }
    sent.remove("kpi.district.3");
    sent.remove("kpi.district.39");
    sent.remove("not-followed");
    assertEquals(38, sent.size());
    assertEquals(SentSeqs.NONE, sent.get("kpi.district.3"));
    for (int i = 0; i < 40; i++) {
      if (i != 3 && i != 39) {
        assertEquals(i, sent.get("kpi.district." + i), "topic " + i);
      }
    }
  }

  @Test
  void equalTopicNamesThatAreDifferentStringsMatch() {
    sent.put(new String("systems"), 3);
    assertEquals(3, sent.get(new String("systems")));
  }
}
