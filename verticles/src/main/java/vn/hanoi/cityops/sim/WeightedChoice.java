package vn.hanoi.cityops.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Draws one of a fixed, ordered list of items with given weights; items of weight zero are never drawn. */
final class WeightedChoice<T> {
  private final List<T> items = new ArrayList<>();
  private final double[] cumulative;

  WeightedChoice(List<T> candidates, ToDoubleFunction<? super T> weight) {
    this(candidates, candidates.stream().mapToDouble(weight).toArray());
  }

  private WeightedChoice(List<T> candidates, double[] weights) {
    if (candidates.size() != weights.length) {
      throw new IllegalArgumentException(candidates.size() + " items but " + weights.length + " weights");
    }
    double[] sums = new double[candidates.size()];
    double total = 0;
    for (int i = 0; i < candidates.size(); i++) {
      if (weights[i] > 0) {
        total += weights[i];
        sums[items.size()] = total;
        items.add(candidates.get(i));
      }
    }
    this.cumulative = Arrays.copyOf(sums, items.size());
  }

  /** {@code weights[i]} belongs to {@code items.get(i)}. */
  static <T> WeightedChoice<T> of(List<T> items, double... weights) {
    return new WeightedChoice<>(items, weights);
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  T pick(SplittableRandom rng) {
    if (items.isEmpty()) {
      throw new IllegalStateException("nothing to choose from");
    }
    double r = rng.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, r);
    // Item i covers [cumulative[i-1], cumulative[i]): an exact hit on a boundary belongs to the next item.
    i = i >= 0 ? i + 1 : -i - 1;
    return items.get(Math.min(i, items.size() - 1));
  }
}
