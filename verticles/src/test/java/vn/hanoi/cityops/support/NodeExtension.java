package vn.hanoi.cityops.support;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import vn.hanoi.cityops.app.Node;
import vn.hanoi.cityops.config.AppConfig;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts the nodes of {@link NodeTest} and {@link ClusterTest}: for an annotated class once, before its
 * {@code @BeforeAll} methods, for an annotated method before its {@code @BeforeEach} methods; and resolves
 * {@link Node}, {@link Api} (one node) and {@link Cluster} (two) parameters of test and lifecycle methods, a
 * method's own nodes before its class's. What it started is kept in JUnit's store for the class or the method,
 * so JUnit closes it after the last {@code @AfterAll} (or the method's {@code @AfterEach}) — also when a start
 * failed half-way: each node is in the store as soon as it runs, and closing stops whatever did start.
 * <p>The {@link Api} clients run on a Vert.x instance of their own (the client side of the wire), made when a
 * test first asks for one and closed with the nodes.
 */
public final class NodeExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NodeExtension.class);
  private static final String CLASS_NODES = "class-nodes";
  private static final String METHOD_NODES = "method-nodes";

  @Override
  public void beforeAll(ExtensionContext context) {
    start(context, context.getRequiredTestClass(), CLASS_NODES);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start(context, context.getRequiredTestMethod(), METHOD_NODES);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Node.class || type == Api.class || type == Cluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Nodes nodes = nodes(context).orElseThrow(() -> new ParameterResolutionException(
        "no node to give " + parameter.getDeclaringExecutable().getName() + ": annotate its class or method with @NodeTest or @ClusterTest"));
    return nodes.resolve(parameter.getParameter().getType(), parameter.getDeclaringExecutable().getName());
  }

  private static void start(ExtensionContext context, AnnotatedElement element, String key) {
    Optional<NodeTest> one = AnnotationSupport.findAnnotation(element, NodeTest.class);
    Optional<ClusterTest> two = AnnotationSupport.findAnnotation(element, ClusterTest.class);
    if (one.isPresent() && two.isPresent()) {
      throw new IllegalStateException(element + " asks for both @NodeTest and @ClusterTest: choose one");
    }
    if (one.isEmpty() && two.isEmpty()) {
      return;
    }
    // In the store before anything starts: whatever started is stopped when the store closes, even after a failure.
    Nodes nodes = new Nodes();
    context.getStore(NAMESPACE).put(key, nodes);
    if (one.isPresent()) {
      Map<String, Object> overrides = TestNodes.overrides(one.get().config());
      overrides.putAll(runTime(one.get().configFrom()));
      nodes.start(TestNodes.config(overrides));
    } else {
      nodes.cluster = true;
      for (AppConfig member : TestNodes.pairConfigs(TestNodes.overrides(two.get().config()))) {
        nodes.start(member);
      }
    }
  }

  /** The overrides a {@link NodeTest#configFrom()} class answers when asked, just before the node starts. */
  private static Map<String, Object> runTime(Class<? extends Supplier<Map<String, Object>>> source) {
    try {
      Constructor<? extends Supplier<Map<String, Object>>> make = source.getDeclaredConstructor();
      make.setAccessible(true);
      return make.newInstance().get();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(source.getName() + " cannot give the node's configuration: it needs a no-argument constructor", e);
    }
  }

  /** The method's own nodes, else its class's (stores see their parents' values). */
  private static Optional<Nodes> nodes(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Nodes own = store.get(METHOD_NODES, Nodes.class);
    return Optional.ofNullable(own != null ? own : store.get(CLASS_NODES, Nodes.class));
  }

  /** The nodes of one class or method, and their clients; closed by JUnit with the store that holds them. */
  private static final class Nodes implements ExtensionContext.Store.CloseableResource {
    private final List<Node> started = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private Vertx client;
    private boolean cluster;

    void start(AppConfig config) {
      started.add(TestNodes.start(config));
    }

    Object resolve(Class<?> type, String method) {
      if (type == Cluster.class) {
        if (!cluster) {
          throw new ParameterResolutionException(method + " asks for a Cluster of a @NodeTest: use @ClusterTest");
        }
        return new Cluster(started.get(0), started.get(1), api(0), api(1));
      }
      if (cluster) {
        throw new ParameterResolutionException(method + " asks for one " + type.getSimpleName()
            + " of a @ClusterTest's two: take the Cluster");
      }
      return type == Node.class ? started.get(0) : api(0);
    }

    /** The client of node {@code i}, made when first asked for (with the clients' Vert.x). */
    private Api api(int i) {
      if (client == null) {
        client = Vertx.vertx();
        started.forEach(node -> apis.add(new Api(client, node)));
      }
      return apis.get(i);
    }

    /** Stops the nodes in the reverse order of their start, then the clients' Vert.x; reports every failure. */
    @Override
    public void close() {
      RuntimeException failure = null;
      apis.forEach(Api::close);
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          TestNodes.stop(started.get(i));
        } catch (RuntimeException e) {
          failure = add(failure, e);
        }
      }
      if (client != null) {
        try {
          client.close().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
          failure = add(failure, new IllegalStateException("the test clients' Vert.x did not close", e));
        }
      }
      if (failure != null) {
        throw failure;
      }
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
      if (first == null) {
        return next;
      }
      first.addSuppressed(next);
      return first;
    }
  }
}
