package dev.blueprints.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import dev.blueprints.core.Stacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.WeakHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.constructs.Construct;
import software.constructs.IConstruct;
import software.constructs.IValidation;

/**
 * Synth-time policy: every stack it is enabled on (every {@code BlueprintStack}, by its constructor) is
 * checked against {@link RulePack} when the app synthesizes.
 *
 * <p>The check is a construct validation on each stack. The first validation of a synth runs the rules
 * over all enabled stacks of the app, writes {@value PolicyReport#FILE_NAME} to the app's output directory
 * and, when an unsuppressed ERROR exists, fails; CDKTF validates a stack before writing it, so a failing
 * synth writes no stack file. The report stays available through {@link #lastReport(Construct)}.
 *
 * <pre>
 *   Policy.suppress(bucket, "BP-S3-003", "access logs are written once and expire after 90 days");
 *   Policy.suppressInStack(stack, "BP-LB-005", "internal load balancer, no access logs needed");
 * </pre>
 */
public final class Policy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Object, AppState> APPS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<TerraformStack, AppState> STACK_STATES = Collections.synchronizedMap(new WeakHashMap<>());
  private static final PolicyEngine ENGINE = new PolicyEngine(RulePack.all());

  private Policy() {}

  /** Policy state of one app (construct tree root). */
  private static final class AppState {
    final Map<String, TerraformStack> stacks = new LinkedHashMap<>();
    final List<Suppression> suppressions = new ArrayList<>();
    Set<String> validatedThisPass;
    PolicyReport lastReport;
    boolean checkOutput;
  }

  private static AppState state(IConstruct construct) {
    // A stack's app is remembered on the Java side: the policy asks for it several times per stack, and
    // each getNode().getRoot() is two round trips through the jsii bridge (Stacks knows it for placed stacks).
    if (construct instanceof TerraformStack stack) {
      AppState known = STACK_STATES.get(stack);
      if (known != null) return known;
    }
    IConstruct root = Stacks.root(construct);
    AppState state;
    synchronized (APPS) {
      state = APPS.computeIfAbsent(root, r -> new AppState());
    }
    if (construct instanceof TerraformStack stack) STACK_STATES.put(stack, state);
    return state;
  }

  /** Checks {@code stack} on every synth of its app; idempotent. */
  public static void enable(TerraformStack stack) {
    AppState state = state(stack);
    synchronized (state) {
      if (state.stacks.containsValue(stack)) return;
    }
    String path = path(stack);
    boolean validate;
    synchronized (state) {
      if (state.stacks.containsKey(path)) return;
      state.stacks.put(path, stack);
      validate = !state.checkOutput;
    }
    // An app whose caller checks the written output needs no validation (each costs bridge calls and a callback).
    if (validate) stack.getNode().addValidation(new StackValidation(stack));
  }

  /** Enables the policy on every stack under {@code scope} (an app), e.g. stacks not built on BlueprintStack. */
  public static void enableAll(IConstruct scope) {
    if (scope instanceof TerraformStack stack) {
      enable(stack);
      return;
    }
    for (IConstruct child : scope.getNode().getChildren()) enableAll(child);
  }

  /**
   * Accepts the findings of {@code ruleId} on {@code scope} and everything below it (a resource, a module
   * construct or a stack). They stay in the report, marked suppressed with {@code reason}.
   *
   * @throws IllegalArgumentException for a blank reason or a rule id that is not in the pack
   */
  public static void suppress(IConstruct scope, String ruleId, String reason) {
    Suppression suppression = new Suppression(path(scope), ruleId, reason);
    AppState state = state(scope);
    synchronized (state) {
      state.suppressions.add(suppression);
    }
  }

  /** Accepts the findings of {@code ruleId} on every resource of {@code stack} and on the stack itself. */
  public static void suppressInStack(TerraformStack stack, String ruleId, String reason) {
    suppress(stack, ruleId, reason);
  }

  /** The suppressions registered in {@code scope}'s app. */
  public static List<Suppression> suppressions(IConstruct scope) {
    AppState state = state(scope);
    synchronized (state) {
      return List.copyOf(state.suppressions);
    }
  }

  /** Runs the rules on one stack now (tests, tools); suppressions of its app apply. Writes nothing. */
  public static PolicyReport check(TerraformStack stack) {
    return new PolicyReport(ENGINE.rules(), List.of(path(stack)),
        ENGINE.check(view(stack), suppressions(stack)));
  }

  /** Runs the rules on synthesized JSON of any CDKTF stack, with the given suppressions. */
  public static PolicyReport check(String stackId, JsonNode synthesized, List<Suppression> suppressions) {
    return new PolicyReport(ENGINE.rules(), List.of(stackId), ENGINE.check(new StackView(stackId, synthesized), suppressions));
  }

  /**
   * Moves the check of {@code app} from the stack validations to {@link #checkOutput}: the caller reads what
   * synth wrote instead of having every stack resolved a second time through the jsii bridge (the
   * validations cost about as much as writing). The caller must then call {@link #checkOutput} and discard
   * the output when it fails, as {@code Main} does. Called before the stacks are built, it spares them the
   * validation altogether; stacks enabled earlier keep theirs, which then pass.
   */
  public static void checkAfterSynth(App app) {
    AppState state = state(app);
    synchronized (state) {
      state.checkOutput = true;
    }
  }

  /**
   * Runs the rules on the stacks listed in {@code outdir/manifest.json} as written by synth, with the
   * suppressions registered in {@code app}; writes the report next to them and keeps it as the last report.
   */
  public static PolicyReport checkOutput(App app, Path outdir) {
    AppState state = state(app);
    List<Suppression> suppressions;
    synchronized (state) {
      suppressions = List.copyOf(state.suppressions);
    }
    List<Finding> findings = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
      for (var it = manifest.path("stacks").fields(); it.hasNext(); ) {
        var stack = it.next();
        JsonNode json = JSON.readTree(outdir.resolve(stack.getValue().path("synthesizedStackPath").asText()).toFile());
        ids.add(stack.getKey());
        findings.addAll(ENGINE.check(new StackView(stack.getKey(), json), suppressions));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the synthesized output in " + outdir, e);
    }
    PolicyReport report = new PolicyReport(ENGINE.rules(), ids, findings);
    report.write(outdir);
    synchronized (state) {
      state.lastReport = report;
    }
    return report;
  }

  /** The report of the last synth of {@code scope}'s app, if the policy ran. */
  public static Optional<PolicyReport> lastReport(IConstruct scope) {
    AppState state = state(scope);
    synchronized (state) {
      return Optional.ofNullable(state.lastReport);
    }
  }

  private static StackView view(TerraformStack stack) {
    JsonNode json = JSON.valueToTree(stack.toTerraform());
    return new StackView(path(stack), json);
  }

  /** A construct's path, from the Java side where {@link Stacks} knows it. */
  private static String path(IConstruct construct) {
    return String.join("/", Stacks.path(construct));
  }

  /** Runs on every enabled stack of the app; writes the report; returns one message per blocking finding. */
  private static List<String> runAll(IConstruct anyStack) {
    AppState state = state(anyStack);
    List<TerraformStack> stacks;
    List<Suppression> suppressions;
    synchronized (state) {
      stacks = List.copyOf(state.stacks.values());
      suppressions = List.copyOf(state.suppressions);
    }
    List<Finding> findings = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (TerraformStack stack : stacks) {
      StackView view = view(stack);
      ids.add(view.id());
      findings.addAll(ENGINE.check(view, suppressions));
    }
    PolicyReport report = new PolicyReport(ENGINE.rules(), ids, findings);
    IConstruct root = Stacks.root(anyStack);
    if (root instanceof App app) report.write(Path.of(app.getOutdir()));
    synchronized (state) {
      state.lastReport = report;
    }
    List<String> errors = new ArrayList<>();
    for (Finding f : report.blocking()) errors.add(f.line() + " (fix: " + f.fix() + ")");
    return errors;
  }

  /** The validation CDKTF runs on a stack before writing it. */
  private static final class StackValidation implements IValidation {
    private final TerraformStack stack;

    StackValidation(TerraformStack stack) {
      this.stack = stack;
    }

    @Override
    public List<String> validate() {
      AppState state = state(stack);
      synchronized (state) {
        if (state.checkOutput) return List.of();
      }
      String path = path(stack);
      synchronized (state) {
        // The first stack validated in a synth (or one seen again: a new synth) checks the whole app,
        // so a violation anywhere stops synth before any stack file is written.
        if (state.validatedThisPass != null && !state.validatedThisPass.contains(path)) {
          state.validatedThisPass.add(path);
          return List.of();
        }
      }
      List<String> errors = runAll(stack);
      synchronized (state) {
        state.validatedThisPass = errors.isEmpty() ? new HashSet<>(Set.of(path)) : null;
      }
      return errors;
    }
  }
}
