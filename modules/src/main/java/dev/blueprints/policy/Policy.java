package dev.blueprints.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import dev.blueprints.core.StackContext;
import dev.blueprints.core.Stacks;
import dev.blueprints.core.Suppressions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import software.constructs.IConstruct;
import software.constructs.IValidation;

/**
 * Synth-time policy, attached to an app once with the rule packs it checks (the cdk-nag idea):
 *
 * <pre>
 *   App app = new App();
 *   Policy.attach(app, RulePacks.blueprints(), myTeamPack);
 *   ... build the stacks, in any order ...
 *   Policy.suppress(healthRoute, "BP-APIGW-003", "public liveness probe, throttled");
 *   PolicyReport report = Policy.synth(app);   // writes, checks, throws PolicyViolationException
 * </pre>
 *
 * <p>{@link #synth} is the one entry point: it synthesizes the app, checks every stack it wrote against the
 * attached packs with the suppressions recorded on the constructs ({@link Suppressions}), writes
 * {@value PolicyReport#FILE_NAME} next to the stacks, and throws a {@link PolicyViolationException} listing the
 * unsuppressed ERROR findings. An app synthesized with a plain {@code app.synth()} is checked too, through a
 * validation on every stack the library created or that existed when the policy was attached; a failure then
 * reaches the caller as CDKTF's validation error and no stack file is written. An app that is only ever written
 * through {@link #synth} can spare its stacks those validations with {@link #checkWrittenFilesOnly}.
 */
