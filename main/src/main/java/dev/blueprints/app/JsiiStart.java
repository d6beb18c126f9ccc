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
 * <p>The thread first runs {@link Preflight#check}, so a machine fault never reaches jsii: it is reported by
 * {@link #await()} after the settings, in the order the synth always reported them. Nothing else touches jsii
 * until {@link #await()} returns (the jsii client is not thread-safe); the first failure of the thread is
 * rethrown there. {@code -Dblueprints.jsiiStart=inline} (or {@code BLUEPRINTS_JSII_START=inline}) runs the same
 * steps on the calling thread in {@link #await()}, as before this class.
 */
final class JsiiStart {
  /** System property: {@code inline} starts jsii on the main thread, after the settings. */
  static final String PROPERTY = "blueprints.jsiiStart";
  static final String ENVIRONMENT = "BLUEPRINTS_JSII_START";

  private final Runnable steps;
  private final CompletableFuture<Void> started;

  private JsiiStart(Runnable steps, boolean background) {
    this.steps = steps;
    this.started = background ? CompletableFuture.runAsync(steps, JsiiStart::daemon) : null;
  }

  /** Begins the checks and the start of jsii; call {@link #await()} before anything else uses jsii. */
  static JsiiStart begin(Map<String, String> env, Path settingsDir, Preflight.Paths paths) {
    Runnable steps = () -> {
      Preflight.check(env, settingsDir, paths);
      ProviderBundle.applySwitch();
      JsiiEngine engine = JsiiEngine.getInstance();
      engine.loadModule(software.constructs.$Module.class);
      engine.loadModule(com.hashicorp.cdktf.$Module.class);
      engine.loadModule(com.hashicorp.cdktf.providers.aws.$Module.class);
    };
    String mode = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENVIRONMENT, ""));
    return new JsiiStart(steps, !mode.trim().equalsIgnoreCase("inline"));
  }

  /** Waits for the start; rethrows what failed in it (an {@link EnvironmentFault}, a jsii error). */
  void await() {
    if (started == null) {
      steps.run();
      return;
    }
    try {
      started.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error r) throw r;
      throw e;
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
