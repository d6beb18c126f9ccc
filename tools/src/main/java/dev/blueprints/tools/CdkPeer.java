package dev.blueprints.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's AWS CDK Java peer: {@code tools/cdk-peer}, a Maven project of its own (outside the reactor, so the
 * build and the tests never download aws-cdk-lib) that writes the fargate-web blueprint's prod shape with AWS CDK.
 * The benchmark builds it once, before measuring, and runs it like the other measures: a fresh JVM per run with the
 * same flags and Node.js.
 */
final class CdkPeer {
  static final String POM = "tools/cdk-peer/pom.xml";
  static final String AWS_CDK_LIB_VERSION = "2.263.0";
  static final String AWS_CDK_LIB = "software.amazon.awscdk:aws-cdk-lib:" + AWS_CDK_LIB_VERSION;
  static final String MAIN_CLASS = "dev.blueprints.cdkpeer.FargateWebPeer";
  /**
   * AWS CDK's validation switch: {@code false} stops the CloudFormation validator that aws-cdk-lib (since 2.262)
   * runs over every template inside {@code app.synth()}; the variable {@code cdk synth --no-validation} stands for.
   */
  static final String VALIDATION_VARIABLE = "CDK_VALIDATION";
  /** {@code BENCH_SKIP_PEER=1} or {@code --skip-peer}: no peer rows. */
  static final String SKIP_VARIABLE = "BENCH_SKIP_PEER";

  /** The peer's class path when it was built, else the one line saying why there are no peer rows. */
  record Build(String classPath, String skipped) {
    static Build skipped(String why) {
      return new Build(null, why);
    }

    boolean available() {
      return classPath != null;
    }
  }

  private CdkPeer() {}

  /** Builds the peer with {@code mvn} from {@code root} (quietly; the log is kept only when it fails). */
  static Build build(Path root, boolean skip) throws IOException, InterruptedException {
    if (skip) return Build.skipped("skipped (" + SKIP_VARIABLE + "=1 / --skip-peer)");
    Path target = root.resolve("tools/cdk-peer/target");
    Files.createDirectories(target);
    Path classPathFile = target.resolve("classpath.txt");
    Path log = target.resolve("build.log");
    System.out.println("  building the AWS CDK Java peer (" + POM + ", " + AWS_CDK_LIB + "; BENCH_SKIP_PEER=1 skips it) ...");
    Process process;
    try {
      process = new ProcessBuilder("mvn", "-B", "-q", "-f", POM, "package", "dependency:build-classpath", "-Dmdep.outputFile=" + classPathFile)
          .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      return Build.skipped("skipped: cannot run mvn to build it (" + e.getMessage() + ")");
    }
    int status = process.waitFor();
    if (status != 0) return Build.skipped(failure(Files.readString(log, StandardCharsets.UTF_8), root.relativize(log)));
    return new Build(target.resolve("classes") + java.io.File.pathSeparator + Files.readString(classPathFile).trim(), null);
  }

  /** One line for a failed build of the peer: Maven could not fetch aws-cdk-lib (offline, no access), or another failure. */
  static String failure(String mavenLog, Path log) {
    boolean unresolved = mavenLog.contains("aws-cdk-lib")
        && List.of("Could not resolve", "Could not transfer", "Could not find artifact", "offline mode")
            .stream().anyMatch(mavenLog::contains);
    return unresolved
        ? "skipped: Maven cannot fetch " + AWS_CDK_LIB + " (offline, or no access to Maven Central); see " + log
        : "skipped: the peer's build failed (mvn -f " + POM + "); see " + log;
  }

  /** The budget's row of the Markdown table: fargate-web prod alone against the peer with validation off. */
  static String budgetRow(double maxRatio, Benchmark.Row ours, Benchmark.Row peer) {
    return String.format(Locale.ROOT,
        "fargate-web prod alone ≤ %.1f × AWS CDK Java, validation off (moonshot 1.0 ×) | %.2f s = %.2f × AWS CDK Java's %.2f s "
            + "(%d stacks, %d resources; CloudFormation: %d stacks, %d resources) | %s",
        maxRatio, ours.seconds(), ours.seconds() / peer.seconds(), peer.seconds(), ours.stacks(), ours.resources(),
        peer.stacks(), peer.resources(), met(maxRatio, ours, peer) ? "met" : "**not met**");
  }

  /** The same budget when there is no peer row. */
  static String skippedBudgetRow(double maxRatio, String skipped) {
    return String.format(Locale.ROOT, "fargate-web prod alone ≤ %.1f × AWS CDK Java, validation off (moonshot 1.0 ×) | %s |",
        maxRatio, skipped);
  }

  static boolean met(double maxRatio, Benchmark.Row ours, Benchmark.Row peer) {
    return ours.seconds() <= maxRatio * peer.seconds();
  }
}
