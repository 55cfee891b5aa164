package vn.hanoi.cityops.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.XmlConfigBuilder;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import vn.hanoi.cityops.config.AppConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Builds the Hazelcast cluster manager from {@code cluster-config/hazelcast.xml} and the node's config. */
final class ClusterSetup {
  private ClusterSetup() {
  }

  static HazelcastClusterManager manager(AppConfig config) {
    Config hz = load(config.clusterConfig());
    hz.setClusterName(config.clusterName());
    hz.getNetworkConfig().setPort(config.clusterPort()).setPortAutoIncrement(true);
    JoinConfig join = hz.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(Arrays.stream(config.clusterMembers().split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList());
    return new HazelcastClusterManager(hz);
  }

  /** A file path if it exists (the repository's cluster-config/), else the copy packaged in the jar. */
  private static Config load(String location) {
    Path file = Path.of(location);
    try (InputStream in = Files.isRegularFile(file)
        ? Files.newInputStream(file)
        : ClusterSetup.class.getResourceAsStream("/" + location)) {
      if (in == null) {
        throw new IllegalStateException("no Hazelcast configuration at " + location);
      }
      return new XmlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
