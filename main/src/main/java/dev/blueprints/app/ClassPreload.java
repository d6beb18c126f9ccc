package dev.blueprints.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the classes a synth will need on a daemon thread, while the main thread waits for Node.js: starting
 * the jsii kernel and loading the AWS provider bindings keeps one core busy for about 3 s in which the JVM
 * has nothing to do, and the JVM then spends a good part of building the stacks loading and verifying some
 * 2,000 classes (provider resources and their builders, Jackson, the modules) one by one as they are first
 * touched. Done ahead, that work overlaps with Node.js instead of following it.
 *
 * <p>Classes are loaded and linked, never initialized: no static initializer runs on this thread, so nothing
 * crosses the jsii bridge from it (the jsii client is not thread-safe, and provider classes read their
 * constants from Node.js when initialized). The one exception is the AWS provider's jsii type table
 * ({@value #PROVIDER_TYPE_TABLE}): its initializer only reads 7.8 MB of text from the provider jar into a
 * map, about 0.25 s that would otherwise run on the main thread just before Node.js starts loading the
 * provider. The list, {@value #LIST} beside this class, is written by
 * {@code bash tools/scripts/class-list.sh} from a {@code -Xlog:class+load} run of the full synth; a name that
 * no longer exists is skipped, so a stale list costs time, never correctness, and {@code ClassPreloadTest}
 * fails when a blueprint uses a provider resource the list lacks. {@code -Dblueprints.preload=false} turns
 * it off (the benchmark measures both).
 */
final class ClassPreload {
  /** The class names, one per line, in the order the full synth first loads them. */
  static final String LIST = "preload-classes.txt";
  /** The provider's jsii module: fqn-to-class table read by its static initializer, pure Java. */
  static final String PROVIDER_TYPE_TABLE = "com.hashicorp.cdktf.providers.aws.$Module";

  private ClassPreload() {}

  /** Starts loading on a daemon thread, unless {@code -Dblueprints.preload=false}. */
  static void start() {
    if (!Boolean.parseBoolean(System.getProperty("blueprints.preload", "true"))) return;
    ClassLoader loader = ClassPreload.class.getClassLoader();
    Thread thread = new Thread(() -> {
      initializeTypeTable(loader);   // first: the main thread needs it within a second, the classes later
      load(names(), loader);
    }, "blueprints-class-preload");
    thread.setDaemon(true);   // a synth that finishes first does not wait for it
    thread.start();
  }

  /** The listed class names, in order. */
  static List<String> names() {
    InputStream in = ClassPreload.class.getResourceAsStream(LIST);
    if (in == null) return List.of();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Initializes {@link #PROVIDER_TYPE_TABLE}, if the provider is on the class path. */
  static void initializeTypeTable(ClassLoader loader) {
    try {
      Class.forName(PROVIDER_TYPE_TABLE, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      // Another provider version or binding: the jsii engine reads its table itself, as usual.
    }
  }

  /**
   * Loads and links each named class without initializing it; returns how many were found. Linking (which
   * verifies the bytecode) is forced by asking for the declared constructors, which needs no initialization.
   */
  static int load(List<String> names, ClassLoader loader) {
    int found = 0;
    for (String name : names) {
      try {
        Class.forName(name, false, loader).getDeclaredConstructors();
        found++;
      } catch (ClassNotFoundException | LinkageError | SecurityException e) {
        // Renamed or removed since the list was written: the main thread loads what it needs as usual.
      }
    }
    return found;
  }
}
