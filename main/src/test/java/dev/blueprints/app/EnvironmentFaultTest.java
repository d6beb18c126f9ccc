package dev.blueprints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blueprints.testing.AppSynth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the machine, simulated: each ends in one line naming the cause and the fix, with its own exit status,
 * and leaves the output folder as it was.
 */
class EnvironmentFaultTest {
  private static final String[] THREE_TIER_DEV =
      {"--blueprint", "three-tier", "--env", "dev", "--settings", AppSynth.SETTINGS_DIR.toString()};

  private record Result(int status, String err, String out) {}

  private static Result run(Map<String, String> env, Main.BeforeCommit beforeCommit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(env);
    int status = Main.run(THREE_TIER_DEV, all, new PrintStream(out), new PrintStream(err), beforeCommit);
    return new Result(status, err.toString(), out.toString());
  }

  private static Result run(Map<String, String> env) {
    return run(env, staging -> {});
  }

  private static void assertOneLine(Result r, int status, String... parts) {
    assertEquals(status, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    assertTrue(r.err().startsWith("blueprints: "), r.err());
    for (String part : parts) assertTrue(r.err().contains(part), "\"" + part + "\" in: " + r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("JsiiError"), "no stack trace: " + r.err());
  }

  private static Path fakeNode(Path dir, String script) throws IOException {
    Path node = dir.resolve("node");
    Files.writeString(node, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
    return node;
  }

  @Test
  void anOutputPathThatIsAFileEndsInOneLineWithStatus5(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("cdktf.out"), "not a folder");
    assertOneLine(run(Map.of("CDKTF_OUTDIR", file.toString())), 5,
        "the output path " + file + " is a file, not a directory", "set CDKTF_OUTDIR to a directory path");
    assertEquals("not a folder", Files.readString(file));

    Path under = file.resolve("out");   // its folder would have to be created where a file is
    assertOneLine(run(Map.of("CDKTF_OUTDIR", under.toString())), 5, "the output folder " + under + " cannot be written",
        "cannot be created");
  }

  @Test
  void nodeMissingEndsInOneLineWithStatus4(@TempDir Path dir) {
    String missing = dir.resolve("no-such-node").toString();
    assertOneLine(run(Map.of("JSII_NODE", missing, "CDKTF_OUTDIR", dir.resolve("out").toString())), 4,
        "Node.js not found: cannot run " + missing + " (JSII_NODE)", "needs Node.js 22 or 24", "set JSII_NODE");
    assertFalse(Files.exists(dir.resolve("out")));
    var fault = assertThrows(EnvironmentFault.class, () -> Preflight.node("no-such-node-on-any-path"));
    assertTrue(fault.getMessage().startsWith("Node.js not found: cannot run \"no-such-node-on-any-path\" on PATH"), fault.getMessage());
  }

  @Test
  void nodeTooOldOrFailingEndsInOneLineWithStatus4(@TempDir Path dir) throws IOException {
    Path old = fakeNode(Files.createDirectory(dir.resolve("old")), "echo v18.19.0");
    assertOneLine(run(Map.of("JSII_NODE", old.toString(), "CDKTF_OUTDIR", dir.resolve("out").toString())), 4,
        "Node.js at " + old + " (JSII_NODE) is v18.19.0, older than the jsii runtime accepts (20 and newer)",
        "install it and put it on PATH");

    Path broken = fakeNode(Files.createDirectory(dir.resolve("broken")), "echo 'GLIBC_2.28 not found' >&2; exit 1");
    assertOneLine(run(Map.of("JSII_NODE", broken.toString(), "CDKTF_OUTDIR", dir.resolve("out").toString())), 4,
        "exited with status 1 on --version (GLIBC_2.28 not found)");

    Path chatty = fakeNode(Files.createDirectory(dir.resolve("chatty")), "echo hello");
    assertOneLine(run(Map.of("JSII_NODE", chatty.toString(), "CDKTF_OUTDIR", dir.resolve("out").toString())), 4,
        "answered --version with \"hello\", not a version");

    assertEquals(22, Preflight.node(fakeNode(Files.createDirectory(dir.resolve("new")), "echo v22.11.0").toString()));
    assertEquals(20, Preflight.node(fakeNode(Files.createDirectory(dir.resolve("eol")), "echo v20.19.1").toString()));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aJsiiCacheThatCannotBeWrittenEndsInOneLineWithStatus8(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("cache"), "a file where the cache folder should be");
    Path cache = file.resolve("package-cache");
    assertOneLine(run(Map.of("JSII_RUNTIME_PACKAGE_CACHE_ROOT", cache.toString(), "CDKTF_OUTDIR", dir.resolve("out").toString())), 8,
        "the jsii package cache " + cache + " cannot be written: " + file + " is a file, not a directory",
        "JSII_RUNTIME_PACKAGE_CACHE_ROOT");
    Preflight.jsiiCache(null);   // JSII_RUNTIME_PACKAGE_CACHE=disabled: nothing to check
    assertEquals(null, Preflight.Paths.of(Map.of("JSII_RUNTIME_PACKAGE_CACHE", "disabled", "HOME", "/h"), dir, dir).jsiiCache());
    assertEquals(Path.of("/h/.cache/aws/jsii/package-cache"), Preflight.Paths.of(Map.of("HOME", "/h"), dir, dir).jsiiCache());
  }

  @Test
  void aMissingOrCorruptProviderJarIsStatus7(@TempDir Path dir) throws IOException {
    Path truncated = dir.resolve("cdktf-provider-aws-18.0.3.jar");
    Files.write(truncated, new byte[] {'P', 'K', 3, 4, 0, 0});
    var corrupt = assertThrows(EnvironmentFault.class, () -> Preflight.providerJar(truncated));
    assertEquals(7, corrupt.status());
    assertTrue(corrupt.getMessage().startsWith("the AWS provider jar (com.hashicorp:cdktf-provider-aws:18.0.3) is missing or"
        + " corrupt: " + truncated + " cannot be opened"), corrupt.getMessage());
    assertTrue(corrupt.getMessage().contains("delete ~/.m2/repository/com/hashicorp/cdktf-provider-aws/18.0.3"), corrupt.getMessage());

    Path empty = dir.resolve("empty.jar");
    try (var zip = new ZipOutputStream(Files.newOutputStream(empty))) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
    }
    assertTrue(assertThrows(EnvironmentFault.class, () -> Preflight.providerJar(empty)).getMessage()
        .contains(empty + " holds no " + Preflight.PROVIDER_BUNDLE));

    ClassLoader without = new ClassLoader(null) {};
    var missing = assertThrows(EnvironmentFault.class, () -> Preflight.providerJar(without));
    assertTrue(missing.getMessage().contains("its classes are not on the class path"), missing.getMessage());
    Preflight.providerJar(Preflight.class.getClassLoader());   // the real one passes
  }

