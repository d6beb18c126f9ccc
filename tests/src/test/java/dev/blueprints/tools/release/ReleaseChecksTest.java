package dev.blueprints.tools.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import dev.blueprints.core.BlueprintStack;
import dev.blueprints.data.Bucket;
import dev.blueprints.data.BucketProps;
import dev.blueprints.testing.Fixtures;
import dev.blueprints.testing.Synthesized;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two checks release.sh runs before publishing, each shown to catch what it is for. */
class ReleaseChecksTest {
  // --- the Java API ----------------------------------------------------------------------------

  @Test
  void aRemovedPublicMethodIsABreakingChangeAndAnAddedOneIsNot(@TempDir Path dir) throws IOException {
    Path v1 = jar(dir, "v1", """
        package com.example;
        public class Api {
          public String greet(String name) { return "hello " + name; }
          public int answer() { return 42; }
        }
        """);
    Path v2 = jar(dir, "v2", """
        package com.example;
        public class Api {
          public int answer() { return 42; }
          public int question() { return 6 * 9; }
          String internal() { return ""; }
        }
        """);
    assertEquals(List.of("com.example.Api: greet(java.lang.String) METHOD_REMOVED"), ApiCompatibility.breakingChanges(v1, v2, List.of()));
    assertEquals(List.of(), ApiCompatibility.breakingChanges(v1, v1, List.of()));
  }

  @Test
  void aFieldAddedToARecordWithABuilderChangesOnlyItsCanonicalConstructorWhichDoesNotBlock(@TempDir Path dir) throws IOException {
    String builder = """
          public static Builder builder(String name) { return new Builder(name); }
          public static final class Builder {
            private final String name;
            Builder(String name) { this.name = name; }
            public Api build() { return new Api(%s); }
          }
        """;
    Path v1 = jar(dir, "v1", "package com.example;\npublic record Api(String name) {\n" + builder.formatted("name") + "}\n");
    Path v2 = jar(dir, "v2", "package com.example;\npublic record Api(String name, int size) {\n" + builder.formatted("name, 1") + "}\n");
    ApiCompatibility.Report report = ApiCompatibility.compare(v1, v2, List.of());
    assertEquals(List.of(), report.breaking());
    assertEquals(List.of("com.example.Api: <init>(java.lang.String) canonical constructor changed (builder users unaffected)"),
        report.builderUnaffected());

    Path plain1 = jar(dir, "plain1", "package com.example;\npublic record Api(String name) {}\n");
    Path plain2 = jar(dir, "plain2", "package com.example;\npublic record Api(String name, int size) {}\n");
    assertEquals(List.of("com.example.Api: <init>(java.lang.String) CONSTRUCTOR_REMOVED"), ApiCompatibility.breakingChanges(plain1, plain2, List.of()));
  }

  /** Compiles one class into {@code <dir>/<name>.jar}. */
  private static Path jar(Path dir, String name, String source) throws IOException {
    Path src = dir.resolve(name + "/src/com/example/Api.java");
    Path classes = dir.resolve(name + "/classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source);
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    assertEquals(0, status, "javac");
    Path jar = dir.resolve(name + ".jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("com/example/Api.class"));
      out.write(Files.readAllBytes(classes.resolve("com/example/Api.class")));
      out.closeEntry();
    }
    return jar;
  }

  // --- the Terraform addresses -------------------------------------------------------------------

  @Test
  void aRenamedStatefulConstructIsReportedUnlessAMovedBlockCarriesIt(@TempDir Path dir) throws IOException {
    Path baseline = synth(dir.resolve("baseline"), (stack, old) -> new Bucket(stack, "Uploads", BucketProps.builder().name("acme-uploads").build()));
    String oldAddress = "aws_s3_bucket." + only(baseline, "aws_s3_bucket");

    Path renamed = synth(dir.resolve("renamed"), (stack, old) -> new Bucket(stack, "Files", BucketProps.builder().name("acme-uploads").build()));
    List<String> breaking = AddressCompatibility.breakingChanges(baseline, renamed);
    assertEquals(List.of("stack test-dev-data: " + oldAddress + " is no longer synthesized and no moved block names it:"
        + " Terraform would destroy it and create an empty one"), breaking);

    Path moved = synth(dir.resolve("moved"), (stack, old) -> {
      Bucket files = new Bucket(stack, "Files", BucketProps.builder().name("acme-uploads").build());
      ((S3Bucket) files.getNode().findChild("Resource")).moveFromId(oldAddress);
    });
    assertEquals(List.of(), AddressCompatibility.breakingChanges(baseline, moved));
    assertEquals(List.of(), AddressCompatibility.breakingChanges(baseline, baseline));

    Path gone = synth(dir.resolve("gone"), (stack, old) -> { });
    assertEquals(1, AddressCompatibility.breakingChanges(baseline, gone).size());
  }

  /** Synthesizes one stack {@code test-dev-data} built by {@code body} into {@code outdir}. */
  private static Path synth(Path outdir, BiConsumer<BlueprintStack, Path> body) {
    App app = new App(AppConfig.builder().outdir(outdir.toString()).stackTraces(false).build());
    BlueprintStack stack = Fixtures.stack(app, "test-dev-data", Fixtures.dev());
    body.accept(stack, outdir);
    app.synth();
    return outdir;
  }

  private static String only(Path outdir, String type) {
    var resources = Synthesized.read(outdir.resolve("stacks/test-dev-data/cdk.tf.json")).resources(type);
    assertEquals(1, resources.size(), resources.toString());
    return resources.keySet().iterator().next();
  }

  // --- the version rule --------------------------------------------------------------------------

  @Test
  void breakingChangesNeedTheMajorVersionOrTheMinorOneBeforeOnePointZero() {
    assertTrue(SemanticVersion.parse("2.0.0").allowsBreakingChangesSince(SemanticVersion.parse("1.4.2")));
    assertFalse(SemanticVersion.parse("1.5.0").allowsBreakingChangesSince(SemanticVersion.parse("1.4.2")));
    assertTrue(SemanticVersion.parse("0.2.0").allowsBreakingChangesSince(SemanticVersion.parse("0.1.0-SNAPSHOT")));
    assertFalse(SemanticVersion.parse("v0.1.1").allowsBreakingChangesSince(SemanticVersion.parse("0.1.0")));
    var bad = assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse("1.0"));
    assertEquals("version = \"1.0\" is invalid: MAJOR.MINOR.PATCH, e.g. 1.4.0 (a leading v is allowed)", bad.getMessage());
  }
}
