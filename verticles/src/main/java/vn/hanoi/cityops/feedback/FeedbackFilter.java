package vn.hanoi.cityops.feedback;

/** Which feedback a summary covers; a null field does not filter. */
public record FeedbackFilter(String district, String category, String agency, String channel) {
  public static final FeedbackFilter NONE = new FeedbackFilter(null, null, null, null);
}
