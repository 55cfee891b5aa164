package vn.hanoi.cityops.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's own pages may open the live connection under any name it is reached by; other sites may not. */
class SameOriginTest {
  @Test
  void aPageServedByTheNodeItselfIsSameOrigin() {
    assertTrue(LiveRoutes.sameOrigin("http://10.0.0.5:8080", "10.0.0.5:8080"));
    assertTrue(LiveRoutes.sameOrigin("https://cityops.hanoi.gov.vn", "CityOps.Hanoi.gov.vn"));
  }

  @Test
  void anotherSiteOrPortOrAMissingHostIsNot() {
    assertFalse(LiveRoutes.sameOrigin("https://evil.example", "cityops.hanoi.gov.vn"));
    assertFalse(LiveRoutes.sameOrigin("http://10.0.0.5:9999", "10.0.0.5:8080"));
    assertFalse(LiveRoutes.sameOrigin("http://10.0.0.5:8080", null));
    assertFalse(LiveRoutes.sameOrigin("null", "10.0.0.5:8080"));
  }
}
