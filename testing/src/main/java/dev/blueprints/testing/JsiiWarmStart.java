package dev.blueprints.testing;

import java.util.concurrent.CompletableFuture;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import software.amazon.jsii.JsiiEngine;

/**
 * Starts the jsii runtime of a test JVM (Node.js, the constructs and CDKTF modules) on a thread of its own when
 * the launcher session opens, so it overlaps JUnit's discovery of the tests instead of delaying the first test
 * that creates a construct. Every test waits for it before it starts (jsii's client is not thread-safe: nothing
 * else may call it meanwhile); after the first, that wait is a completed future. A start that fails is left to
 * the first test that uses jsii, which then reports it as it always did.
 */
public final class JsiiWarmStart implements LauncherSessionListener, TestExecutionListener {
  private static volatile CompletableFuture<Void> started = CompletableFuture.completedFuture(null);

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    // After TestRunTempDirectory (listed first): jsii unpacks its runtime into the temporary directory.
    started = CompletableFuture.runAsync(() -> {
      JsiiEngine engine = JsiiEngine.getInstance();
      engine.loadModule(software.constructs.$Module.class);
      engine.loadModule(com.hashicorp.cdktf.$Module.class);
    }, r -> {
      Thread t = new Thread(r, "blueprints-jsii-warm-start");
      t.setDaemon(true);
      t.start();
    });
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    started.exceptionally(e -> null).join();
  }
}
