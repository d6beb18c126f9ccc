package dev.blueprints.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules artifact works without main: the consumer example (examples/consumer, excerpted in the README)
 * is compiled and run against only the modules classes and their dependency jars, in a JVM of its own. No jsii in
 * this JVM, so the class runs beside the others.
 */
@Execution(ExecutionMode.CONCURRENT)
class ModulesAloneTest {
  /** The consumer example's sources. */
  static final Path CONSUMER_SOURCES = Scripts.ROOT.resolve("examples/consumer/src/main/java/com/example/shop");

  /** Refuses to run the consumer if anything of main is on the class path. */
  static final String PROBE = """
      package com.example.shop;

      public final class Probe {
        public static void main(String[] args) throws Exception {
          for (String name : new String[] {"dev.blueprints.app.Main", "dev.blueprints.app.BlueprintsApp", "dev.blueprints.blueprints.Blueprints"}) {
            try {
              Class.forName(name);
              System.err.println("main class on the class path: " + name);
              System.exit(3);
            } catch (ClassNotFoundException expected) {
              System.out.println("not loadable: " + name);
            }
          }
          ShopApp.main(args);
        }
      }
      """;

  static final Path MODULES_CLASSES = Scripts.ROOT.resolve("modules/target/classes");
  /** The modules' first dependencies, the lazy provider bundle and jsii's direct relay, as the reactor builds them. */
  static final Path LAZY_PROVIDER_CLASSES = Scripts.ROOT.resolve("provider-aws-lazy/target/classes");
  static final Path JSII_DIRECT_CLASSES = Scripts.ROOT.resolve("jsii-direct/target/classes");

  /** modules/target/classes, the lazy bundle, the relay and the jars on the test class path, minus main, tests and the test libraries. */
  static List<String> modulesClassPath() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> out = new ArrayList<>(List.of(MODULES_CLASSES.toString(), LAZY_PROVIDER_CLASSES.toString(), JSII_DIRECT_CLASSES.toString()));
    for (String entry : path.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (!entry.endsWith(".jar") || name.startsWith("blueprints-") || name.startsWith("junit-")
          || name.startsWith("opentest4j") || name.startsWith("apiguardian") || name.startsWith("snakeyaml")
          || name.startsWith("jackson-dataformat-yaml")) {
        continue;
      }
      out.add(entry);
    }
    return out;
  }

  @Test
  void aConsumerStackCompilesAndSynthesizesWithOnlyTheModulesOnTheClassPath(@TempDir Path dir) throws IOException {
    List<String> classPath = modulesClassPath();
    assertTrue(Files.isDirectory(MODULES_CLASSES.resolve("dev/blueprints/network")), "modules compiled");
    Path mainClasses = Scripts.ROOT.resolve("main/target/classes");
    assertFalse(classPath.stream().anyMatch(e -> Path.of(e).toAbsolutePath().normalize().equals(mainClasses.toAbsolutePath().normalize())
        || Path.of(e).getFileName().toString().startsWith("blueprints-main")), classPath.toString());

    Path src = dir.resolve("src/com/example/shop");
    Files.createDirectories(src);
    List<File> sources = new ArrayList<>();
    try (var files = Files.list(CONSUMER_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.add(Files.copy(file, src.resolve(file.getFileName())).toFile());
      }
    }
    Files.writeString(src.resolve("Probe.java"), PROBE);
    sources.add(src.resolve("Probe.java").toFile());
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (var files = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(diagnostics, files, null,
          List.of("--release", "17", "-classpath", String.join(File.pathSeparator, classPath), "-d", classes.toString()),
          null, files.getJavaFileObjectsFromFiles(sources)).call();
      assertTrue(ok, diagnostics.toString());
    }

    List<String> runPath = new ArrayList<>(classPath);
    runPath.add(0, classes.toString());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Scripts.Result r = Scripts.run(dir, Map.of("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20"),
        java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", String.join(File.pathSeparator, runPath),
        "com.example.shop.Probe");
    assertEquals(0, r.status(), r.stdout() + r.stderr());
    assertTrue(r.stdout().contains("not loadable: dev.blueprints.app.Main"), r.stdout());

    JsonNode json = new ObjectMapper().readTree(dir.resolve("cdktf.out/stacks/shop-dev-network/cdk.tf.json").toFile());
    JsonNode vpcs = json.path("resource").path("aws_vpc");
    assertEquals(1, vpcs.size(), vpcs.toString());
    assertEquals("10.0.0.0/16", vpcs.elements().next().path("cidr_block").asText());
    assertEquals("shop/shop-dev-network.tfstate", json.path("terraform").path("backend").path("s3").path("key").asText());
    assertEquals("payments", json.path("provider").path("aws").get(0).path("default_tags").get(0).path("tags").path("Team").asText());
    JsonNode app = new ObjectMapper().readTree(dir.resolve("cdktf.out/stacks/shop-prod-app/cdk.tf.json").toFile());
    assertEquals(1, app.path("resource").path("aws_ecs_service").size(), app.path("resource").fieldNames().toString());
    JsonNode policy = new ObjectMapper().readTree(dir.resolve("cdktf.out/policy-report.json").toFile()).path("summary");
    assertEquals(7, policy.path("stacks").asInt(), policy.toString());
    assertEquals(0, policy.path("errors").asInt(), policy.toString());
  }

  @Test
  void theModulesPomDependsOnNothingInMainOrTests() throws IOException {
    String pom = Files.readString(Scripts.ROOT.resolve("modules/pom.xml"));
    assertFalse(pom.contains("blueprints-main"));
    assertFalse(pom.contains("blueprints-tests"));
    for (String plugin : List.of("maven-source-plugin", "maven-javadoc-plugin", "flatten-maven-plugin")) {
      assertTrue(pom.contains("<artifactId>" + plugin + "</artifactId>"), plugin);
    }
    assertTrue(Arrays.stream(pom.split("\n")).anyMatch(l -> l.contains("<doclint>none</doclint>")));
  }
}