public final class Policy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<IConstruct, AppState> APPS = Collections.synchronizedMap(new WeakHashMap<>());

  private Policy() {}

  /** Policy state of one app. */
  private static final class AppState {
    final Map<String, RulePack> packs = new LinkedHashMap<>();
    final Map<String, TerraformStack> stacks = new LinkedHashMap<>();
    Set<String> validatedThisPass;
    PolicyReport lastReport;
    boolean checkingOutput;
    /** Set by {@link #checkWrittenFilesOnly}: stacks seen from then on get no validation. */
    boolean writtenFilesOnly;
  }

  private static AppState state(IConstruct construct) {
    AppState state = APPS.get(Stacks.root(construct));
    if (state == null) {
      throw new IllegalStateException(String.join("/", Stacks.path(construct))
          + " is in an app with no policy: call Policy.attach(app, packs...) first");
    }
    return state;
  }

  /**
   * Checks every stack of {@code app} against {@code packs} on each synth; a second call adds packs.
   *
   * @throws IllegalArgumentException when two attached packs have a rule id in common
   */
  public static void attach(App app, RulePack... packs) {
    if (packs.length == 0) throw new IllegalArgumentException("packs = [] is invalid: attach at least one rule pack");
    AppState state;
    boolean first;
    synchronized (APPS) {
      first = !APPS.containsKey(app);
      state = APPS.computeIfAbsent(app, a -> new AppState());
    }
    synchronized (state) {
      for (RulePack pack : packs) {
        if (state.packs.containsKey(pack.name())) continue;
        for (Rule rule : pack.rules()) {
          RulePack owner = owner(state, rule.id());
          if (owner != null) {
            throw new IllegalArgumentException("pack " + pack.name() + " is invalid here: rule " + rule.id()
                + " is already attached with pack " + owner.name());
          }
        }
        state.packs.put(pack.name(), pack);
      }
    }
    if (!first) return;
    for (IConstruct child : app.getNode().getChildren()) {
      if (child instanceof TerraformStack stack) watch(state, stack);
    }
    Stacks.whenStackAdded(app, stack -> watch(state, stack));
  }

  /**
   * Declares that {@code app} is written only through {@link #synth}, which checks the files it writes, so the
   * stacks created from now on register no validation of their own. Each such validation costs about five round
   * trips to the jsii runtime while the stack is built and a callback during synth, in which {@link #synth} only
   * returns (some 160 round trips for an app of 33 stacks). A plain {@code app.synth()} of those stacks is then
   * not checked; {@link #checkOutput} still checks what it wrote. Stacks that already exist keep their validation.
   *
   * @throws IllegalStateException when no policy is attached to {@code app}
   */
  public static void checkWrittenFilesOnly(App app) {
    AppState state = state(app);
    synchronized (state) {
      state.writtenFilesOnly = true;
    }
  }

  /** The packs attached to {@code scope}'s app. */
  public static List<RulePack> packs(IConstruct scope) {
    AppState state = state(scope);
    synchronized (state) {
      return List.copyOf(state.packs.values());
    }
  }

  /**
   * Accepts the findings of {@code ruleId} on {@code scope} and everything below it (a resource, a module
   * construct or a stack). They stay in the report, marked suppressed with {@code reason}. The rule id is
   * checked against the attached packs when the app is checked (at once, when the policy is already attached).
   *
   * @throws IllegalArgumentException for a blank reason or a rule id that no attached pack has
   */
  public static void suppress(IConstruct scope, String ruleId, String reason) {
    AppState state = APPS.get(Stacks.root(scope));
    if (state != null) requireKnown(state, ruleId, String.join("/", Stacks.path(scope)));
    Suppressions.add(scope, ruleId, reason);
  }

  /**
   * Synthesizes {@code app} into its output directory and checks every stack it wrote; writes the report
   * beside them and returns it.
   *
   * @throws PolicyViolationException when an ERROR finding is not suppressed (the stacks stay written: the
   *     caller decides what to keep; the report lists the findings)
   */
  public static PolicyReport synth(App app) {
    AppState state = state(app);
    synchronized (state) {
      // The stacks' validations step aside: reading the written JSON is cheaper than resolving every stack twice.
      state.checkingOutput = true;
    }
    try {
      app.synth();
    } finally {
      synchronized (state) {
        state.checkingOutput = false;
      }
    }
    PolicyReport report = checkOutput(app, Path.of(app.getOutdir()));
    if (report.failed()) throw new PolicyViolationException(report);
    return report;
  }

  /**
   * Runs the attached packs on the stacks listed in {@code outdir/manifest.json} as synth wrote them; writes the
   * report next to them and keeps it as the last report. Throws nothing for findings: see {@link PolicyReport#failed}.
   */
  public static PolicyReport checkOutput(App app, Path outdir) {
    AppState state = state(app);
    PolicyEngine engine = engine(state);
    List<Suppressions.Entry> suppressions = suppressions(state, app);
    List<Finding> findings = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Map<String, Set<String>> accounts = declaredAccounts(state);
    List<StackView> views = new ArrayList<>();
    try {
      JsonNode manifest = JSON.readTree(outdir.resolve("manifest.json").toFile());
      for (var it = manifest.path("stacks").fields(); it.hasNext(); ) {
        var stack = it.next();
        JsonNode json = JSON.readTree(outdir.resolve(stack.getValue().path("synthesizedStackPath").asText()).toFile());
        ids.add(stack.getKey());
        StackView view = withAccounts(new StackView(stack.getKey(), json), accounts);
        views.add(view);
        findings.addAll(engine.check(view, suppressions));
      }
      findings.addAll(engine.checkApp(views, suppressions));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the synthesized output in " + outdir, e);
    }
    PolicyReport report = new PolicyReport(engine.rules(), ids, findings);
    report.write(outdir);
    synchronized (state) {
      state.lastReport = report;
    }
    return report;
  }

  /** Runs the attached packs on one stack now (tests, tools), with the suppressions of its app. Writes nothing. */
  public static PolicyReport check(TerraformStack stack) {
    AppState state = state(stack);
    PolicyEngine engine = engine(state);
    StackView view = withAccounts(view(stack), declaredAccounts(state));
    List<Suppressions.Entry> suppressions = suppressions(state, stack);
    List<Finding> findings = new ArrayList<>(engine.check(view, suppressions));
    findings.addAll(engine.checkApp(List.of(view), suppressions));
    return new PolicyReport(engine.rules(), List.of(view.id()), findings);
  }

  /** Runs {@code packs} on the synthesized JSON of any CDKTF stack, with the given suppressions. */
  public static PolicyReport check(String stackId, JsonNode synthesized, List<RulePack> packs,
      List<Suppressions.Entry> suppressions) {
    return check(stackId, synthesized, Set.of(), packs, suppressions);
  }

  /** As above, for a stack whose environment declares {@code declaredAccounts} in its settings. */
  public static PolicyReport check(String stackId, JsonNode synthesized, Set<String> declaredAccounts, List<RulePack> packs,
      List<Suppressions.Entry> suppressions) {
    PolicyEngine engine = new PolicyEngine(rulesOf(packs));
    StackView view = new StackView(stackId, synthesized, declaredAccounts);
    List<Finding> findings = new ArrayList<>(engine.check(view, suppressions));
    findings.addAll(engine.checkApp(List.of(view), suppressions));
    return new PolicyReport(engine.rules(), List.of(stackId), findings);
  }

  /** The report of the last check of {@code scope}'s app, if the policy ran. */
  public static Optional<PolicyReport> lastReport(IConstruct scope) {
    AppState state = APPS.get(Stacks.root(scope));
    if (state == null) return Optional.empty();
    synchronized (state) {
      return Optional.ofNullable(state.lastReport);
    }
  }

  private static void watch(AppState state, TerraformStack stack) {
    String path = String.join("/", Stacks.path(stack));
    synchronized (state) {
      if (state.stacks.containsKey(path)) return;
      state.stacks.put(path, stack);
      if (state.writtenFilesOnly) return;
    }
    stack.getNode().addValidation(new StackValidation(stack, state));
  }

  private static RulePack owner(AppState state, String ruleId) {
    for (RulePack pack : state.packs.values()) if (pack.byId(ruleId) != null) return pack;
    return null;
  }

  private static void requireKnown(AppState state, String ruleId, String path) {
    synchronized (state) {
      if (owner(state, ruleId) != null) return;
      List<String> packs = List.copyOf(state.packs.keySet());
      String example = state.packs.values().iterator().next().rules().get(0).id();
      throw new IllegalArgumentException("ruleId = \"" + ruleId + "\" (suppressed on " + path + ") is invalid: "
          + "a rule id of the attached packs " + packs + ", e.g. " + example);
    }
  }

  private static List<Suppressions.Entry> suppressions(AppState state, IConstruct scope) {
    List<Suppressions.Entry> entries = Suppressions.of(scope);
    for (Suppressions.Entry entry : entries) requireKnown(state, entry.ruleId(), entry.path());
    return entries;
  }

  private static PolicyEngine engine(AppState state) {
    synchronized (state) {
      return new PolicyEngine(rulesOf(state.packs.values()));
    }
  }

  private static List<Rule> rulesOf(Iterable<RulePack> packs) {
    List<Rule> rules = new ArrayList<>();
    for (RulePack pack : packs) rules.addAll(pack.rules());
    return rules;
  }

  /**
   * The accounts the settings of the app's stacks declare, by environment name: a stack of an environment with a
   * declared account is checked for the guard even when it was built without those settings.
   */
  private static Map<String, Set<String>> declaredAccounts(AppState state) {
    List<TerraformStack> stacks;
    synchronized (state) {
      stacks = List.copyOf(state.stacks.values());
    }
    Map<String, Set<String>> out = new java.util.HashMap<>();
    for (TerraformStack stack : stacks) {
      StackContext context = StackContext.find(stack);
      if (context == null || context.settings().account() == null) continue;
      out.computeIfAbsent(context.environment().name(), e -> new java.util.TreeSet<>()).add(context.settings().account().id());
    }
    return out;
  }

  private static StackView withAccounts(StackView view, Map<String, Set<String>> accounts) {
    Set<String> declared = accounts.get(view.environment());
    return declared == null ? view : new StackView(view.id(), view.root(), declared);
  }

  private static StackView view(TerraformStack stack) {
    JsonNode json = JSON.valueToTree(stack.toTerraform());
    return new StackView(String.join("/", Stacks.path(stack)), json);
  }

  /** Runs on every watched stack of the app; writes the report; returns one message per blocking finding. */
  private static List<String> runAll(AppState state, TerraformStack anyStack) {
    List<TerraformStack> stacks;
    synchronized (state) {
      stacks = List.copyOf(state.stacks.values());
    }
    PolicyEngine engine = engine(state);
    List<Suppressions.Entry> suppressions = suppressions(state, anyStack);
    List<Finding> findings = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Map<String, Set<String>> accounts = declaredAccounts(state);
    List<StackView> views = new ArrayList<>();
    for (TerraformStack stack : stacks) {
      StackView view = withAccounts(view(stack), accounts);
      ids.add(view.id());
      views.add(view);
      findings.addAll(engine.check(view, suppressions));
    }
    findings.addAll(engine.checkApp(views, suppressions));
    PolicyReport report = new PolicyReport(engine.rules(), ids, findings);
    if (Stacks.root(anyStack) instanceof App app) report.write(Path.of(app.getOutdir()));
    synchronized (state) {
      state.lastReport = report;
    }
    List<String> errors = new ArrayList<>();
    for (Finding f : report.blocking()) errors.add(f.line() + " (fix: " + f.fix() + ")");
    return errors;
  }

  /** The validation CDKTF runs on a stack before writing it, for apps synthesized with a plain {@code app.synth()}. */
  private static final class StackValidation implements IValidation {
    private final TerraformStack stack;
    private final AppState state;

    StackValidation(TerraformStack stack, AppState state) {
      this.stack = stack;
      this.state = state;
    }

    @Override
    public List<String> validate() {
      String path = String.join("/", Stacks.path(stack));
      synchronized (state) {
        if (state.checkingOutput) return List.of();
        // The first stack validated in a synth (or one seen again: a new synth) checks the whole app,
        // so a violation anywhere stops synth before any stack file is written.
        if (state.validatedThisPass != null && !state.validatedThisPass.contains(path)) {
          state.validatedThisPass.add(path);
          return List.of();
        }
      }
      List<String> errors = runAll(state, stack);
      synchronized (state) {
        state.validatedThisPass = errors.isEmpty() ? new HashSet<>(Set.of(path)) : null;
      }
      return errors;
    }
  }
}
