package dev.blueprints.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the classes a synth will need on a daemon thread. The synth's main thread otherwise loads some 1,800
 * classes from the class path one by one as it first touches them (provider resources and their builders and
 * proxies, Jackson, jsii, the modules: about 0.8 s of its CPU in a full synth), while the second core is mostly
 * idle: the main thread and Node.js take turns across the jsii bridge. Loaded ahead, in the order the synth
 * first needs them, most of them are there when the main thread asks.
 *
 * <p>Classes are only loaded: not linked, never initialized. No static initializer runs on this thread, so
 * nothing crosses the jsii bridge from it (the jsii client is not thread-safe, and provider classes read their
 * constants from Node.js when initialized). Linking them here too (which verifies their bytecode) cost more CPU
 * than it saved. The list, {@value #LIST} beside this class, is written by {@code bash tools/scripts/class-list.sh}
 * from a {@code -Xlog:class+load} run of the full synth; a name that no longer exists is skipped, so a stale list
 * costs time, never correctness, and {@code ClassPreloadTest} fails when a listed class is gone or a blueprint
 * uses a provider resource the list lacks. {@code -Dblueprints.preload=false} turns it off (the benchmark
 * measures both).
 */
final class ClassPreload {
  /** The class names, one per line, in the order the full synth first loads them. */
  static final String LIST = "preload-classes.txt";
  /** System property: {@code false} turns the preload off. */
  static final String PROPERTY = "blueprints.preload";

  private ClassPreload() {}

  /** Starts loading on a daemon thread, unless {@code -Dblueprints.preload=false}. */
  static void start() {
    if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) return;
    ClassLoader loader = ClassPreload.class.getClassLoader();
    Thread thread = new Thread(() -> load(names(), loader), "blueprints-class-preload");
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

  /** Loads each named class without linking or initializing it; returns how many were found. */
  static int load(List<String> names, ClassLoader loader) {
    int found = 0;
    for (String name : names) {
      try {
        Class.forName(name, false, loader);
        found++;
      } catch (ClassNotFoundException | LinkageError | SecurityException e) {
        // Renamed or removed since the list was written: the main thread loads what it needs as usual.
      }
    }
    return found;
  }
}
