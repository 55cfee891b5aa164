/**
 * Citizen feedback summaries (phản ánh, kiến nghị from Zalo, the hotline and the web portal).
 * {@code FeedbackRepository} reads {@code feedback_state} and, for the satisfaction trend, the answered
 * feedback events of the event log ({@code sql/feedback/*.sql}); {@code FeedbackMath} computes the
 * satisfaction index (mean rating 1-5 rescaled to 0-100) and fills the 14-day trend; {@code FeedbackRoutes}
 * serves {@code GET /api/v1/feedback/summary}. Periods are the city's ({@code city/Period}), query
 * parameters the web floor's ({@code web/QueryParams}). Listens to no event-bus address.
 */
package vn.hanoi.cityops.feedback;
