package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.core.JsiiDirect;
import dev.blueprints.core.ProviderBundle;
import dev.blueprints.testing.AppSynth;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The lazy provider bundle and jsii's direct relay change nothing in the output: every file of the whole app's synth
 * in this JVM (lazy bundle, kernel on the JVM's pipes, {@link AppSynth}, which the blueprint tests share) is
 * byte-identical to the same file written by a JVM started with {@code -Dblueprints.lazyProvider=false} (the
 * provider's own bundle) and {@code BLUEPRINTS_JSII_DIRECT=false} (jsii's own channel), the whole app selected there too.
 *
 * <p>That JVM loads the whole provider and synthesizes for several seconds, so it starts with the test plan
 * ({@link StartEarly}) and this class runs last (its {@link Order}; {@code ClassOrderer.OrderAnnotation} in the
 * build's surefire configuration): the other classes run while it works.
 */
@Order(Integer.MAX_VALUE)
class LazyProviderSynthTest {
  private static Eager eager;

  /** The eager-bundle synth in a JVM of its own, writing into {@code outdir}. */
  record Eager(Process process, Path outdir, Path log) {
    static Eager start() {
      try {
        Path dir = Files.createTempDirectory("blueprints-eager-synth");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-D" + ProviderBundle.PROPERTY + "=false",
            "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
            "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Main.class.getName(),
            "--blueprint", String.join(",", Blueprints.ids()), "--env", "dev,prod", "--settings", AppSynth.SETTINGS_DIR.toString()));
        Path outdir = dir.resolve("out");
        Path log = dir.resolve("eager.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CDKTF_OUTDIR", outdir.toString());
        pb.environment().put(JsiiDirect.ENVIRONMENT, "false");
        pb.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        return new Eager(pb.start(), outdir, log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts the eager synth when the test plan holds this class (registered in META-INF/services). */
  public static final class StartEarly implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
      boolean planned = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
          .anyMatch(id -> id.getSource().filter(s -> s instanceof ClassSource c && c.getClassName().equals(LazyProviderSynthTest.class.getName())).isPresent());
      if (planned) startEager();
    }
  }

  private static synchronized Eager startEager() {
    if (eager == null) eager = Eager.start();
    return eager;
  }

  @Test
  void theWholeAppIsByteIdenticalWithTheLazyBundleAndTheDirectRelayOff() throws Exception {
    AppSynth lazy = AppSynth.of(Blueprints.ids(), List.of("dev", "prod"));
    Eager other = startEager();
    try {
      assertTrue(other.process().waitFor(300, TimeUnit.SECONDS), "eager synth finished");
      assertEquals(0, other.process().exitValue(), Files.readString(other.log()));
      Map<String, byte[]> a = files(lazy.outdir());
      Map<String, byte[]> b = files(other.outdir());
      // Main also writes its reports (policy, cost, quotas, checklist), which AppSynth does not: every file of the
      // lazy synth is compared, and its manifest.json among them pins the set of stacks on both sides.
      assertTrue(a.containsKey("manifest.json"), a.keySet().toString());
      assertEquals(lazy.stacks().size(), a.keySet().stream().filter(f -> f.endsWith("cdk.tf.json")).count(), a.keySet().toString());
      for (String f : a.keySet()) {
        assertTrue(b.containsKey(f), f + " is not written with the lazy bundle and the direct relay off");
        assertTrue(Arrays.equals(a.get(f), b.get(f)), f + " differs with the lazy bundle and the direct relay off");
      }
    } finally {
      other.process().destroyForcibly();
      Main.delete(other.outdir().getParent());
    }
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
    }
    return out;
  }
}
