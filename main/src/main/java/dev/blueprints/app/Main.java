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
 * Synthesizes the selected blueprints into {@code cdktf.out/} (or {@code $CDKTF_OUTDIR} under cdktf-cli).
 * Bad settings print one line naming the field, the value and what is allowed, and exit with status 2
 * with nothing written. Every stack is checked against the policy rules ({@code dev.blueprints.policy});
 * an unsuppressed ERROR finding lists each finding and exits with status 3 before any stack is written.
 */
public final class Main {
  /** Exit status for bad settings or arguments. */
  public static final int INVALID_INPUT = 2;
  /** Exit status when a policy rule of severity ERROR fails and is not suppressed. */
  public static final int POLICY_VIOLATION = 3;

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** Runs one synthesis; returns the process exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    long start = System.nanoTime();
    Path outdir = Path.of(env.getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
    boolean outdirExisted = Files.exists(outdir);
    Selection selection;
    App app;
    List<LayerStack> stacks;
    try {
      selection = Selection.parse(args, env);
      BlueprintsApp.Deployment deployment = BlueprintsApp.load(selection);
      app = BlueprintsApp.newApp(outdir);
      stacks = BlueprintsApp.build(app, deployment);
    } catch (IllegalArgumentException e) {
      err.println("blueprints: " + e.getMessage());
      removeIfCreated(outdir, outdirExisted);
      return INVALID_INPUT;
    }
    int status = synth(app, outdir, out, err);
    if (status != 0) return status;
    try {   // informative only: a failed estimate does not fail the synth
      CostReport cost = CostEstimator.estimate(outdir);
      out.print(cost.table());
      out.println("cost: report in " + cost.write(outdir));
    } catch (RuntimeException e) {
      err.println("blueprints: no cost estimate: " + e);
    }
    out.printf("blueprints: synthesized %d stacks (%s; %s) into %s in %.1f s%n",
        stacks.size() + 1, String.join(",", selection.blueprints()), String.join(",", selection.environments()),
        outdir, (System.nanoTime() - start) / 1e9);
    return 0;
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

  /** The app creates its output directory when constructed; a failed run leaves no trace of it. */
  private static void removeIfCreated(Path outdir, boolean existed) {
    if (!existed) delete(outdir);
  }
}
