package vn.hanoi.cityops.feedback;

/**
 * What {@code sql/feedback/summary.sql} counts for all feedback matching a filter, or one district, category or
 * channel of it: {@code received} in the period (first seen in it); {@code open} now (not answered) and
 * {@code overdue} now (open, past due); {@code answered} in the period, with {@code answerSeconds} from first
 * seen to answer in total, and the sum and number of the ratings given ({@code ratingSum}, {@code rated}).
 */
public record FeedbackCounts(long received, long open, long overdue, long answered, double answerSeconds,
                             long ratingSum, long rated) {
  public static final FeedbackCounts NONE = new FeedbackCounts(0, 0, 0, 0, 0, 0, 0);
}
