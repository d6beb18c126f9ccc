package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jsii runtime starts beside the reading of the settings; a fault of the machine waits for {@code await()}. */
class JsiiStartTest {
  @Test
  void aFaultOfTheMachineFoundOnTheStartThreadIsThrownByAwait(@TempDir Path dir) {
    Path missing = dir.resolve("no-node");
    Map<String, String> env = Map.of("JSII_NODE", missing.toString());
    JsiiStart start = JsiiStart.begin(env, Selection.DEFAULT_SETTINGS_DIR, Preflight.Paths.of(env, dir.resolve("out"), dir.resolve("staging")));
    EnvironmentFault fault = assertThrows(EnvironmentFault.class, start::await);
    assertEquals(EnvironmentFault.Kind.NODE, fault.kind());
    start.settle();   // does not throw again
  }

  @Test
  void aBadSettingIsStillReportedBeforeAFaultOfTheMachine(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("dev.json"), "{\"state\": {\"bucket\": \"acme-tfstate\"}, \"region\": \"eu-west-1\","
        + " \"availabilityZones\": [\"eu-west-1a\"]}");
    var err = new java.io.ByteArrayOutputStream();
    int status = Main.run(new String[] {"--settings", dir.toString(), "--env", "dev"},
        Map.of("JSII_NODE", dir.resolve("no-node").toString(), "CDKTF_OUTDIR", dir.resolve("out").toString()),
        System.out, new java.io.PrintStream(err));
    assertEquals(Main.INVALID_INPUT, status, err.toString());
    assertTrue(err.toString().startsWith("blueprints: availabilityZones = [eu-west-1a] is invalid"), err.toString());
  }

  @Test
  void theProviderJarComesAfterTheJarsNeededBeforeTheProvider() {
    // A class looked up past the provider jar opens it (60 ms) on the way; last, only the provider's classes open it,
    // which JsiiStart.await() reads while Node.js starts.
    List<String> path = Arrays.asList(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
        .split(File.pathSeparator));
    int provider = indexOf(path, "cdktf-provider-aws-");
    for (String jar : List.of("jackson-databind-", "jackson-core-", "jackson-annotations-", "jackson-datatype-jsr310-",
        "jsii-runtime-", "constructs-", "cdktf-0")) {
      assertTrue(indexOf(path, jar) < provider, jar + " comes after the provider jar: " + path);
    }
  }

  private static int indexOf(List<String> path, String jarPrefix) {
    for (int i = 0; i < path.size(); i++) if (Path.of(path.get(i)).getFileName().toString().startsWith(jarPrefix)) return i;
    throw new AssertionError("no " + jarPrefix + "* on the class path: " + path);
  }
}