  @Test
  void aSettingsDirectoryThatCannotBeReadIsStatus9(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("settings"), "{}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"--settings", file.toString(), "--env", "dev"},
        Map.of("CDKTF_OUTDIR", dir.resolve("out").toString()), System.out, new PrintStream(err));
    assertOneLine(new Result(status, err.toString(), ""), 9,
        "the settings directory " + file + " is a file, not a directory", "BLUEPRINTS_SETTINGS_DIR");
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aFullDiskKeepsThePreviousOutputAndIsStatus6(@TempDir Path dir) throws IOException {
    Path out = previousOutput(dir);
    Result r = run(Map.of("CDKTF_OUTDIR", out.toString()), staging -> {
      Files.writeString(staging.resolve("cost-report.json"), "{");
      throw new IOException("No space left on device");
    });
    assertOneLine(r, 6, "the disk is full: no space left on device while writing " + out,
        "the previous output was left as it was");
    assertPreviousOutputIntact(dir, out);
  }

  @Test
  void nodeEndingMidSynthIsStatus4AndKeepsThePreviousOutput(@TempDir Path dir) throws IOException {
    Path out = previousOutput(dir);
    // What the jsii runtime throws when Node.js is killed or crashes while the synth runs.
    Result r = run(Map.of("CDKTF_OUTDIR", out.toString()), staging -> {
      throw new IllegalStateException("software.amazon.jsii.JsiiError: Child process exited unexpectedly!");
    });
    assertOneLine(r, 4, "Node.js (jsii's kernel) ended in the middle of the synth", "run the synth again",
        "the previous output was left as it was");
    assertPreviousOutputIntact(dir, out);
  }

  @Test
  void anInterruptedSynthLeavesThePreviousOutputIntact(@TempDir Path dir) throws IOException {
    Path out = previousOutput(dir);
    var e = assertThrows(IllegalStateException.class, () -> run(Map.of("CDKTF_OUTDIR", out.toString()), staging -> {
      assertTrue(Files.isDirectory(staging.resolve("stacks/three-tier-dev-network")), "written into the staging folder");
      assertTrue(Files.exists(staging.resolve("manifest.json")));
      throw new IllegalStateException("interrupted");
    }));
    assertEquals("interrupted", e.getMessage());
    assertPreviousOutputIntact(dir, out);
  }

