package vn.hanoi.cityops.feedback;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.feedback.FeedbackMath.DailyRatings;
import vn.hanoi.cityops.store.Sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback figures from {@code feedback_state} and the event log; the SQL is in {@code sql/feedback/*.sql},
 * read once. Answers counts and rating sums; {@link FeedbackMath} derives the index.
 */
public final class FeedbackRepository {
  private static final String SUMMARY = Sql.load("feedback/summary.sql");
  private static final String DAILY_RATINGS = Sql.load("feedback/daily-ratings.sql");
  /** {@code grouping(district_code, category, channel)} of each grouping set: a 1 bit is a column not grouped by. */
  private static final int BY_DISTRICT = 0b011;
  private static final int BY_CATEGORY = 0b101;
  private static final int BY_CHANNEL = 0b110;

  /** The totals and the breakdowns, each keyed by district code, category or channel. */
  public record Summary(FeedbackCounts total, Map<String, FeedbackCounts> byDistrict,
                        Map<String, FeedbackCounts> byCategory, Map<String, FeedbackCounts> byChannel) {
  }

  private final Pool pool;

  public FeedbackRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Summary> summary(Period.Bounds period, Instant now, FeedbackFilter filter) {
    return pool.preparedQuery(SUMMARY)
        .execute(Tuple.of(utc(period.from()), utc(period.to()), utc(now), filter.district(), filter.category(),
            filter.agency(), filter.channel()))
        .map(rows -> {
          FeedbackCounts total = FeedbackCounts.NONE;
          Map<String, FeedbackCounts> byDistrict = new HashMap<>();
          Map<String, FeedbackCounts> byCategory = new HashMap<>();
          Map<String, FeedbackCounts> byChannel = new HashMap<>();
          for (Row r : rows) {
            FeedbackCounts counts = counts(r);
            switch (r.getInteger("grouping_set")) {
              case BY_DISTRICT -> byDistrict.put(r.getString("district_code"), counts);
              case BY_CATEGORY -> byCategory.put(r.getString("category"), counts);
              case BY_CHANNEL -> byChannel.put(r.getString("channel"), counts);
              default -> total = counts;
            }
          }
          return new Summary(total, byDistrict, byCategory, byChannel);
        });
  }

  /** The ratings per Hanoi day of feedback answered in {@code [from, to)}. */
  public Future<List<DailyRatings>> dailyRatings(Instant from, Instant to, FeedbackFilter filter) {
    return pool.preparedQuery(DAILY_RATINGS)
        .execute(Tuple.of(utc(from), utc(to), filter.district(), filter.category(), filter.agency(), filter.channel()))
        .map(rows -> {
          List<DailyRatings> days = new ArrayList<>(rows.size());
          rows.forEach(r -> days.add(new DailyRatings(r.getLocalDate("day"), r.getLong("rating_sum"), r.getLong("rated"))));
          return days;
        });
  }

  private static FeedbackCounts counts(Row r) {
    return new FeedbackCounts(r.getLong("received"), r.getLong("open"), r.getLong("overdue"), r.getLong("answered"),
        r.getNumeric("answer_seconds").doubleValue(), r.getLong("rating_sum"), r.getLong("rated"));
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
