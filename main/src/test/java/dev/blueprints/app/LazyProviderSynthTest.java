package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.core.ProviderBundle;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lazy provider bundle changes nothing in the output: a synth in this JVM (lazy bundle) and one in a
 * JVM started with {@code -Dblueprints.lazyProvider=false} (the provider's own bundle) write the same bytes.
 */
class LazyProviderSynthTest {
  static final String[] SELECTION = {"--blueprint", "asg-web", "--env", "dev", "--settings", Path.of("..", "main", "settings").toString()};

  @Test
  void theSynthIsByteIdenticalWithTheLazyBundleOff(@TempDir Path dir) throws Exception {
    Path lazy = dir.resolve("lazy");
    Path eager = dir.resolve("eager");
    // The other JVM first: it loads the whole provider while this one synthesizes.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-D" + ProviderBundle.PROPERTY + "=false",
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Main.class.getName()));
    command.addAll(List.of(SELECTION));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("eager.log").toFile());
    pb.environment().put("CDKTF_OUTDIR", eager.toString());
    pb.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
    Process process = pb.start();
    var log = new java.io.ByteArrayOutputStream();
    var print = new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8);
    try {
      assertEquals(0, Main.run(SELECTION, Map.of("CDKTF_OUTDIR", lazy.toString()), print, print), log.toString());
    } catch (RuntimeException | Error e) {
      process.destroyForcibly();
      throw e;
    }
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "eager synth finished");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("eager.log")));

    Map<String, byte[]> a = files(lazy);
    Map<String, byte[]> b = files(eager);
    assertEquals(a.keySet(), b.keySet());
    assertTrue(a.keySet().stream().anyMatch(f -> f.endsWith("cdk.tf.json")), a.keySet().toString());
    for (String f : a.keySet()) assertTrue(java.util.Arrays.equals(a.get(f), b.get(f)), f + " differs with the lazy bundle off");
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) out.put(root.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
    }
    return out;
  }
}
