package vn.hanoi.cityops.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import vn.hanoi.cityops.auth.Action;
import vn.hanoi.cityops.auth.Guard;
import vn.hanoi.cityops.city.Hanoi;
import vn.hanoi.cityops.city.Period;
import vn.hanoi.cityops.city.ReferenceData.Agency;
import vn.hanoi.cityops.city.ReferenceData;
import vn.hanoi.cityops.feedback.FeedbackMath.TrendPoint;
import vn.hanoi.cityops.feedback.FeedbackRepository.Summary;
import vn.hanoi.cityops.web.ApiDoc;
import vn.hanoi.cityops.web.JsonBodies;
import vn.hanoi.cityops.web.QueryParams;
import vn.hanoi.cityops.web.Requests;
import vn.hanoi.cityops.web.Routes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code GET /api/v1/feedback/summary?period=&district=&category=&agency=&channel=}: citizen feedback (phản ánh,
 * kiến nghị) received, open, overdue and answered, the time to answer, satisfaction (index 0-100, and the mean
 * rating 1-5), breakdowns by district, category and channel (most overdue first) and the satisfaction index
 * of each of the last 14 days. With a {@code district} filter an agency officer of that district may read it;
 * without one it is city-wide data.
 */
public final class FeedbackRoutes implements Routes {
  static final int TREND_DAYS = 14;
  /** Channel code → its names in Vietnamese and English. */
  static final Map<String, String[]> CHANNELS = Map.of(
      "zalo", new String[]{"Zalo", "Zalo"},
      "hotline", new String[]{"Đường dây nóng", "Hotline"},
      "web", new String[]{"Cổng thông tin điện tử", "Web portal"});

  private final FeedbackRepository repository;
  private final ReferenceData reference;
  private final Guard guard;

  FeedbackRoutes(Pool pool, ReferenceData reference, Guard guard) {
    this.repository = new FeedbackRepository(pool);
    this.reference = reference;
    this.guard = guard;
  }

  @Override
  public void mount(Router router) {
    ApiDoc.on(router.get("/api/v1/feedback/summary"), "Citizen-feedback summary for a period and area").errors(400, 403)
        .access(guard.signedIn()).handler(this::summary);
  }

  private void summary(RoutingContext ctx) {
    Requests.checked(() -> query(ctx))
        .compose(q -> {
          Future<Summary> summary = repository.summary(q.bounds(), q.now(), q.filter());
          Future<List<FeedbackMath.DailyRatings>> ratings = repository.dailyRatings(
              Period.startOfDay(q.now(), TREND_DAYS - 1), Period.TODAY.bounds(q.now()).to(), q.filter());
          return Future.all(summary, ratings)
              .map(all -> body(q.period(), q.bounds(), q.now(), q.filter(), summary.result(), ratings.result()));
        })
        .onSuccess(body -> JsonBodies.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private record Query(Period period, Period.Bounds bounds, Instant now, FeedbackFilter filter) {
  }

  /** The filters and period asked for, once the caller may read them (400 for a bad parameter, 403 when not). */
  private Query query(RoutingContext ctx) {
    FeedbackFilter filter = filter(ctx, reference, guard);
    Period period = QueryParams.period(ctx);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new Query(period, period.bounds(now), now, filter);
  }


  private JsonObject body(Period period, Period.Bounds bounds, Instant now, FeedbackFilter filter, Summary summary,
                          List<FeedbackMath.DailyRatings> ratings) {
    return new JsonObject()
        .put("period", period.code()).put("from", Period.iso(bounds.from())).put("to", Period.iso(bounds.to()))
        .put("asOf", Period.iso(now))
        .put("filters", new JsonObject().put("district", filter.district()).put("category", filter.category())
            .put("agency", filter.agency()).put("channel", filter.channel()))
        .mergeIn(FeedbackJson.counts(summary.total()))
        .put("satisfactionScale", "0-100")
        .put("byDistrict", breakdown(summary.byDistrict(), this::districtJson))
        .put("byCategory", breakdown(summary.byCategory(),
            (category, counts) -> new JsonObject().put("category", category).mergeIn(FeedbackJson.counts(counts))))
        .put("byChannel", breakdown(summary.byChannel(), FeedbackRoutes::channelJson))
        .put("satisfactionTrend", trendJson(FeedbackMath.trend(ratings, now.atZone(Hanoi.ZONE).toLocalDate(),
            TREND_DAYS)));
  }

  /**
   * The filters asked for, once the caller may read them: with a {@code district} an agency officer of that district,
   * without one city-wide data (400 for a bad parameter, 403 when not allowed).
   */
  static FeedbackFilter filter(RoutingContext ctx, ReferenceData reference, Guard guard) {
    String district = QueryParams.optional(ctx, "district");
    if (district != null && !reference.isDistrict(district)) {
      throw QueryParams.invalid("district", "must be the code of a district, e.g. CG");
    }
    if (district == null) {
      guard.check(ctx, Action.READ_CITY_DATA, null);
    } else {
      guard.check(ctx, Action.READ_AGENCY_DATA, district);
    }
    String agency = QueryParams.optional(ctx, "agency");
    if (agency != null && !reference.isAgency(agency)) {
      throw QueryParams.invalid("agency", "must be the code of an agency, e.g. CG-03");
    }
    String channel = QueryParams.optional(ctx, "channel");
    if (channel != null && !CHANNELS.containsKey(channel)) {
      throw QueryParams.invalid("channel", "must be zalo, hotline or web");
    }
    return new FeedbackFilter(district, QueryParams.optional(ctx, "category"), agency, channel);
  }

  private JsonObject districtJson(String code, FeedbackCounts counts) {
    Agency d = reference.agencies().get(code);
    return new JsonObject().put("code", code).put("nameVi", d == null ? code : d.nameVi())
        .put("nameEn", d == null ? code : d.nameEn()).mergeIn(FeedbackJson.counts(counts));
  }

  private static JsonObject channelJson(String channel, FeedbackCounts counts) {
    String[] names = CHANNELS.getOrDefault(channel, new String[]{channel, channel});
    return new JsonObject().put("channel", channel).put("nameVi", names[0]).put("nameEn", names[1])
        .mergeIn(FeedbackJson.counts(counts));
  }

  private static JsonArray breakdown(Map<String, FeedbackCounts> groups,
                                     BiFunction<String, FeedbackCounts, JsonObject> item) {
    JsonArray items = new JsonArray();
    ordered(groups).forEach(e -> items.add(item.apply(e.getKey(), e.getValue())));
    return items;
  }

  /** The groups of a breakdown in the order the summary lists them: the most behind first, then by key. */
  static List<Map.Entry<String, FeedbackCounts>> ordered(Map<String, FeedbackCounts> groups) {
    List<Map.Entry<String, FeedbackCounts>> entries = new ArrayList<>(groups.entrySet());
    entries.sort(Map.Entry.<String, FeedbackCounts>comparingByValue(FeedbackMath.MOST_BEHIND_FIRST)
        .thenComparing(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder()))));
    return entries;
  }

  private static JsonArray trendJson(List<TrendPoint> points) {
    JsonArray days = new JsonArray();
    points.forEach(p -> days.add(new JsonObject().put("date", p.day().toString())
        .put("satisfactionIndex", p.satisfactionIndex()).put("rated", p.rated())));
    return days;
  }
}
