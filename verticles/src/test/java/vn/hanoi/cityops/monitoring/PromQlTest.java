package vn.hanoi.cityops.monitoring;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromQlTest {
  @Test
  void metricNamesLeaveOutFunctionsAggregationsGroupingLabelsMatchersRangesAndNumbers() {
    assertEquals(Set.of("cityops_ingest_request_seconds_bucket"), PromQl.metricNames(
        "histogram_quantile(0.99, sum by (instance, le) (rate(cityops_ingest_request_seconds_bucket{instance=~\"$instance\"}[$__rate_interval])))"));
    assertEquals(Set.of("a_sum", "a_count"), PromQl.metricNames("sum without (x) (rate(a_sum[5m])) / on (instance) group_left () rate(a_count[1e3s])"));
    assertEquals(Set.of("cityops_system_status"), PromQl.metricNames("max by (system, status) (cityops_system_status{status=\"by (x)\"}) == bool 1"));
  }

  @Test
  void variablesTakeTheirAllValue() {
    assertEquals("x{instance=~\".*\"}[1m]", PromQl.withVariables("x{instance=~\"$instance\"}[$__rate_interval]", "1m"));
    assertEquals("x{d=~\".*\"}", PromQl.withVariables("x{d=~\"${district}\"}", "1m"));
  }
}
