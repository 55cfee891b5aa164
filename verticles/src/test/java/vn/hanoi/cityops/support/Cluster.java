package vn.hanoi.cityops.support;

import vn.hanoi.cityops.app.Node;

/** The two members a {@link ClusterTest} gets, started in this order, each with an HTTP client of its own. */
public record Cluster(Node a, Node b, Api apiA, Api apiB) {
  /** Member {@code i}: 0 is {@link #a()}, 1 is {@link #b()}. */
  public Node node(int i) {
    return switch (i) {
      case 0 -> a;
      case 1 -> b;
      default -> throw new IllegalArgumentException("a cluster test has members 0 and 1, not " + i);
    };
  }
}
