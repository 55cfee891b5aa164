/**
 * Online briefings (giao ban trực tuyến): meetings with their agenda, the live data panel the chair shares on every
 * participant's screen, presence, highlights and raised hands, decisions with a snapshot of the panel, tasks that
 * live on after the meeting, and the minutes. {@link vn.hanoi.cityops.meeting.MeetingRoutes} is the REST API;
 * every change is a conditional write plus a {@code meeting} event in the log ({@link vn.hanoi.cityops.meeting.MeetingRepository}),
 * which {@link vn.hanoi.cityops.meeting.MeetingTopics} (a feed listener) turns into the topic {@code meeting.<id>} with
 * the same sequence numbers on every node. Listens to nothing on the bus; publishes {@code cityops.ingest.accepted}
 * after a change so every node's feed reads it within a frame.
 */
package vn.hanoi.cityops.meeting;
