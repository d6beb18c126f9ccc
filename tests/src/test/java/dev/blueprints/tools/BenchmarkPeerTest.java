package dev.blueprints.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's AWS CDK Java peer, without building it (that would download aws-cdk-lib): its budget row, the
 * one line when it cannot be built, how its output is counted, how it is run, and that it stays out of the reactor.
 */
class BenchmarkPeerTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static Benchmark.Row row(double seconds, int stacks, int resources) {
    return new Benchmark.Row("row", seconds, 0, 0, 0, stacks, resources);
  }

  @Test
  void budgetRowGivesTheRatioBothCountsAndWhetherItIsMet() {
    String met = CdkPeer.budgetRow(Benchmark.PEER_MAX_RATIO, row(4.54, 4, 150), row(4.30, 4, 136));
    assertEquals("fargate-web prod alone ≤ 1.2 × AWS CDK Java, validation off (moonshot 1.0 ×) | 4.54 s = 1.06 × AWS CDK Java's "
        + "4.30 s (4 stacks, 150 resources; CloudFormation: 4 stacks, 136 resources) | met", met);
    assertTrue(CdkPeer.budgetRow(Benchmark.PEER_MAX_RATIO, row(4.80, 4, 150), row(4.00, 4, 136)).endsWith("= 1.20 × AWS CDK Java's "
        + "4.00 s (4 stacks, 150 resources; CloudFormation: 4 stacks, 136 resources) | met"), "1.2 × is within the budget");
    assertTrue(CdkPeer.budgetRow(Benchmark.PEER_MAX_RATIO, row(6.00, 4, 150), row(4.00, 4, 136)).endsWith("6.00 s = 1.50 × AWS CDK Java's "
        + "4.00 s (4 stacks, 150 resources; CloudFormation: 4 stacks, 136 resources) | **not met**"));
  }

  @Test
  void withoutThePeerTheBudgetRowSaysWhyInTheTablesThreeColumns() {
    String row = "| " + CdkPeer.skippedBudgetRow(Benchmark.PEER_MAX_RATIO, "skipped (BENCH_SKIP_PEER=1 / --skip-peer)") + " |";
    assertEquals("| fargate-web prod alone ≤ 1.2 × AWS CDK Java, validation off (moonshot 1.0 ×) | skipped (BENCH_SKIP_PEER=1 / --skip-peer) | |", row);
  }

  @Test
  void skippingThePeerRunsNoMaven() throws Exception {
    CdkPeer.Build build = CdkPeer.build(ROOT, true);
    assertFalse(build.available());
    assertEquals("skipped (BENCH_SKIP_PEER=1 / --skip-peer)", build.skipped());
  }

  @Test
  void aBuildThatCannotFetchAwsCdkLibSaysSoInOneLine() {
    Path log = Path.of("tools/cdk-peer/target/build.log");
    String offline = "[ERROR] Failed to execute goal on project blueprints-cdk-peer: Could not resolve dependencies for project "
        + "dev.blueprints:blueprints-cdk-peer:jar:0.1.0-SNAPSHOT: Cannot access central (https://repo.maven.apache.org/maven2) in "
        + "offline mode and the artifact software.amazon.awscdk:aws-cdk-lib:jar:2.263.0 has not been downloaded from it before.";
    assertEquals("skipped: Maven cannot fetch software.amazon.awscdk:aws-cdk-lib:2.263.0 (offline, or no access to Maven Central); "
        + "see tools/cdk-peer/target/build.log", CdkPeer.failure(offline, log));
    assertEquals("skipped: the peer's build failed (mvn -f tools/cdk-peer/pom.xml); see tools/cdk-peer/target/build.log",
        CdkPeer.failure("[ERROR] FargateWebPeer.java:[12,8] cannot find symbol", log));
  }

  @Test
  void thePeerRunsOnItsOwnClassPathWithValidationOffOrOn() {
    CdkPeer.Build build = new CdkPeer.Build("peer.jar", null);
    Benchmark.Measure off = Benchmark.peerMeasure("off", build, false);
    assertEquals(Map.of("CDK_VALIDATION", "false"), off.env());
    assertEquals("peer.jar", off.classPath());
    assertEquals(CdkPeer.MAIN_CLASS, off.mainClass());
    assertEquals(Map.of(), Benchmark.peerMeasure("on", build, true).env());
    assertNull(new Benchmark.Measure("ours", "dev.blueprints.app.Main", java.util.List.of()).classPath(), "the benchmark's own class path");
    assertEquals(java.util.List.of("AWS CDK Java 2.263, fargate-web shape (prod), validation off (CDK_VALIDATION=false)",
        "AWS CDK Java 2.263, fargate-web shape (prod), validation on (default)"), Benchmark.PEER_ROWS);
  }

  @Test
  void aCloudAssemblyIsCountedByItsStacksTemplates(@TempDir Path outdir) throws Exception {
    Files.writeString(outdir.resolve("manifest.json"), """
        {"version": "54.0.0", "artifacts": {
          "net.assets": {"type": "cdk:asset-manifest", "properties": {"file": "net.assets.json"}},
          "net": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "net.template.json"}},
          "tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}}
        """);
    Files.writeString(outdir.resolve("net.template.json"), """
        {"Resources": {"Vpc": {"Type": "AWS::EC2::VPC"}, "Igw": {"Type": "AWS::EC2::InternetGateway"},
          "CDKMetadata": {"Type": "AWS::CDK::Metadata"}}}
        """);
    assertArrayEquals(new int[] {1, 2}, Benchmark.count(outdir));
  }

  @Test
  void thePeerProjectStaysOutOfTheReactorAndPinsTheVersionTheRowsName() throws Exception {
    String root = Files.readString(ROOT.resolve("pom.xml"));
    String tools = Files.readString(ROOT.resolve("tools/pom.xml"));
    String peer = Files.readString(ROOT.resolve(CdkPeer.POM));
    assertFalse(root.contains("cdk-peer") || tools.contains("<modules>"), "the reactor would download aws-cdk-lib");
    assertFalse(peer.contains("<parent>"), "a parent would tie the peer to the reactor's build");
    assertTrue(peer.contains("<aws-cdk-lib.version>" + CdkPeer.AWS_CDK_LIB_VERSION + "</aws-cdk-lib.version>"), "the rows name this version");
    assertTrue(Files.exists(ROOT.resolve("tools/cdk-peer/src/main/java/" + CdkPeer.MAIN_CLASS.replace('.', '/') + ".java")));
  }
}
