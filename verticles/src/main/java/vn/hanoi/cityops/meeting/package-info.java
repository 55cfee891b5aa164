/**
 * Online briefings (giao ban trực tuyến): meetings with their agenda, the live data panel the chair shares on every
 * participant's screen, presence (renewed by the page, expired by {@link vn.hanoi.cityops.meeting.PresenceSweep}),
 * highlights and raised hands, the secretary the chair designates, decisions with a snapshot of the panel, tasks that
 * live on after the meeting (and open the next briefing's agenda), and the minutes.
 * {@link vn.hanoi.cityops.meeting.MeetingRoutes} and {@link vn.hanoi.cityops.meeting.TaskRoutes} are the REST API;
 * every change is a conditional write plus a {@code meeting} event in the log ({@link vn.hanoi.cityops.meeting.MeetingRepository}),
 * which {@link vn.hanoi.cityops.meeting.MeetingTopics} (a feed listener) turns into the topic {@code meeting.<id>} with
 * the same sequence numbers on every node. Listens to nothing on the bus; publishes {@code cityops.ingest.accepted}
 * after a change so every node's feed reads it within a frame.
 */
package vn.hanoi.cityops.meeting;
