package vn.hanoi.cityops.support;

import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Two real Hazelcast members of a cluster of their own, sharing one fresh database, for the annotated test class
 * (on a test method: a pair of that method's own), as {@link TestNodes#pairConfigs} makes them. Test and lifecycle
 * methods take them, each with an HTTP client, as a {@link Cluster} parameter. See {@link NodeExtension}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith({VertxExtension.class, NodeExtension.class})
public @interface ClusterTest {
  /** Configuration overrides for both members, each {@code key=value}. */
  String[] config() default {};
}
