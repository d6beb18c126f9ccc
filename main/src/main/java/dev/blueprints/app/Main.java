package dev.blueprints.app;

import com.hashicorp.cdktf.App;
import dev.blueprints.blueprints.LayerStack;
import dev.blueprints.cost.CostEstimator;
import dev.blueprints.cost.CostReport;
import dev.blueprints.policy.Policy;
import dev.blueprints.policy.PolicyReport;
import dev.blueprints.policy.PolicyViolationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Synthesizes the selected blueprints into {@code cdktf.out/} (or {@code $CDKTF_OUTDIR} under cdktf-cli), replacing
 * the folder whole: it always holds either the previous complete output or the new one ({@link StagedOutput}).
 * Bad settings print one line naming the field, the value and what is allowed, and exit with status 2
 * with nothing written. Every stack is checked against the policy rules ({@code dev.blueprints.policy});
 * an unsuppressed ERROR finding lists each finding and exits with status 3, keeping the previous output.
 * Faults of the machine (Node.js, output path, provider jar, jsii cache, disk, settings directory) end in one
 * line with the cause and the fix and exit with statuses 4 to 9 ({@link EnvironmentFault}).
 */
public final class Main {
  /** Exit status for bad settings or arguments. */
  public static final int INVALID_INPUT = 2;
  /** Exit status when a policy rule of severity ERROR fails and is not suppressed. */
  public static final int POLICY_VIOLATION = 3;

  private Main() {}

  public static void main(String[] args) {
    ClassPreload.start();   // loads the classes the synth will need on the idle core; see ClassPreload
    // Ctrl-C or a kill before the output is replaced leaves no staging folder and puts a set-aside output back
    // (what a SIGKILL leaves, the next run repairs).
    Path outdir = outdir(System.getenv()).toAbsolutePath().normalize();
    Path staging = StagedOutput.stagingFor(outdir);
    Path previous = StagedOutput.previousFor(outdir);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        delete(staging);
        if (Files.exists(previous)) {
          delete(outdir);
          Files.move(previous, outdir);
        }
      } catch (IOException | RuntimeException e) {
        // the next run repairs it
      }
    }, "blueprints-output-cleanup"));
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** The output folder: {@code $CDKTF_OUTDIR} under cdktf-cli, {@code cdktf.out} otherwise. */
  static Path outdir(Map<String, String> env) {
    String dir = env.get("CDKTF_OUTDIR");
    return Path.of(dir == null || dir.isBlank() ? "cdktf.out" : dir);
  }

  /** Runs one synthesis; returns the process exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, staging -> {});
  }

  /** A step between writing the staging folder and replacing the output with it (tests inject faults here). */
  @FunctionalInterface
  interface BeforeCommit {
    void accept(Path staging) throws IOException;
  }

  /**
   * Runs one synthesis into a staging folder beside the output and replaces the output with it only when every
   * stack, the manifest and the reports are written and the policy passed ({@link StagedOutput}); on any failure
   * the output stays as it was. Bad settings exit with {@link #INVALID_INPUT}, a policy violation with
   * {@link #POLICY_VIOLATION}, a fault of the machine with its {@link EnvironmentFault.Kind#status()}: each with a
   * one-line message and no stack trace.
   */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, BeforeCommit beforeCommit) {
    long start = System.nanoTime();
    Path outdir = outdir(env);
    Preflight.Paths paths = Preflight.Paths.of(env, outdir, StagedOutput.stagingFor(outdir));
    StagedOutput output = null;
    JsiiStart jsii = null;
    try {
      Selection selection = Selection.parse(args, env);
      Preflight.settingsDirectory(selection.settingsDir());
      // The machine's checks and the start of Node.js run beside the reading of the settings; a bad setting
      // is still reported first, then a fault of the machine.
      jsii = JsiiStart.begin(env, selection.settingsDir(), paths);
      BlueprintsApp.Deployment deployment = BlueprintsApp.load(selection);
      jsii.await();
      // CDKTF writes to CDKTF_OUTDIR when the process has it (cdktf-cli sets it), whatever the app is told:
      // then the synth works in place, with the previous output set aside until it succeeds.
      String cdktfOutdir = System.getenv("CDKTF_OUTDIR");
      output = cdktfOutdir == null || cdktfOutdir.isBlank() ? StagedOutput.begin(outdir) : StagedOutput.beginInPlace(Path.of(cdktfOutdir));
      App app = BlueprintsApp.newApp(output.staging());
      List<LayerStack> stacks = BlueprintsApp.build(app, deployment);
      try {
        out.print(Policy.synth(app).summary());
      } catch (PolicyViolationException e) {
        Path report = output.reject(PolicyReport.FILE_NAME);
        output = null;
        err.print(e.getMessage());
        err.println("blueprints: policy report in " + report + "; no stack was kept, " + outdir + " is unchanged");
        return POLICY_VIOLATION;
      }
      try {   // informative only: a failed estimate does not fail the synth
        CostReport cost = CostEstimator.estimate(output.staging());
        out.print(cost.table());
        cost.write(output.staging());
        out.println("cost: report in " + outdir.resolve(CostReport.FILE_NAME));
      } catch (RuntimeException e) {
        err.println("blueprints: no cost estimate: " + e);
      }
      // What to do before the first deploy, and the quotas the selection needs: written with the output, printed last.
      DeployChecklist.Result checklist = DeployChecklist.write(output.staging());
      try {
        beforeCommit.accept(output.staging());
      } catch (IOException e) {
        throw StagedOutput.outputFault(outdir, "writing " + output.staging() + " failed (" + e.getMessage() + ")", e);
      }
      output.commit();
      output = null;
      out.printf("blueprints: synthesized %d stacks (%s; %s) into %s in %.1f s%n",
          stacks.size() + 1, String.join(",", selection.blueprints()), String.join(",", selection.environments()),
          outdir, (System.nanoTime() - start) / 1e9);
      checklist.lines().forEach(out::println);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("blueprints: " + e.getMessage());
      return INVALID_INPUT;
    } catch (EnvironmentFault e) {
      err.println("blueprints: " + e.getMessage());
      return e.status();
    } catch (RuntimeException | Error e) {
      EnvironmentFault fault = EnvironmentFault.recognize(e, paths);
      if (fault == null) throw e;
      err.println("blueprints: " + fault.getMessage());
      return fault.status();
    } finally {
      if (jsii != null) jsii.settle();
      if (output != null) output.abandon();
    }
  }

  /**
   * Synthesizes {@code app} and checks every stack it wrote against the attached policy (those not built on
   * BlueprintStack, like the state bootstrap, included), then prints the policy summary. Returns 0, or
   * {@link #POLICY_VIOLATION} after listing the unsuppressed ERROR findings and removing the stacks just
   * written, so nothing that failed the policy can be planned or deployed; the report stays.
   */
  public static int synth(App app, Path outdir, PrintStream out, PrintStream err) {
    try {
      out.print(Policy.synth(app).summary());
      return 0;
    } catch (PolicyViolationException e) {
      removeStacks(outdir, e.report().stacks());
      err.print(e.getMessage());
      err.println("blueprints: policy report in " + outdir.resolve(PolicyReport.FILE_NAME) + "; no stack was kept");
      return POLICY_VIOLATION;
    }
  }

  private static void removeStacks(Path outdir, List<String> stacks) {
    for (String stack : stacks) delete(outdir.resolve("stacks").resolve(stack));
    delete(outdir.resolve("manifest.json"));
  }

  /** Deletes a file or a directory tree, if it exists. */
  public static void delete(Path path) {
    if (!Files.exists(path)) return;
    try (var files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
