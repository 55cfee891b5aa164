/**
 * Online briefings (giao ban trực tuyến): meetings with their agenda, the live data panel the chair shares on every
 * participant's screen, presence (renewed by the page, expired by {@link vn.hanoi.cityops.meeting.PresenceSweep}),
 * highlights and raised hands, the secretary the chair designates, decisions with a snapshot of the panel, tasks that
 * live on after the meeting (and open the next briefing's agenda), and the minutes.
 * <ul>
 *   <li>{@link vn.hanoi.cityops.meeting.MeetingModule}: what the capability needs (the data panels of the others among
 *       it) and offers.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.MeetingState}: the phases, which step is legal in which, who drives and who
 *       takes part; pure.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.MeetingRepository} and {@link vn.hanoi.cityops.meeting.TaskRepository}: the
 *       statements of {@code sql/meeting/*.sql}, answering records ({@link vn.hanoi.cityops.meeting.Meeting},
 *       {@link vn.hanoi.cityops.meeting.AgendaItem}, {@link vn.hanoi.cityops.meeting.Stay},
 *       {@link vn.hanoi.cityops.meeting.Decision}, {@link vn.hanoi.cityops.meeting.Task}). Every change is a
 *       conditional write plus a {@code meeting} event in the log carrying the live state.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.MeetingJson} and {@link vn.hanoi.cityops.meeting.TaskJson}: the one JSON of
 *       each, for the REST answers, the event's payload and the topic.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.MeetingRoutes} and {@link vn.hanoi.cityops.meeting.TaskRoutes}: the REST API;
 *       {@link vn.hanoi.cityops.meeting.Minutes}: the minutes as a page.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.MeetingTopics}: a feed listener turning the events into the topic
 *       {@code meeting.<id>} with the same sequence numbers on every node, and who may follow it.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.Invitations}: the invitations, changes, cancellations and reminders sent
 *       through the notify floor, with {@link vn.hanoi.cityops.meeting.BriefingCalendar} (the iCalendar file, ical4j)
 *       and {@link vn.hanoi.cityops.meeting.InvitationWords} (their words); {@link vn.hanoi.cityops.meeting.Invitation}
 *       is what they say, {@link vn.hanoi.cityops.meeting.MeetingReminders} claims the reminders in PostgreSQL.</li>
 *   <li>{@link vn.hanoi.cityops.meeting.Panels}: the panels a chair can share, each supplied by the capability owning
 *       its data; {@link vn.hanoi.cityops.meeting.PreviousTasksPanel} is this one's.</li>
 * </ul>
 * Sends messages to people through {@code notify/} (a floor below). Listens to nothing on the bus; sends the feed signal ({@code cityops.feed.changed}) after a change so every node's
 * feed reads it within a frame.
 */
package vn.hanoi.cityops.meeting;
