/**
 * Citizen feedback summaries (phản ánh, kiến nghị from Zalo, the hotline and the web portal).
 * {@code FeedbackRepository} reads {@code feedback_state} and, for the satisfaction trend, the answered
 * feedback events of the event log ({@code sql/feedback/*.sql}); {@code FeedbackMath} computes the
 * satisfaction index (mean rating 1-5 rescaled to 0-100) and fills the 14-day trend; {@code FeedbackJson} is the
 * one JSON of the counts; {@code FeedbackRoutes} serves {@code GET /api/v1/feedback/summary}, {@code FeedbackTopics}
 * the {@code feedback} topic, {@code DistrictFeedbackPanel} the briefing panel {@code district-feedback}. Periods and
 * query parameters are the city's and the web floor's ({@code Period}, {@code QueryParams}). Listens to no event-bus
 * address.
 */
package vn.hanoi.cityops.feedback;