  @Test
  void aRunKilledBetweenItsTwoRenamesIsRepairedByTheNext(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path out = dir.resolve("cdktf.out");
    Path setAside = dir.resolve(".cdktf.out.previous-" + gone.pid());
    Files.createDirectories(setAside.resolve("stacks/old"));
    Path staleStaging = Files.createDirectories(dir.resolve(".cdktf.out.staging-" + gone.pid()).resolve("stacks/half"));
    StagedOutput output = StagedOutput.begin(out);
    assertTrue(Files.isDirectory(out.resolve("stacks/old")), "the set-aside output is put back");
    assertFalse(Files.exists(setAside));
    assertFalse(Files.exists(staleStaging.getParent().getParent()), "a dead run's staging folder is removed");
    output.abandon();
    assertFalse(Files.exists(output.staging()));
  }

  /** Under cdktf-cli (CDKTF_OUTDIR in the environment) CDKTF writes into the output itself: it works in place. */
  @Test
  void inPlaceAFailedRunPutsThePreviousOutputBack(@TempDir Path dir) throws IOException {
    Path out = previousOutput(dir);
    StagedOutput output = StagedOutput.beginInPlace(out);
    assertEquals(out.toAbsolutePath(), output.staging());
    try (var files = Files.list(out)) {
      assertEquals(0, files.count(), "the synth starts from an empty output");
    }
    Files.createDirectories(out.resolve("stacks/three-tier-dev-network"));   // a partial synth
    output.abandon();
    assertPreviousOutputIntact(dir, out);
  }

  @Test
  void inPlaceASuccessfulRunDropsThePreviousOutput(@TempDir Path dir) throws IOException {
    Path out = previousOutput(dir);
    StagedOutput output = StagedOutput.beginInPlace(out);
    Files.writeString(out.resolve("manifest.json"), "{\"stacks\": {}}");
    output.commit();
    assertEquals("{\"stacks\": {}}", Files.readString(out.resolve("manifest.json")));
    assertFalse(Files.exists(out.resolve("stacks")), "nothing of the previous output is kept");
    try (var siblings = Files.list(dir)) {
      assertEquals(java.util.List.of("cdktf.out"), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void inPlaceARunKilledMidwayIsRepairedByTheNext(@TempDir Path dir) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path out = dir.resolve("cdktf.out");
    Files.createDirectories(out.resolve("stacks/half-written"));
    Path setAside = dir.resolve(".cdktf.out.previous-" + gone.pid());
    Files.createDirectories(setAside.resolve("stacks/old"));
    StagedOutput.begin(out).abandon();
    assertTrue(Files.isDirectory(out.resolve("stacks/old")), "the set-aside output is put back");
    assertFalse(Files.exists(out.resolve("stacks/half-written")), "the partial output is dropped");
    assertFalse(Files.exists(setAside));
  }

  @Test
  void theOutputEqualsTheManifestAfterASubsetSynth(@TempDir Path dir) throws IOException {
    Path out = previousOutput(dir);
    Result r = run(Map.of("CDKTF_OUTDIR", out.toString()));
    assertEquals(0, r.status(), r.err());
    try (var stacks = Files.list(out.resolve("stacks"))) {
      assertEquals(java.util.Set.of("state-bootstrap", "three-tier-dev-network", "three-tier-dev-data", "three-tier-dev-compute"),
          stacks.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
    }
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertFalse(manifest.contains("api-ecs-dev-network"), "stale stacks are gone from the manifest too");
    assertTrue(Files.exists(out.resolve("policy-report.json")));
    assertFalse(Files.exists(out.resolve("diagrams")), "nothing of the previous output is kept");
    try (var siblings = Files.list(dir)) {
      assertEquals(java.util.List.of("cdktf.out"), siblings.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
    }
  }

  /** An earlier, complete output with stacks the next synth does not produce. */
  private static Path previousOutput(Path dir) throws IOException {
    Path out = dir.resolve("cdktf.out");
    Files.createDirectories(out.resolve("stacks/api-ecs-dev-network"));
    Files.writeString(out.resolve("stacks/api-ecs-dev-network/cdk.tf.json"), "{\"previous\": true}");
    Files.writeString(out.resolve("manifest.json"), "{\"stacks\": {\"api-ecs-dev-network\": {}}}");
    Files.createDirectories(out.resolve("diagrams"));
    return out;
  }

  private static void assertPreviousOutputIntact(Path dir, Path out) throws IOException {
    assertEquals("{\"previous\": true}", Files.readString(out.resolve("stacks/api-ecs-dev-network/cdk.tf.json")));
    assertEquals("{\"stacks\": {\"api-ecs-dev-network\": {}}}", Files.readString(out.resolve("manifest.json")));
    try (var stacks = Files.list(out.resolve("stacks"))) {
      assertEquals(1, stacks.count(), "no new stack mixed in");
    }
    try (var siblings = Files.list(dir)) {
      assertEquals(java.util.List.of("cdktf.out"), siblings.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
    }
  }
}
