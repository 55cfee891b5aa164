package vn.hanoi.cityops.support;

import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real node for the annotated test class, started once before its first test and stopped after its last (on a
 * test method: a node of that method's own, for a test that needs another configuration). Test and lifecycle
 * methods take it as a {@link vn.hanoi.cityops.app.Node} parameter, and an HTTP client for it as an {@link Api}
 * parameter. The node has {@link TestNodes#config}'s test defaults (free port, fresh database, simulator and
 * clustering off) with {@link #config()} on top. See {@link NodeExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith({VertxExtension.class, NodeExtension.class})
public @interface NodeTest {
  /** Configuration overrides, each {@code key=value}, e.g. {@code "live.clockMs=1000"}. */
  String[] config() default {};

  /**
   * Overrides known only when the test runs, on top of {@link #config()}: a class (with a no-argument constructor)
   * whose {@code get()} is called just before the node starts — typically to start a stand-in server the node is to
   * call and answer its address. The test stops what it started (its {@code @AfterAll}).
   */
  Class<? extends Supplier<Map<String, Object>>> configFrom() default NoMore.class;

  /** No overrides beyond {@link #config()}. */
  final class NoMore implements Supplier<Map<String, Object>> {
    @Override
    public Map<String, Object> get() {
      return Map.of();
    }
  }
}
