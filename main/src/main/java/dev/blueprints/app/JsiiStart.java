package dev.blueprints.app;

import dev.blueprints.core.ProviderBundle;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.jsii.JsiiEngine;

/**
 * Starts the jsii runtime (Node.js, then the constructs, CDKTF and AWS provider modules) on a thread of its own
 * while the main thread reads the settings, so the two overlap instead of following each other (about 0.3 s
 * of settings and their 650 classes beside 0.6 s of Node.js start, on two cores).
 *
 * <p>The thread first runs the checks of the machine ({@link Preflight}) that starting Node.js needs, and the
 * provider jar's before it loads the provider, so a machine fault never reaches jsii: it is reported by
 * {@link #await()} after the settings, in the order the synth always reported them. Nothing else touches jsii
 * until {@link #await()} returns (the jsii client is not thread-safe); the first failure of the thread is
 * rethrown there. {@code -Dblueprints.jsiiStart=inline} (or {@code BLUEPRINTS_JSII_START=inline}) runs the same
 * steps on the calling thread in {@link #await()}, as before this class.
 *
 * <p>The settings are read sooner than Node.js starts, so {@link #await()} first spends the wait on the last step's
 * Java half: it checks the provider jar and initializes the AWS provider's {@code $Module} class, which opens that
 * 123 MB jar and reads its type table (36,000 jsii names and their Java classes, 7.8 MB of text, about 0.2 s in
 * all), work the start would otherwise do just before loading the provider into Node.js. It does so only once the
 * checks before Node.js passed, so their fault is still reported first. (Maven puts the provider jar last on the
 * class path, so nothing opens it sooner: a class looked up in a later jar would open it on the way.)
 */
final class JsiiStart {
  /** System property: {@code inline} starts jsii on the main thread, after the settings. */
  static final String PROPERTY = "blueprints.jsiiStart";
  static final String ENVIRONMENT = "BLUEPRINTS_JSII_START";

  private final Runnable steps;
  private final CompletableFuture<Void> started;
  /** Set by the start thread once the checks before Node.js passed. */
  private volatile boolean machineChecked;

  private JsiiStart(Map<String, String> env, Path settingsDir, Preflight.Paths paths, boolean background) {
    this.steps = () -> {
      Preflight.beforeNodeStarts(env, settingsDir, paths);
      machineChecked = true;
      JsiiEngine engine = JsiiEngine.getInstance();
      engine.loadModule(software.constructs.$Module.class);
      engine.loadModule(com.hashicorp.cdktf.$Module.class);
      Preflight.providerJar(JsiiStart.class.getClassLoader());
      ProviderBundle.applySwitch();
      engine.loadModule(com.hashicorp.cdktf.providers.aws.$Module.class);
    };
    this.started = background ? CompletableFuture.runAsync(steps, JsiiStart::daemon) : null;
  }

  /** Begins the checks and the start of jsii; call {@link #await()} before anything else uses jsii. */
  static JsiiStart begin(Map<String, String> env, Path settingsDir, Preflight.Paths paths) {
    String mode = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENVIRONMENT, ""));
    return new JsiiStart(env, settingsDir, paths, !mode.trim().equalsIgnoreCase("inline"));
  }

  /** Waits for the start; rethrows what failed in it (an {@link EnvironmentFault}, a jsii error). */
  void await() {
    if (started == null) {
      steps.run();
      return;
    }
    if (machineChecked && !started.isDone()) {
      Preflight.providerJar(JsiiStart.class.getClassLoader());
      readProviderTypeTable();
    }
    try {
      started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw e;
    }
  }

  /**
   * Initializes the AWS provider's {@code $Module} class, which reads the provider's type table; the start thread,
   * if it gets there meanwhile, waits for this (a class is initialized once, under the JVM's lock). Touches no jsii
   * state. What it throws is what the start thread would have met at the same class and {@link #await()} rethrown.
   */
  static void readProviderTypeTable() {
    try {
      Class.forName(com.hashicorp.cdktf.providers.aws.$Module.class.getName(), true, JsiiStart.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new NoClassDefFoundError(e.getMessage());
    }
  }

  /** Waits without rethrowing: on a path that fails anyway, so no jsii call is still under way when it returns. */
  void settle() {
    if (started != null) started.exceptionally(e -> null).join();
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "blueprints-jsii-start");
    t.setDaemon(true);
    t.start();
  }
}
