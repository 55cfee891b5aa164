package vn.hanoi.cityops.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.hanoi.cityops.support.Cluster;
import vn.hanoi.cityops.support.ClusterTest;
import vn.hanoi.cityops.support.Wait;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.hanoi.cityops.meeting.Meetings.ok;

/** Two members both look for reminders owed: each person is reminded once, whichever member claims it. */
class MeetingRemindersClusterIT {

  @Test
  @ClusterTest(config = {"meeting.reminderLead=PT3S", "notify.maxPerPersonPerMinute=10000"})
  void withTwoMembersEachInvitedPersonIsRemindedOnce(Cluster cluster) {
    String leader = cluster.apiA().token("leader");
    OffsetDateTime at = OffsetDateTime.now().plusSeconds(7);
    long id = ok(cluster.apiA(), leader, "POST", "/api/v1/meetings", new JsonObject().put("title", "Giao ban hai nút")
        .put("level", "city").put("scheduledAt", at.toString())
        .put("invitedPeople", new JsonArray().add("operator").add("sre"))).getLong("id");
    String ref = "meeting:" + id;
    String reminders = "SELECT count(*) FROM notification WHERE ref = $1 AND subject LIKE 'Còn %' AND username = $2";
    Wait.until(Duration.ofSeconds(15), () -> cluster.apiB().count(reminders, ref, "operator")
        + cluster.apiB().count(reminders, ref, "sre") + cluster.apiB().count(reminders, ref, "leader"), n -> n >= 3,
        "a reminder to operator, sre and the chair");
    // both members keep looking until the start has passed: still one each
    Wait.until(Duration.ofSeconds(10), OffsetDateTime::now, t -> t.isAfter(at.plusSeconds(1)), "the start passes");
    for (String who : new String[]{"operator", "sre", "leader"}) {
      assertEquals(1, cluster.apiA().count(reminders, ref, who), "one reminder to " + who);
      assertEquals(1, cluster.apiA().count("SELECT count(*) FROM meeting_reminder WHERE meeting_id = $1 AND username = $2",
          id, who), "one claim for " + who);
    }
  }
}
